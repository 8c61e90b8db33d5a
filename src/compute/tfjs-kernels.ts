/**
 * Kernels over a tfjs namespace, shared by the tfjs-wasm and tfjs-node providers: the product
 * runs in tfjs, alpha and beta are applied on the host (tfjs has no fused gemm).
 *
 * A tfjs engine is global: one active backend for the whole process (and tfjs-node shares the
 * engine of @tensorflow/tfjs when both resolve to one tfjs-core). So each call makes sure its
 * own backend is the active one and puts the previous one back afterwards; the switch is
 * synchronous once a backend is initialised, and costs nothing when nobody else changed it.
 */
import type * as TfNamespace from '@tensorflow/tfjs';
import type { Kernels } from './kernels.js';
import { applyBeta, checkGemmArgs, combineProduct } from './gemm-contract.js';

/** The part of the tfjs API this module uses (tfjs and tfjs-node both provide it). */
export type Tf = typeof TfNamespace;

/** Picks the namespace out of a dynamically imported CommonJS tfjs module. */
export function tfNamespace(mod: unknown): Tf {
  const m = mod as { default?: Partial<Tf> } & Partial<Tf>;
  if (typeof m.matMul === 'function') return m as Tf;
  if (m.default && typeof m.default.matMul === 'function') return m.default as Tf;
  throw new Error('the module does not look like a tfjs namespace (no matMul)');
}

/** Makes `backend` active for the duration of `fn` (see the module comment). */
function onBackend<T>(tf: Tf, backend: string, fn: () => T): T {
  const previous = tf.getBackend();
  if (previous === backend) return fn();
  // Already initialised by load(), so setBackend switches before its promise is created.
  void tf.setBackend(backend);
  if (tf.getBackend() !== backend) {
    throw new Error(`tfjs backend '${backend}' could not be activated`);
  }
  try {
    return fn();
  } finally {
    if (previous) void tf.setBackend(previous);
  }
}

/** Kernels named `name` that compute on the already-initialised tfjs backend `backend`. */
export function makeTfjsKernels(name: string, tf: Tf, backend: string): Kernels {
  return {
    name,
    gemm(transA, transB, M, N, K, alpha, A, B, beta, C) {
      checkGemmArgs(transA, transB, M, N, K, A, B, C);
      const MN = M * N;
      if (MN === 0) return;
      if (alpha === 0 || K === 0) {
        applyBeta(C, MN, beta);
        return;
      }
      const product = onBackend(tf, backend, () => {
        // tidy returns the tensor, not its data: tidy walks a returned container key by key
        // looking for tensors, which for a typed array of M*N elements costs more than the
        // product itself (measured: 1.3 against 22 GFLOP/s at N = 1024 on wasm).
        const y = tf.tidy(() => {
          const a = tf.tensor2d(A.subarray(0, M * K), transA ? [K, M] : [M, K], 'float32');
          const b = tf.tensor2d(B.subarray(0, K * N), transB ? [N, K] : [K, N], 'float32');
          return tf.matMul(a, b, transA, transB);
        });
        try {
          return y.dataSync();
        } finally {
          y.dispose();
        }
      });
      combineProduct(C, product, MN, alpha, beta);
    },
  };
}
