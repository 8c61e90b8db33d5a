/**
 * The compute seam: gemm providers and their selection, im2col/col2im, elementwise helpers.
 * Importing it registers the built-in providers (openblas, tfjs-node, tfjs-wasm, js) without loading
 * any of them; tfjs is imported only when a tfjs provider is selected.
 */
export type { Kernels, KernelsProvider } from './kernels.js';
export { checkGemmArgs, applyBeta, combineProduct } from './gemm-contract.js';
export { gemmJs, jsKernels, jsProvider } from './js-kernels.js';
export { makeTfjsKernels, tfNamespace, type Tf } from './tfjs-kernels.js';
export { tfjsWasmProvider } from './tfjs-wasm-kernels.js';
export { tfjsNodeProvider } from './tfjs-node-kernels.js';
export {
  openblasProvider,
  makeOpenblasProvider,
  BLAS_THREADS_ENV,
  BLAS_LIB_ENV,
  autoBlasThreads,
  parseBlasThreads,
  setBlasThreads,
  type OpenblasKernels,
} from './openblas-kernels.js';
export { NATIVE_ENV, loadNativeAddon } from './native-addon.js';
export {
  KERNELS_ENV,
  KernelsRegistry,
  KernelsSelectionError,
  kernelsRegistry,
  registerKernelsProvider,
  listKernelsProviders,
  selectKernels,
  getKernels,
  type KernelsAttempt,
  type KernelsSelection,
  type SelectKernelsOptions,
} from './registry.js';
export {
  im2col,
  im2colSourceIndex,
  col2im,
  convOutputSize,
  convOutputLength,
  convGeometry,
  type Pair,
  type Conv2dOptions,
  type Conv2dGeometry,
} from './im2col.js';
export { addRowVector, sumRows, axpy, scale, transpose } from './elementwise.js';
