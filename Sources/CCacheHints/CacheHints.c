#define _GNU_SOURCE
#include "CCacheHints.h"

#include <stdlib.h>
#include <string.h>
#if defined(__linux__)
#include <sys/mman.h>
#endif

enum { docsift_huge_page = 2 * 1024 * 1024 };

void *docsift_allocate_table(size_t bytes) {
    if (bytes == 0) bytes = 1;
    void *table = NULL;
    size_t alignment = bytes >= docsift_huge_page ? docsift_huge_page : 64;
    size_t rounded = (bytes + alignment - 1) / alignment * alignment;
    if (posix_memalign(&table, alignment, rounded) != 0) return NULL;
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    if (alignment == docsift_huge_page) (void)madvise(table, rounded, MADV_HUGEPAGE);
#endif
    memset(table, 0, rounded);
    return table;
}

void docsift_free_table(void *table) { free(table); }
