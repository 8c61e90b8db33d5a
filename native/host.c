/*
 * Host-side layer kernels (activations, pooling, dropout, layouts, masks) for src/nn.
 */
#include "common.h"
#include "parallel.h"

int analoop_register_host(napi_env env, napi_value exports) {
  (void)env;
  (void)exports;
  return 1;
}
