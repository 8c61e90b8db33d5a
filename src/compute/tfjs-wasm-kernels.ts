/**
 * The tfjs WebAssembly provider: XNNPACK kernels shipped inside the npm package, so it works
 * offline with no native build. Under Node it is single-threaded (tfjs switches wasm threads
 * off there). Loading makes 'wasm' the active tfjs backend of the process.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Kernels, KernelsProvider } from './kernels.js';
import { makeTfjsKernels, tfNamespace } from './tfjs-kernels.js';

/**
 * The folder holding the .wasm binaries. Given explicitly because tfjs otherwise derives it
 * from the script location or fetches over http, which fails under bundlers and offline.
 */
function wasmDir(): string {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm')) + path.sep;
}

async function loadWasm(): Promise<Kernels> {
  const tf = tfNamespace(await import('@tensorflow/tfjs'));
  const wasm = (await import('@tensorflow/tfjs-backend-wasm')) as {
    setWasmPaths?: (prefix: string) => void;
    default?: { setWasmPaths?: (prefix: string) => void };
  };
  const setWasmPaths = wasm.setWasmPaths ?? wasm.default?.setWasmPaths;
  if (!setWasmPaths) throw new Error('@tensorflow/tfjs-backend-wasm has no setWasmPaths');
  if (tf.findBackendFactory('wasm') == null) {
    throw new Error('@tensorflow/tfjs-backend-wasm did not register a "wasm" backend');
  }
  setWasmPaths(wasmDir());
  const ok = await tf.setBackend('wasm');
  if (!ok) throw new Error('the tfjs wasm backend failed to initialise');
  return makeTfjsKernels('tfjs-wasm', tf, 'wasm');
}

let loading: Promise<Kernels> | undefined;

/** Priority 200: faster than pure JS by ~5x, slower than a native BLAS. */
export const tfjsWasmProvider: KernelsProvider = {
  name: 'tfjs-wasm',
  priority: 200,
  howToEnable:
    'reinstall @tensorflow/tfjs@4.22.0 and @tensorflow/tfjs-backend-wasm@4.22.0 (same version)',
  load() {
    // One initialisation per process; a failure is not cached, so a later call may retry.
    loading ??= loadWasm().catch((e: unknown) => {
      loading = undefined;
      throw e;
    });
    return loading;
  },
};
