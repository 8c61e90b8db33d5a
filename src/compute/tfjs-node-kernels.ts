/**
 * The tfjs-node provider: TensorFlow's C library through a native addon (multi-threaded).
 * It is an optional dependency because its install script downloads libtensorflow, which
 * fails offline; so it is imported only here, dynamically, and its absence is a normal outcome.
 */
import type { Kernels, KernelsProvider } from './kernels.js';
import { makeTfjsKernels, tfNamespace } from './tfjs-kernels.js';

const PACKAGE = '@tensorflow/tfjs-node';
const HOW_TO_ENABLE = `npm install ${PACKAGE}@4.22.0 on a machine with internet access`;

function isNotInstalled(e: unknown): boolean {
  const err = e as { code?: string; message?: string };
  return (
    (err?.code === 'ERR_MODULE_NOT_FOUND' || err?.code === 'MODULE_NOT_FOUND') &&
    // The package itself is missing (not a file inside a broken install of it).
    String(err.message).includes(`'${PACKAGE}'`)
  );
}

async function loadNode(): Promise<Kernels> {
  let mod: unknown;
  try {
    // A variable specifier keeps TypeScript from requiring the package's types at build time.
    const specifier: string = PACKAGE;
    mod = await import(specifier);
  } catch (e) {
    if (isNotInstalled(e)) throw new Error(`${PACKAGE} is not installed: ${HOW_TO_ENABLE}`);
    // Installed but broken: missing libtensorflow, a Node version it does not support, ...
    throw new Error(`${PACKAGE} failed to load: ${(e as Error)?.message ?? String(e)}`);
  }
  const tf = tfNamespace(mod);
  const ok = await tf.setBackend('tensorflow');
  if (!ok) throw new Error(`${PACKAGE} loaded but its 'tensorflow' backend failed to initialise`);
  return makeTfjsKernels('tfjs-node', tf, 'tensorflow');
}

let loading: Promise<Kernels> | undefined;

/** Priority 300: the fastest built-in provider when it is installed. */
export const tfjsNodeProvider: KernelsProvider = {
  name: 'tfjs-node',
  priority: 300,
  howToEnable: HOW_TO_ENABLE,
  load() {
    loading ??= loadNode().catch((e: unknown) => {
      loading = undefined;
      throw e;
    });
    return loading;
  },
};
