import { describe, expect, it } from 'vitest';
import type { Param } from '../../src/nn/layer.js';
import {
  Adam,
  AdamW,
  type Optimizer,
  SGD,
  createOptimizer,
  decodeFloat32,
  encodeFloat32,
  zeroGrad,
} from '../../src/train/optimizers.js';

function param(name: string, values: number[]): Param {
  return {
    name,
    shape: [values.length],
    value: Float32Array.from(values),
    grad: new Float32Array(values.length),
    version: 0,
  };
}

/** L = 0.5 sum c_j w_j^2 with c = (1, 3): grad = c w. */
const C = [1, 3];
function quadGrad(p: Param): void {
  for (let j = 0; j < p.value.length; j++) p.grad[j] = C[j] * p.value[j];
}

/** Runs `steps` steps from w = (1, -2) at lr 0.1 and returns the trajectory. */
function trajectory(opt: Optimizer, steps = 3, lr = 0.1): number[][] {
  const p = param('w', [1, -2]);
  const out: number[][] = [];
  for (let t = 0; t < steps; t++) {
    quadGrad(p);
    opt.step([p], lr);
    out.push([...p.value]);
  }
  expect(p.version).toBe(steps);
  return out;
}

function expectTrajectory(actual: number[][], expected: number[][]): void {
  expected.forEach((row, t) =>
    row.forEach((v, j) => {
      const tol = 2e-6 * Math.max(1, Math.abs(v));
      expect(
        Math.abs(actual[t][j] - v),
        `step ${t + 1}, w[${j}] = ${actual[t][j]}, want ${v}`,
      ).toBeLessThan(tol);
    }),
  );
}

// References below were computed by hand (the first step) and in float64 from the PyTorch
// formulas written out in each test's comment.

describe('SGD', () => {
  it('plain: w -= lr g', () => {
    // w1 = (1 - 0.1*1, -2 - 0.1*(-6)) = (0.9, -1.4); then (0.81, -0.98); (0.729, -0.686).
    expectTrajectory(trajectory(new SGD()), [
      [0.9, -1.4],
      [0.81, -0.98],
      [0.729, -0.686],
    ]);
  });

  it('momentum 0.9, weight decay 0.01', () => {
    // g = c w + 0.01 w; buf = g on step 1, buf = 0.9 buf + g after; w -= 0.1 buf.
    // Step 1: g = (1.01, -6.02) -> w = (0.899, -1.398).
    expectTrajectory(trajectory(new SGD({ momentum: 0.9, weightDecay: 0.01 })), [
      [0.899, -1.398],
      [0.717301, -0.435402],
      [0.481324499, 0.561992202],
    ]);
  });

  it('nesterov', () => {
    // g' = g + 0.9 buf. Step 1: buf = g = (1.01, -6.02), g' = 1.9 g -> w = (0.8081, -0.8562).
    expectTrajectory(trajectory(new SGD({ momentum: 0.9, weightDecay: 0.01, nesterov: true })), [
      [0.8081, -0.8562],
      [0.57121561, 0.12108078],
      [0.3218596734410001, 0.6994428039180001],
    ]);
  });

  it('dampening 0.5', () => {
    // Step 1 buf = g (no dampening on the first step); step 2 buf = 0.9 buf + 0.5 g.
    expectTrajectory(trajectory(new SGD({ momentum: 0.9, dampening: 0.5 })), [
      [0.9, -1.4],
      [0.765, -0.65],
      [0.60525, 0.1225],
    ]);
  });

  it('rejects nesterov without momentum', () => {
    expect(() => new SGD({ nesterov: true })).toThrow(/nesterov needs momentum/);
  });
});

describe('Adam', () => {
  it('defaults (b1 0.9, b2 0.999, eps 1e-8)', () => {
    // Step 1: m = 0.1 g, v = 0.001 g^2, so m / (1 - b1) = g and sqrt(v / (1 - b2)) = |g|:
    // w -= 0.1 g / (|g| + 1e-8), i.e. 0.1 sign(g): w = (0.9, -1.9) (to 1e-9).
    expectTrajectory(trajectory(new Adam()), [
      [0.900000001, -1.9000000001666666],
      [0.8004122297123382, -1.800166485947237],
      [0.701586274504415, -1.7006233917912488],
    ]);
  });

  it('L2 weight decay 0.1 (added to the gradient)', () => {
    expectTrajectory(trajectory(new Adam({ weightDecay: 0.1 })), [
      [0.9000000009090909, -1.9000000001612904],
      [0.8004122295267845, -1.8001664859363686],
      [0.7015862742210723, -1.7006233917747835],
    ]);
  });

  it('AdamW decoupled decay 0.1', () => {
    // Step 1: w *= 1 - 0.1*0.1 -> (0.99, -1.98), then the Adam step of 0.1 sign(g): (0.89, -1.88).
    expectTrajectory(trajectory(new AdamW({ weightDecay: 0.1 })), [
      [0.890000001, -1.8800000001666666],
      [0.7815718569541611, -1.7614089504165513],
      [0.6751012231892008, -1.6443686833067828],
    ]);
  });

  it('AdamW defaults to weight decay 1e-2 like PyTorch', () => {
    const a = trajectory(new AdamW(), 1);
    expect(a[0][0]).toBeCloseTo(1 * (1 - 0.1 * 0.01) - 0.1, 7);
  });
});

describe('convergence on a quadratic', () => {
  const target = [0.5, -0.25, 2, -1];
  const scale = [1, 10, 0.5, 3];
  const run = (opt: Optimizer, lr: number, steps: number) => {
    const p = param('w', [0, 0, 0, 0]);
    for (let t = 0; t < steps; t++) {
      for (let j = 0; j < 4; j++) p.grad[j] = scale[j] * (p.value[j] - target[j]);
      opt.step([p], lr);
    }
    return Math.max(...[...p.value].map((v, j) => Math.abs(v - target[j])));
  };
  it('SGD', () => expect(run(new SGD(), 0.1, 500)).toBeLessThan(1e-5));
  it('SGD momentum', () => expect(run(new SGD({ momentum: 0.9 }), 0.05, 500)).toBeLessThan(1e-5));
  it('SGD nesterov', () =>
    expect(run(new SGD({ momentum: 0.9, nesterov: true }), 0.05, 500)).toBeLessThan(1e-5));
  it('Adam', () => expect(run(new Adam(), 0.05, 2000)).toBeLessThan(1e-3));
  it('AdamW without decay', () =>
    expect(run(new AdamW({ weightDecay: 0 }), 0.05, 2000)).toBeLessThan(1e-3));
});

describe('state round trip', () => {
  const make: Record<string, () => Optimizer> = {
    sgd: () => new SGD({ momentum: 0.9, weightDecay: 1e-3, nesterov: true }),
    adam: () => new Adam({ weightDecay: 1e-3 }),
    adamw: () => new AdamW(),
  };
  for (const [name, factory] of Object.entries(make)) {
    it(`${name}: save after 3 steps, load into a fresh optimiser, continue bit-identically`, () => {
      const params = () => [param('layer0.weight', [0.3, -0.7, 1.1]), param('layer0.bias', [0.05])];
      const grads = (ps: Param[], t: number) =>
        ps.forEach((p) => p.value.forEach((v, j) => (p.grad[j] = Math.sin(3 * t + j) + 0.5 * v)));
      const a = factory();
      const pa = params();
      for (let t = 0; t < 3; t++) {
        grads(pa, t);
        a.step(pa, 0.01);
      }
      const saved = JSON.stringify(a.state());
      const b = factory();
      b.load(JSON.parse(saved));
      // The loaded state is reported as is before the next step (a checkpoint right after resume).
      expect(JSON.stringify(b.state())).toBe(saved);
      const pb = pa.map((p) => ({ ...p, value: p.value.slice(), grad: p.grad.slice() }));
      for (let t = 3; t < 8; t++) {
        grads(pa, t);
        grads(pb, t);
        a.step(pa, 0.01);
        b.step(pb, 0.01);
      }
      pa.forEach((p, k) => expect([...pb[k].value]).toEqual([...p.value]));
      expect(JSON.stringify(b.state())).toBe(JSON.stringify(a.state()));
    });
  }

  it('encodes float32 buffers exactly, including odd values', () => {
    const a = new Float32Array([0, -0, 1e-45, -3.4e38, Math.PI, NaN, Infinity, 1 / 3]);
    const b = decodeFloat32(encodeFloat32(a), a.length);
    expect(new Uint8Array(b.buffer)).toEqual(new Uint8Array(a.buffer));
    // A view into a larger buffer encodes only its own bytes.
    const view = new Float32Array(a.buffer, 4, 2);
    expect([...decodeFloat32(encodeFloat32(view), 2)]).toEqual([-0, 1e-45].map(Math.fround));
  });

  it('refuses a state from another optimiser or another model', () => {
    const a = new Adam();
    const p = param('w', [1, 2]);
    quadGrad(p);
    a.step([p], 0.1);
    const st = JSON.parse(JSON.stringify(a.state()));
    expect(() => new SGD().load(st)).toThrow(/saved by a 'adam' optimizer/);
    expect(() => new Adam().load({ hello: 1 })).toThrow(/not an optimizer state/);
    const b = new Adam();
    b.load(st);
    expect(() => b.step([param('w', [1, 2]), param('v', [1])], 0.1)).toThrow(
      /1 param slots, step\(\) got 2/,
    );
    const c = new Adam();
    c.load(st);
    expect(() => c.step([param('w', [1, 2, 3])], 0.1)).toThrow(
      /'w' \(2 values\), param 0 is 'w' \(3 values\)/,
    );
  });
});

describe('helpers', () => {
  it('step increments every param version; zeroGrad clears grads', () => {
    const ps = [param('a', [1]), param('b', [2, 3])];
    ps.forEach((p) => p.grad.fill(1));
    for (const name of ['sgd', 'adam', 'adamw'] as const) createOptimizer(name).step(ps, 0.1);
    expect(ps.map((p) => p.version)).toEqual([3, 3]);
    zeroGrad(ps);
    expect(ps.every((p) => p.grad.every((g) => g === 0))).toBe(true);
  });

  it('decayFilter spares the chosen params', () => {
    const w = param('w', [1]);
    const bias = param('b', [1]);
    new SGD({ weightDecay: 0.5, decayFilter: (p) => p.name !== 'b' }).step([w, bias], 0.1);
    expect(w.value[0]).toBeCloseTo(0.95, 7);
    expect(bias.value[0]).toBe(1);
  });

  it('rejects a bad learning rate', () => {
    expect(() => new Adam().step([param('w', [1])], NaN)).toThrow(/learning rate/);
  });
});
