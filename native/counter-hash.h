/*
 * The counter-based RNG's two 32-bit mixing rounds (src/noise/counter.ts): value = hash(key,
 * index). Shared by the noise chains (analoop.c) and dropout (pointwise.c), so both draw exactly
 * the bits of the JavaScript reference.
 */
#ifndef ANALOOP_COUNTER_HASH_H
#define ANALOOP_COUNTER_HASH_H
#include <stdint.h>

static inline uint32_t mix_a(uint32_t h) {
  h ^= h >> 16;
  h *= 0x7feb352du;
  h ^= h >> 15;
  h *= 0x846ca68bu;
  return h ^ (h >> 16);
}

static inline uint32_t mix_b(uint32_t h) {
  h ^= h >> 16;
  h *= 0x85ebca6bu;
  h ^= h >> 13;
  h *= 0xc2b2ae35u;
  return h ^ (h >> 16);
}

#endif
