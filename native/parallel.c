/*
 * The pool behind par_for (parallel.h): threads - 1 workers that sleep on a condition variable;
 * the calling thread takes the first range itself, then any range no worker has claimed. One job
 * at a time, from the main thread only (JavaScript calls the addon from one thread; libuv pool
 * calls run serially).
 */
#include "parallel.h"

#include <pthread.h>

#define MAX_THREADS 64

static int wanted = 1;
static int started = 0;
static pthread_t workers[MAX_THREADS];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t work_ready = PTHREAD_COND_INITIALIZER;
static pthread_cond_t work_done = PTHREAD_COND_INITIALIZER;
static pthread_t main_thread;
static int main_known = 0;

/* The current job: ranges [k * chunk, min(n, (k + 1) * chunk)) for k = 1..parts-1. */
static par_range_fn job_fn;
static void* job_ctx;
static size_t job_n, job_chunk;
static int job_parts;
static int next_part, parts_left;

static void* worker_main(void* arg) {
  (void)arg;
  pthread_mutex_lock(&lock);
  for (;;) {
    while (next_part >= job_parts) pthread_cond_wait(&work_ready, &lock);
    const int k = next_part++;
    const size_t lo = (size_t)k * job_chunk;
    const size_t hi = lo + job_chunk < job_n ? lo + job_chunk : job_n;
    par_range_fn fn = job_fn;
    void* ctx = job_ctx;
    pthread_mutex_unlock(&lock);
    fn(ctx, lo, hi);
    pthread_mutex_lock(&lock);
    if (--parts_left == 0) pthread_cond_signal(&work_done);
  }
  return NULL;
}

void par_set_threads(int n) {
  if (n < 1) n = 1;
  if (n > MAX_THREADS) n = MAX_THREADS;
  wanted = n;
}

int par_threads(void) { return wanted; }

static int ensure_workers(int count) {
  while (started < count) {
    if (pthread_create(&workers[started], NULL, worker_main, NULL) != 0) break;
    pthread_detach(workers[started]);
    started++;
  }
  return started;
}

void par_for(size_t n, size_t grain, par_range_fn fn, void* ctx) {
  if (!main_known) {
    main_thread = pthread_self();
    main_known = 1;
  }
  if (grain < 1) grain = 1;
  int parts = wanted;
  if ((size_t)parts > n / grain) parts = (int)(n / grain);
  if (parts <= 1 || !pthread_equal(pthread_self(), main_thread)) {
    if (n > 0) fn(ctx, 0, n);
    return;
  }
  const int helpers = ensure_workers(parts - 1);
  if (helpers < parts - 1) parts = helpers + 1;
  if (parts <= 1) {
    fn(ctx, 0, n);
    return;
  }
  const size_t chunk = (n + (size_t)parts - 1) / (size_t)parts;
  pthread_mutex_lock(&lock);
  job_fn = fn;
  job_ctx = ctx;
  job_n = n;
  job_chunk = chunk;
  job_parts = parts;
  next_part = 1;
  parts_left = parts - 1;
  pthread_cond_broadcast(&work_ready);
  pthread_mutex_unlock(&lock);
  fn(ctx, 0, chunk < n ? chunk : n);
  pthread_mutex_lock(&lock);
  /* Parts no worker has claimed yet run here: on a loaded machine a worker may not get a core
   * for milliseconds, and waiting for it would serialise the job anyway. The ranges are the
   * same whoever runs them. */
  while (next_part < job_parts) {
    const int k = next_part++;
    const size_t lo = (size_t)k * chunk;
    const size_t hi = lo + chunk < n ? lo + chunk : n;
    pthread_mutex_unlock(&lock);
    fn(ctx, lo, hi);
    pthread_mutex_lock(&lock);
    parts_left--;
  }
  while (parts_left > 0) pthread_cond_wait(&work_done, &lock);
  pthread_mutex_unlock(&lock);
}
