#define _GNU_SOURCE
#include "CCacheHints.h"

#include <stdint.h>
#include <stdlib.h>
#if defined(__linux__)
#include <sys/mman.h>
#endif

enum { docsift_huge_page = 2 * 1024 * 1024 };

// Large tables come straight from mmap: zero pages without a memset, aligned to a huge
// page by trimming the mapping, and hinted for transparent huge pages. Small tables (and
// systems without mmap) use calloc. The size decides which, for allocation and release.
static int docsift_uses_mapping(size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    return bytes >= docsift_huge_page;
#else
    (void)bytes;
    return 0;
#endif
}

void *docsift_allocate_table(size_t bytes) {
    if (bytes == 0) bytes = 1;
    if (!docsift_uses_mapping(bytes)) return calloc(1, bytes);
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    size_t rounded = (bytes + docsift_huge_page - 1) / docsift_huge_page * docsift_huge_page;
    size_t mapped = rounded + docsift_huge_page;
    char *base = mmap(NULL, mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (base == MAP_FAILED) return NULL;
    uintptr_t start = ((uintptr_t)base + docsift_huge_page - 1) / docsift_huge_page * docsift_huge_page;
    size_t head = start - (uintptr_t)base;
    if (head > 0) munmap(base, head);
    size_t tail = mapped - head - rounded;
    if (tail > 0) munmap((char *)start + rounded, tail);
    (void)madvise((void *)start, rounded, MADV_HUGEPAGE);
    return (void *)start;
#else
    return NULL;
#endif
}

void docsift_free_table(void *table, size_t bytes) {
    if (table == NULL) return;
    if (bytes == 0) bytes = 1;
    if (!docsift_uses_mapping(bytes)) {
        free(table);
        return;
    }
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    size_t rounded = (bytes + docsift_huge_page - 1) / docsift_huge_page * docsift_huge_page;
    munmap(table, rounded);
#endif
}
