import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Kernels, KernelsProvider } from '../../src/compute/kernels.js';
import { jsKernels } from '../../src/compute/js-kernels.js';
import {
  KERNELS_ENV,
  KernelsRegistry,
  KernelsSelectionError,
  getKernels,
  kernelsRegistry,
  listKernelsProviders,
  selectKernels,
} from '../../src/compute/registry.js';

function fake(
  name: string,
  priority: number,
  kernels?: Kernels,
): KernelsProvider & { loads: number } {
  const p = {
    name,
    priority,
    howToEnable: `install ${name}`,
    loads: 0,
    load: () => {
      p.loads++;
      return kernels ? Promise.resolve(kernels) : Promise.reject(new Error(`${name} is missing`));
    },
  };
  return p;
}

afterEach(() => {
  vi.unstubAllEnvs();
  kernelsRegistry.reset();
});

describe('the built-in registry', () => {
  it('holds openblas > tfjs-node > tfjs-wasm > js', () => {
    expect(listKernelsProviders().map((p) => [p.name, p.priority])).toEqual([
      ['openblas', 400],
      ['tfjs-node', 300],
      ['tfjs-wasm', 200],
      ['js', 100],
    ]);
  });

  it('prefer=js gives the JS kernels', async () => {
    const { kernels, attempts } = await selectKernels({ prefer: 'js' });
    expect(kernels.name).toBe('js');
    expect(attempts).toEqual([{ name: 'js', priority: 100, ok: true }]);
  });

  it('ANALOOP_KERNELS forces a provider; an explicit prefer wins over it', async () => {
    vi.stubEnv(KERNELS_ENV, 'js');
    expect((await selectKernels()).kernels.name).toBe('js');
    expect((await selectKernels({ prefer: 'tfjs-wasm' })).kernels.name).toBe('tfjs-wasm');
  });

  it('an unknown name is an error that lists the available names', async () => {
    const err = await selectKernels({ prefer: 'cuda' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KernelsSelectionError);
    expect((err as Error).message).toMatch(/unknown compute provider "cuda"/);
    expect((err as Error).message).toMatch(/available: openblas, tfjs-node, tfjs-wasm, js/);
  });

  it('an unknown name from the environment says where it came from', async () => {
    vi.stubEnv(KERNELS_ENV, 'nope');
    await expect(selectKernels()).rejects.toThrow(/nope.*ANALOOP_KERNELS/);
  });

  it('automatic selection reports every attempt and falls back to one that loads', async () => {
    const { kernels, attempts } = await selectKernels();
    expect(attempts[0].name).toBe('openblas');
    // The winner is the last attempt; every attempt before it failed with a reason and advice.
    const winner = attempts[attempts.length - 1];
    expect(winner.ok).toBe(true);
    expect(kernels.name).toBe(winner.name);
    for (const a of attempts.slice(0, -1)) {
      expect(a.ok).toBe(false);
      expect(a.reason).toBeTruthy();
      expect(a.howToEnable).toBeTruthy();
    }
    const node = attempts.find((a) => a.name === 'tfjs-node');
    if (node && !node.ok) {
      expect(node.reason).toMatch(/@tensorflow\/tfjs-node/);
      expect(node.howToEnable).toMatch(/npm install @tensorflow\/tfjs-node@4\.22\.0/);
    }
  });

  it('forcing tfjs-node where it is missing fails with the reason and the way to enable it', async () => {
    const node = listKernelsProviders().find((p) => p.name === 'tfjs-node')!;
    const loads = await node.load().then(
      () => true,
      () => false,
    );
    if (loads) return; // installed here: nothing to check
    const err = (await selectKernels({ prefer: 'tfjs-node' }).catch(
      (e: unknown) => e,
    )) as KernelsSelectionError;
    expect(err).toBeInstanceOf(KernelsSelectionError);
    expect(err.message).toMatch(
      /"tfjs-node".*failed to load: @tensorflow\/tfjs-node is not installed/,
    );
    expect(err.message).toMatch(/available: openblas, tfjs-node, tfjs-wasm, js/);
    expect(err.attempts).toHaveLength(1);
    expect(err.attempts[0].ok).toBe(false);
  });

  it('getKernels() selects once and returns the same kernels', async () => {
    const a = await getKernels();
    const b = await getKernels();
    expect(a).toBe(b);
  });
});

describe('KernelsRegistry', () => {
  it('takes the highest priority that loads, recording the failures above it', async () => {
    const r = new KernelsRegistry();
    r.register(fake('low', 1, { ...jsKernels, name: 'low' }));
    r.register(fake('broken', 50));
    r.register(fake('mid', 10, { ...jsKernels, name: 'mid' }));
    const { kernels, attempts } = await r.select({ prefer: 'auto' });
    expect(kernels.name).toBe('mid');
    expect(attempts).toEqual([
      {
        name: 'broken',
        priority: 50,
        ok: false,
        reason: 'broken is missing',
        howToEnable: 'install broken',
      },
      { name: 'mid', priority: 10, ok: true },
    ]);
  });

  it('caches the selection, and a new registration invalidates it', async () => {
    const r = new KernelsRegistry();
    const low = fake('low', 1, { ...jsKernels, name: 'low' });
    r.register(low);
    const first = await r.select({ prefer: '' });
    expect(await r.select({ prefer: '' })).toBe(first);
    expect(low.loads).toBe(1);
    r.register(fake('native', 400, { ...jsKernels, name: 'native' }));
    expect((await r.select({ prefer: '' })).kernels.name).toBe('native');
  });

  it('a forced provider that fails names the reason and the alternatives; failures are not cached', async () => {
    const r = new KernelsRegistry();
    const broken = fake('broken', 5);
    r.register(broken);
    r.register(fake('ok', 1, jsKernels));
    await expect(r.select({ prefer: 'broken' })).rejects.toThrow(
      /"broken" \(requested\) failed to load: broken is missing; to enable it: install broken; available: broken, ok/,
    );
    await expect(r.select({ prefer: 'broken' })).rejects.toThrow();
    expect(broken.loads).toBe(2);
  });

  it('when nothing loads, the error lists every attempt', async () => {
    const r = new KernelsRegistry();
    r.register(fake('a', 2));
    r.register(fake('b', 1));
    const err = (await r.select({ prefer: '' }).catch((e: unknown) => e)) as KernelsSelectionError;
    expect(err.message).toBe('no compute provider loaded: a: a is missing; b: b is missing');
    expect(err.attempts.map((a) => a.name)).toEqual(['a', 'b']);
  });
});
