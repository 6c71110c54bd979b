// Cache and memory hints that Swift has no spelling for.
#ifndef DOCSIFT_CCACHEHINTS_H
#define DOCSIFT_CCACHEHINTS_H

#include <stddef.h>

/// Asks the CPU to start loading the cache line at `address` for a read soon; no effect
/// on program state, and safe for any address (a prefetch never faults).
static inline void docsift_prefetch_read(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

/// Allocates `bytes` of zeroed memory for a large table that is read at random: from 2 MiB
/// up, mapped straight from the kernel (zero pages, no memset), aligned to 2 MiB and hinted
/// for transparent huge pages, so random reads miss the TLB far less often. Returns NULL
/// when out of memory. Free with `docsift_free_table` and the same `bytes`.
void *docsift_allocate_table(size_t bytes);

/// Frees memory from `docsift_allocate_table(bytes)`.
void docsift_free_table(void *table, size_t bytes);

#endif
