/*
 * A parallel for over index ranges for the addon's host kernels (activations, pooling, layouts):
 * the intra-op thread count set by blasSetThreads (default 1) applies to them as to OpenBLAS, so
 * a sweep's one-thread trials stay one thread. Work is split into contiguous ranges; kernels
 * that write disjoint outputs per index give the same bits for every thread count.
 */
#ifndef ANALOOP_PARALLEL_H
#define ANALOOP_PARALLEL_H
#include <stddef.h>

/* fn(ctx, lo, hi) handles indices [lo, hi). */
typedef void (*par_range_fn)(void* ctx, size_t lo, size_t hi);

/*
 * Runs fn over [0, n) on up to the configured threads, returning when all ranges are done.
 * Ranges smaller than `grain` indices are not split (one thread below 2 * grain). Calls from
 * a thread other than the main one (the libuv pool) run serially.
 */
void par_for(size_t n, size_t grain, par_range_fn fn, void* ctx);

/* Sets the thread count (>= 1); the pool's threads start on first use. */
void par_set_threads(int n);
int par_threads(void);

#endif
