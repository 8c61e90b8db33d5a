/*
 * The pool behind par_for (parallel.h): threads - 1 workers; the calling thread takes the first
 * range itself, then any range no worker has claimed. One job at a time, from the main thread
 * only (JavaScript calls the addon from one thread; libuv pool calls run serially).
 *
 * A step issues many jobs of 50-500 us, about what a sleeping worker takes to get a core when
 * another process holds it. So a job is cut into up to PARTS_PER_THREAD ranges per thread (a
 * worker that starts late still takes a share, and one that loses its core mid-job holds up
 * less), a worker polls briefly for the next job before it sleeps, and the main thread polls
 * briefly for the last ranges before it sleeps. Both polls are short: a longer worker poll
 * (200 us) was faster on an idle machine but 20-40% slower beside a busy process, whose core it
 * kept taking. Which thread runs a range never changes its outputs (parallel.h).
 */
#define _POSIX_C_SOURCE 200112L /* clock_gettime under -std=c11 */
#include "parallel.h"

#include <pthread.h>
#include <time.h>

#define MAX_THREADS 64
#define MAX_PARTS 64
#define PARTS_PER_THREAD 4
/* How long a worker polls for the next job before it sleeps (the gaps between a step's jobs). */
#define SPIN_NS 30000
/*
 * The main thread's poll for ranges a worker is finishing. Short: if that worker lost its core
 * to another process, a sleeping main thread frees a core the scheduler can move it to.
 */
#define MAIN_SPIN_NS 100000

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
/* Bumped with every job (written under the lock, polled without it). */
static unsigned job_seq;
/* Workers waiting on work_ready (under the lock): a job is broadcast only if there are any. */
static int sleepers;

static inline void cpu_relax(void) {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#endif
}

static inline long long now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
}

/* Polls until a new job is posted or `ns` have passed. */
static void spin_for_job(unsigned seen, long long ns) {
  const long long end = now_ns() + ns;
  for (;;) {
    for (int i = 0; i < 64; i++) {
      if (__atomic_load_n(&job_seq, __ATOMIC_ACQUIRE) != seen) return;
      cpu_relax();
    }
    if (now_ns() >= end) return;
  }
}

static void* worker_main(void* arg) {
  (void)arg;
  pthread_mutex_lock(&lock);
  for (;;) {
    if (next_part >= job_parts) {
      const unsigned seen = job_seq;
      pthread_mutex_unlock(&lock);
      spin_for_job(seen, SPIN_NS);
      pthread_mutex_lock(&lock);
      while (next_part >= job_parts) {
        sleepers++;
        pthread_cond_wait(&work_ready, &lock);
        sleepers--;
      }
    }
    const int k = next_part++;
    const size_t lo = (size_t)k * job_chunk;
    const size_t hi = lo + job_chunk < job_n ? lo + job_chunk : job_n;
    par_range_fn fn = job_fn;
    void* ctx = job_ctx;
    pthread_mutex_unlock(&lock);
    fn(ctx, lo, hi);
    pthread_mutex_lock(&lock);
    /* Read by the spinning main thread without the lock. */
    if (__atomic_sub_fetch(&parts_left, 1, __ATOMIC_RELEASE) == 0)
      pthread_cond_signal(&work_done);
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
  int threads = wanted;
  if ((size_t)threads > n / grain) threads = (int)(n / grain);
  if (threads <= 1 || !pthread_equal(pthread_self(), main_thread)) {
    if (n > 0) fn(ctx, 0, n);
    return;
  }
  const int helpers = ensure_workers(threads - 1);
  if (helpers < threads - 1) threads = helpers + 1;
  if (threads <= 1) {
    fn(ctx, 0, n);
    return;
  }
  /* Several ranges per thread, each still at least `grain` long. */
  size_t parts_max = n / grain;
  if (parts_max > (size_t)threads * PARTS_PER_THREAD)
    parts_max = (size_t)threads * PARTS_PER_THREAD;
  if (parts_max > MAX_PARTS) parts_max = MAX_PARTS;
  const size_t chunk = (n + parts_max - 1) / parts_max;
  const int parts = (int)((n + chunk - 1) / chunk);
  pthread_mutex_lock(&lock);
  job_fn = fn;
  job_ctx = ctx;
  job_n = n;
  job_chunk = chunk;
  job_parts = parts;
  next_part = 1;
  parts_left = parts - 1;
  __atomic_store_n(&job_seq, job_seq + 1, __ATOMIC_RELEASE);
  if (sleepers > 0) pthread_cond_broadcast(&work_ready);
  pthread_mutex_unlock(&lock);
  fn(ctx, 0, chunk < n ? chunk : n);
  pthread_mutex_lock(&lock);
  /* Ranges no worker has claimed yet run here: on a loaded machine a worker may not get a core
   * for milliseconds, and waiting for it would serialise the job anyway. The ranges are the
   * same whoever runs them. */
  while (next_part < job_parts) {
    const int k = next_part++;
    const size_t lo = (size_t)k * chunk;
    const size_t hi = lo + chunk < n ? lo + chunk : n;
    pthread_mutex_unlock(&lock);
    fn(ctx, lo, hi);
    pthread_mutex_lock(&lock);
    __atomic_sub_fetch(&parts_left, 1, __ATOMIC_RELEASE);
  }
  if (parts_left > 0) {
    /* A worker is finishing its last range: poll rather than sleep through a wake-up. */
    pthread_mutex_unlock(&lock);
    const long long end = now_ns() + MAIN_SPIN_NS;
    while (__atomic_load_n(&parts_left, __ATOMIC_ACQUIRE) > 0 && now_ns() < end)
      for (int i = 0; i < 64 && __atomic_load_n(&parts_left, __ATOMIC_ACQUIRE) > 0; i++)
        cpu_relax();
    pthread_mutex_lock(&lock);
  }
  while (parts_left > 0) pthread_cond_wait(&work_done, &lock);
  pthread_mutex_unlock(&lock);
}
