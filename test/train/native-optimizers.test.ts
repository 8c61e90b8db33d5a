/**
 * The addon's optimizer kernels (native/optim.c) against the JavaScript loops of optimizers.ts:
 * the same float64 arithmetic in the same order, so every weight and state buffer must agree bit
 * for bit (NaN agreeing with NaN: its payload is not part of what JS specifies). Lengths cover
 * the vector body, its scalar tail, and params split over two threads by par_for.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadNativeAddon } from '../../src/compute/native-addon.js';
import type { Param } from '../../src/nn/layer.js';
import {
  NATIVE_OPTIM_ENV,
  nativeOptimizerKernels,
  setNativeOptimizers,
} from '../../src/train/native-optimizers.js';
import {
  Adam,
  AdamW,
  type Optimizer,
  SGD,
  createOptimizer,
  decodeFloat32,
} from '../../src/train/optimizers.js';
import { rand as rng } from '../helpers/rand.js';

/** Odd lengths: 1..3 (tail only), 33, and 2 * 16384 + 5 (split by par_for at two threads). */
const LENGTHS = [1, 2, 3, 7, 33, 2 * 16384 + 5];

/** Values over many magnitudes (1e-9 .. 1e2), both signs; a few exact zeros. */
function spread(r: () => number): number {
  const u = r();
  if (u < 0.02) return u < 0.01 ? 0 : -0;
  return (r() - 0.5) * 10 ** (-9 + 11 * r());
}

function makeParams(seed: number): Param[] {
  const r = rng(seed);
  return LENGTHS.map((n, k) => {
    const value = new Float32Array(n);
    for (let j = 0; j < n; j++) value[j] = spread(r);
    return { name: `p${k}`, shape: [n], value, grad: new Float32Array(n), version: 0 };
  });
}

function fillGrads(params: Param[], seed: number): void {
  const r = rng(seed);
  for (const p of params) for (let j = 0; j < p.grad.length; j++) p.grad[j] = spread(r);
}

/** Edge values: NaN, infinities, signed zeros, subnormals, the float32 extremes. */
const EDGES = [NaN, Infinity, -Infinity, 0, -0, 1e-45, -1e-45, 1e-39, 3.4e38, -3.4e38, 1, -1];

/** Runs `steps` steps with the native kernels on or off; returns the params and the state. */
function run(
  make: () => Optimizer,
  native: boolean,
  steps: number,
  setup: (ps: Param[]) => void = () => {},
  grads: (ps: Param[], t: number) => void = fillGrads,
): { params: Param[]; state: ReturnType<Optimizer['state']> } {
  const was = setNativeOptimizers(native);
  try {
    const params = makeParams(1);
    setup(params);
    const opt = make();
    for (let t = 0; t < steps; t++) {
      grads(params, 100 + t);
      // A varying lr: the step's own scalars (bias corrections, 1 - lr wd) change too.
      opt.step(params, 1e-3 * (1 + t));
    }
    return { params, state: opt.state() };
  } finally {
    setNativeOptimizers(was);
  }
}

/** Bit-identical float32 arrays, except that any NaN matches any NaN. */
function expectSameBits(actual: Float32Array, expected: Float32Array, what: string): void {
  expect(actual.length, what).toBe(expected.length);
  const a = new Uint32Array(actual.buffer, actual.byteOffset, actual.length);
  const e = new Uint32Array(expected.buffer, expected.byteOffset, expected.length);
  for (let j = 0; j < a.length; j++) {
    if (a[j] === e[j] || (Number.isNaN(actual[j]) && Number.isNaN(expected[j]))) continue;
    expect.fail(
      `${what}[${j}]: native ${actual[j]} (0x${a[j].toString(16)}), ` +
        `JS ${expected[j]} (0x${e[j].toString(16)})`,
    );
  }
}

function expectSameRun(a: ReturnType<typeof run>, b: ReturnType<typeof run>): void {
  a.params.forEach((p, k) => {
    expectSameBits(p.value, b.params[k].value, `${p.name}.value`);
    expect(p.version).toBe(b.params[k].version);
  });
  expect(a.state.slots.length).toBe(b.state.slots.length);
  a.state.slots.forEach((s, k) => {
    const other = b.state.slots[k];
    expect(s.step).toBe(other.step);
    expect(Object.keys(s.buffers).sort()).toEqual(Object.keys(other.buffers).sort());
    for (const key of Object.keys(s.buffers)) {
      expectSameBits(
        decodeFloat32(s.buffers[key], s.length),
        decodeFloat32(other.buffers[key], other.length),
        `${s.name}.${key}`,
      );
    }
  });
}

const spareOdd = (p: Param) => p.value.length % 2 === 0;
const CASES: Record<string, () => Optimizer> = {
  'sgd plain': () => new SGD(),
  'sgd weight decay': () => new SGD({ weightDecay: 0.01 }),
  'sgd momentum': () => new SGD({ momentum: 0.9 }),
  'sgd momentum, dampening, decay filter': () =>
    new SGD({ momentum: 0.8, dampening: 0.3, weightDecay: 1e-3, decayFilter: spareOdd }),
  'sgd nesterov': () => new SGD({ momentum: 0.9, nesterov: true, weightDecay: 5e-4 }),
  'adam defaults': () => new Adam(),
  'adam L2 decay, decay filter': () => new Adam({ weightDecay: 0.1, decayFilter: spareOdd }),
  'adam other betas and eps': () => new Adam({ beta1: 0.5, beta2: 0.9, eps: 1e-3 }),
  'adam zero betas, eps 0': () => new Adam({ beta1: 0, beta2: 0, eps: 0 }),
  'adamw defaults': () => new AdamW(),
  'adamw decay 0.1': () => new AdamW({ weightDecay: 0.1, beta2: 0.99 }),
};

const kernels = nativeOptimizerKernels();
const addon = loadNativeAddon();
const setThreads = (n: number) => (addon.ok ? addon.addon.blasSetThreads(n) : 1);

describe.skipIf(!kernels)('native optimizer kernels match the JavaScript loops bit for bit', () => {
  afterEach(() => {
    setThreads(1);
  });

  for (const threads of [1, 2]) {
    for (const [name, make] of Object.entries(CASES)) {
      it(`${name}, 4 steps, ${threads} thread(s)`, () => {
        setThreads(threads);
        expectSameRun(run(make, true, 4), run(make, false, 4));
      });
    }
  }

  for (const [name, make] of Object.entries(CASES)) {
    it(`${name}: edge values in weights and gradients`, () => {
      const plant = (ps: Param[], seed: number) =>
        ps.forEach((p, k) => {
          for (let j = 0; j < p.value.length && j < 64; j += 3)
            p.value[j] = EDGES[(j + k + seed) % EDGES.length];
        });
      const grads = (ps: Param[], t: number) => {
        fillGrads(ps, t);
        ps.forEach((p, k) => {
          for (let j = 1; j < p.grad.length && j < 64; j += 2)
            p.grad[j] = EDGES[(j + 2 * k + t) % EDGES.length];
        });
      };
      const a = run(make, true, 3, (ps) => plant(ps, 0), grads);
      const b = run(make, false, 3, (ps) => plant(ps, 0), grads);
      expectSameRun(a, b);
      // The edges did reach the weights (not a vacuous comparison).
      expect(b.params.some((p) => p.value.some((v) => Number.isNaN(v)))).toBe(true);
    });
  }

  it('a resumed SGD momentum buffer (not fresh on the first step after load)', () => {
    const make = () => new SGD({ momentum: 0.9, dampening: 0.1 });
    const resumed = (native: boolean) => {
      const first = run(make, native, 2);
      const was = setNativeOptimizers(native);
      try {
        const opt = make();
        opt.load(JSON.parse(JSON.stringify(first.state)));
        for (let t = 0; t < 2; t++) {
          fillGrads(first.params, 200 + t);
          opt.step(first.params, 0.01);
        }
        return { params: first.params, state: opt.state() };
      } finally {
        setNativeOptimizers(was);
      }
    };
    expectSameRun(resumed(true), resumed(false));
  });

  it('hand-computed Adam step through the kernel: w -= lr sign(g) on the first step', () => {
    const w = Float32Array.of(1, -2, 0.5);
    const g = Float32Array.of(0.25, -3, 0);
    const m = new Float32Array(3);
    const v = new Float32Array(3);
    // t = 1: stepSize = lr / (1 - b1), bc2Sqrt = sqrt(1 - b2); m = 0.1 g, v = 0.001 g^2.
    kernels!.adamStep(w, g, m, v, 0.9, 0.999, 0, 1, 0, 0.1 / (1 - 0.9), Math.sqrt(1 - 0.999));
    expect([...m]).toEqual([0.025, -0.3, 0].map(Math.fround));
    expect(w[0]).toBeCloseTo(0.9, 6);
    expect(w[1]).toBeCloseTo(-1.9, 6);
    // g = 0 with eps 0 is 0 / 0: NaN, as in JS.
    expect(w[2]).toBeNaN();
  });

  it('rejects mismatched lengths and wrong array types', () => {
    const a = new Float32Array(4);
    expect(() =>
      kernels!.adamStep(a, a, a, new Float32Array(3), 0.9, 0.999, 0, 1, 0, 1, 1),
    ).toThrow(/differ in length/);
    expect(() =>
      kernels!.sgdStep(
        a,
        new Float64Array(4) as unknown as Float32Array,
        null,
        1,
        0,
        0,
        1,
        false,
        false,
      ),
    ).toThrow(/bad arguments/);
    expect(() => kernels!.sgdStep(a, a, new Float32Array(5), 1, 0, 0.9, 1, true, false)).toThrow(
      /differ in length/,
    );
  });
});

describe('fallback to the JavaScript loops', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.doUnmock('../../src/compute/native-addon.js');
    vi.resetModules();
  });

  /** The reference: this module's optimizers with the native kernels switched off. */
  const reference = (name: 'sgd' | 'adam' | 'adamw') =>
    run(() => createOptimizer(name, { momentum: 0.9, weightDecay: 1e-3 }), false, 3);

  /** Fresh copies of the modules (new caches), as a new process would load them. */
  async function freshModules() {
    vi.resetModules();
    const natives = await import('../../src/train/native-optimizers.js');
    const optimizers = await import('../../src/train/optimizers.js');
    return { natives, optimizers };
  }

  async function runFresh(name: 'sgd' | 'adam' | 'adamw') {
    const { natives, optimizers } = await freshModules();
    expect(natives.nativeOptimizerKernels()).toBeUndefined();
    const params = makeParams(1);
    const opt = optimizers.createOptimizer(name, { momentum: 0.9, weightDecay: 1e-3 });
    for (let t = 0; t < 3; t++) {
      fillGrads(params, 100 + t);
      opt.step(params, 1e-3 * (1 + t));
    }
    return { params, state: opt.state() };
  }

  it('setNativeOptimizers(false) leaves no kernels; setting it back restores them', () => {
    const was = setNativeOptimizers(false);
    try {
      expect(nativeOptimizerKernels()).toBeUndefined();
    } finally {
      setNativeOptimizers(was);
    }
    expect(nativeOptimizerKernels()).toBe(kernels);
  });

  for (const name of ['sgd', 'adam', 'adamw'] as const) {
    it(`${name} with the addon disabled (ANALOOP_NATIVE=0)`, async () => {
      vi.stubEnv('ANALOOP_NATIVE', '0');
      expectSameRun(await runFresh(name), reference(name));
    });

    it(`${name} with only the optimizer kernels disabled (${NATIVE_OPTIM_ENV}=0)`, async () => {
      vi.stubEnv(NATIVE_OPTIM_ENV, '0');
      expectSameRun(await runFresh(name), reference(name));
    });

    it(`${name} with an addon built before the kernels existed`, async () => {
      vi.doMock('../../src/compute/native-addon.js', async (actual) => ({
        ...(await actual<typeof import('../../src/compute/native-addon.js')>()),
        loadNativeAddon: () => ({ ok: true, addon: { sgemm() {}, chainRun() {} } }),
      }));
      expectSameRun(await runFresh(name), reference(name));
    });
  }
});
