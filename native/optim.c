/*
 * Optimizer steps (src/train/optimizers.ts) over a parameter's float32 arrays.
 */
#include "common.h"

int analoop_register_optim(napi_env env, napi_value exports) {
  (void)env;
  (void)exports;
  return 1;
}
