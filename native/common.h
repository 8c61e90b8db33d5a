/*
 * Shared helpers of the addon's C files: argument checks and error throwing. Each C file of
 * native/ registers its own functions through an analoop_register_* function called by init()
 * in analoop.c, so the parts stay independent.
 */
#ifndef ANALOOP_COMMON_H
#define ANALOOP_COMMON_H
#ifndef NAPI_VERSION
#define NAPI_VERSION 8
#endif
#include <node_api.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define CHECK(call)                                                  \
  do {                                                               \
    if ((call) != napi_ok) return throw_last(env, #call);           \
  } while (0)

static inline napi_value throw_last(napi_env env, const char* what) {
  const napi_extended_error_info* info = NULL;
  napi_get_last_error_info(env, &info);
  bool pending = false;
  napi_is_exception_pending(env, &pending);
  if (!pending) {
    char msg[256];
    snprintf(msg, sizeof msg, "analoop native: %s failed: %s", what,
             info && info->error_message ? info->error_message : "unknown error");
    napi_throw_error(env, NULL, msg);
  }
  return NULL;
}

static inline napi_value throw_range(napi_env env, const char* msg) {
  napi_throw_range_error(env, NULL, msg);
  return NULL;
}

/* A Float32Array argument (or a Float64Array when want64): pointer and element count. */
static inline int typed_arg(napi_env env, napi_value v, napi_typedarray_type want, void** data,
                     size_t* length) {
  bool is = false;
  if (napi_is_typedarray(env, v, &is) != napi_ok || !is) return 0;
  napi_typedarray_type type;
  napi_value ab;
  size_t offset;
  if (napi_get_typedarray_info(env, v, &type, length, data, &ab, &offset) != napi_ok) return 0;
  return type == want;
}

static inline int f64_arg(napi_env env, napi_value v, double* out) {
  return napi_get_value_double(env, v, out) == napi_ok;
}

static inline int i32_arg(napi_env env, napi_value v, int32_t* out) {
  return napi_get_value_int32(env, v, out) == napi_ok;
}

static inline int bool_arg(napi_env env, napi_value v, bool* out) {
  return napi_get_value_bool(env, v, out) == napi_ok;
}

/* Defines `count` functions on `exports`; returns 0 on failure (an exception is pending). */
static inline int define_functions(napi_env env, napi_value exports,
                                   const napi_property_descriptor* props, size_t count) {
  return napi_define_properties(env, exports, count, props) == napi_ok;
}

/* Hot loops compiled for AVX-512, AVX2 and plain x86-64, picked at load time (GCC on Linux). */
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__linux__)
#define MULTIVERSION __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define MULTIVERSION
#endif

/* Registration functions of the other C files (see init() in analoop.c). */
int analoop_register_optim(napi_env env, napi_value exports);
int analoop_register_host(napi_env env, napi_value exports);
int analoop_register_pointwise(napi_env env, napi_value exports);
int analoop_register_chain(napi_env env, napi_value exports);
int analoop_register_sources(napi_env env, napi_value exports);

#endif
