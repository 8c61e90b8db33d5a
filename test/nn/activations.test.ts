import { describe, expect, it } from 'vitest';
import {
  type ActivationSpec,
  ActivationSpecError,
  activate,
  activateDerivative,
  activationName,
  derivative,
  forward,
  forwardAndDerivative,
  gelu,
  geluDerivative,
  parseActivation,
  relu,
  reluDerivative,
  sigmoid,
  silu,
  siluDerivative,
} from '../../src/nn/activations.js';
import { ActivationLayer } from '../../src/nn/activation-layer.js';
import type { ForwardContext } from '../../src/nn/layer.js';
import { gradcheck } from '../helpers/gradcheck.js';

const ctx: ForwardContext = { training: true, draw: 0, rowOffset: 0, seed: 1 };

/** The inputs of method.md section 4's reference table. */
const XS = [-2, -1 / 6, 0, 1 / 6, 2];

/**
 * method.md section 4, copied verbatim. The printed values are rounded to 8 decimals (or 4
 * significant digits), so the tolerance is 1e-6 relative plus half a unit of that rounding.
 */
const TABLE: { name: string; spec: string; f: number[]; d: number[] }[] = [
  {
    name: 'GELU s=1',
    spec: 'gelu',
    f: [-0.04550026, -0.07230269, 0, 0.09436397, 1.95449974],
    d: [-0.0852318, 0.36824288, 0.5, 0.63175712, 1.0852318],
  },
  {
    name: 'GELU s=2',
    spec: 'gelu:2',
    f: [-6.334e-5, -0.06157356, 0, 0.10509311, 1.99993666],
    d: [-0.00050365, 0.24364693, 0.5, 0.75635307, 1.00050365],
  },
  {
    name: 'SiLU',
    spec: 'silu',
    f: [-0.23840584, -0.07640492, 0, 0.09026175, 1.76159416],
    d: [-0.09078425, 0.41705087, 0.5, 0.58294913, 1.09078425],
  },
  {
    name: 'ReLU-GELU i=0.3',
    spec: 'relu-gelu:0.3',
    f: [-0.01365008, -0.02169081, 0, 0.14497586, 1.98634992],
    d: [-0.02556954, 0.11047286, 0.15, 0.88952714, 1.02556954],
  },
];

function close(actual: number, expected: number, rel = 1e-6, abs = 5e-9): void {
  const tol = rel * Math.abs(expected) + abs;
  if (!(Math.abs(actual - expected) <= tol)) {
    throw new Error(`expected ${expected} +- ${tol}, got ${actual}`);
  }
}

describe('method.md section 4 reference values (float64 scalars)', () => {
  for (const row of TABLE) {
    it(`${row.name}: f and f' at x = -2, -1/6, 0, 1/6, 2`, () => {
      const spec = parseActivation(row.spec);
      XS.forEach((x, k) => {
        close(activate(spec, x), row.f[k]);
        close(activateDerivative(spec, x), row.d[k]);
      });
    });
  }

  it('the named scalar functions agree with the table too', () => {
    XS.forEach((x, k) => {
      close(gelu(x), TABLE[0].f[k]);
      close(geluDerivative(x), TABLE[0].d[k]);
      close(gelu(x, 2), TABLE[1].f[k]);
      close(geluDerivative(x, 2), TABLE[1].d[k]);
      close(silu(x), TABLE[2].f[k]);
      close(siluDerivative(x), TABLE[2].d[k]);
    });
  });

  it('the vectorised float32 versions match the table to float32 precision', () => {
    const x = Float32Array.from(XS);
    for (const row of TABLE) {
      const spec = parseActivation(row.spec);
      const y = forward(spec, x);
      const d = derivative(spec, x);
      const y2 = new Float32Array(x.length);
      const d2 = new Float32Array(x.length);
      forwardAndDerivative(spec, x, y2, d2);
      XS.forEach((_, k) => {
        // x itself is rounded to float32 (1/6), so allow a few float32 ulps.
        close(y[k], row.f[k], 1e-6, 1e-7);
        close(d[k], row.d[k], 1e-6, 1e-7);
        close(y2[k], row.f[k], 1e-6, 1e-7);
        close(d2[k], row.d[k], 1e-6, 1e-7);
      });
    }
  });
});

describe('effective bits and GSD (method.md sections 1 and 4)', () => {
  it("bits(s) = log2(1 / (G_s'(1/p) - G_s'(0))) at p = 64", () => {
    const bits = (s: number) => Math.log2(1 / (geluDerivative(1 / 64, s) - geluDerivative(0, s)));
    expect(bits(1)).toBeCloseTo(6.326, 3);
    expect(bits(2)).toBeCloseTo(5.326, 3);
    expect(bits(3)).toBeCloseTo(4.742, 3);
  });

  it("GSD f'(1e-4) - f'(0) of ReLU-GELU falls with i: ~1.0, ~0.5, ~8e-5", () => {
    const gsd = (i: number) => {
      const spec = parseActivation(`relu-gelu:${i}`);
      return activateDerivative(spec, 1e-4) - activateDerivative(spec, 0);
    };
    // i=0: R'(1e-4) - R'(0) = 1 - 0. i=1: G'(1e-4) - G'(0) = 2 * 1e-4 / sqrt(2 pi) + O(1e-12).
    expect(gsd(0)).toBe(1);
    expect(gsd(0.5)).toBeCloseTo(0.5 + 1e-4 / Math.sqrt(2 * Math.PI), 9);
    expect(gsd(1)).toBeCloseTo((2 * 1e-4) / Math.sqrt(2 * Math.PI), 9);
    expect(gsd(1)).toBeGreaterThan(7.9e-5);
    expect(gsd(1)).toBeLessThan(8.0e-5);
    expect(gsd(0)).toBeGreaterThan(gsd(0.5));
    expect(gsd(0.5)).toBeGreaterThan(gsd(1));
  });
});

describe('derivatives against central finite differences (float64, away from zero)', () => {
  const specs = [
    'relu',
    'leaky-relu:0.1',
    'gelu',
    'gelu:2',
    'gelu:0.5',
    'silu',
    'relu-gelu:0.3',
    'relu-gelu:0.7:3',
    'relu-silu:0.5',
  ];
  const points = [-6, -3.5, -2, -1, -0.4, -1 / 6, -0.01, 0.01, 1 / 6, 0.4, 1, 2, 3.5, 6];
  for (const text of specs) {
    it(text, () => {
      const spec = parseActivation(text);
      const h = 1e-5;
      for (const x of points) {
        const numeric = (activate(spec, x + h) - activate(spec, x - h)) / (2 * h);
        expect(Math.abs(activateDerivative(spec, x) - numeric)).toBeLessThan(1e-8);
      }
    });
  }
});

describe("R'(0) convention", () => {
  it("defaults follow the paper's code: 0 for relu and relu-gelu, 1 for relu-silu", () => {
    expect(activateDerivative(parseActivation('relu'), 0)).toBe(0);
    expect(activateDerivative(parseActivation('leaky-relu:0.1'), 0)).toBeCloseTo(0.1, 15);
    // (1 - i) R'(0) + i G'(0) = 0.5 * 0 + 0.5 * 0.5
    expect(activateDerivative(parseActivation('relu-gelu:0.5'), 0)).toBeCloseTo(0.25, 15);
    // (1 - i) R'(0) + i S'(0) = 0.5 * 1 + 0.5 * 0.5
    expect(activateDerivative(parseActivation('relu-silu:0.5'), 0)).toBeCloseTo(0.75, 15);
  });

  it("'@0=' overrides it both ways, in the scalar and the vectorised paths", () => {
    const cases: [string, number][] = [
      ['relu@0=1', 1],
      ['relu@0=0', 0],
      ['leaky-relu:0.1@0=1', 1],
      ['leaky-relu:0.1@0=0', 0.1],
      ['relu-gelu:0.5@0=1', 0.75],
      ['relu-gelu:0.5@0=0', 0.25],
      ['relu-silu:0.5@0=0', 0.25],
      ['relu-silu:0.5@0=1', 0.75],
    ];
    const zero = new Float32Array([0, -0]);
    for (const [text, expected] of cases) {
      const spec = parseActivation(text);
      expect(activateDerivative(spec, 0), text).toBeCloseTo(expected, 7);
      expect(activateDerivative(spec, -0), text).toBeCloseTo(expected, 7);
      const d = derivative(spec, zero);
      const y = new Float32Array(2);
      const d2 = new Float32Array(2);
      forwardAndDerivative(spec, zero, y, d2);
      for (const v of [...d, ...d2]) expect(v, text).toBeCloseTo(expected, 7);
      expect(y.every((v) => v === 0)).toBe(true);
    }
  });

  it('the convention only matters at exactly zero', () => {
    const a = parseActivation('relu@0=0');
    const b = parseActivation('relu@0=1');
    for (const x of [-1e-30, 1e-30, -1, 1]) {
      expect(activateDerivative(a, x)).toBe(activateDerivative(b, x));
    }
    expect(reluDerivative(0, 0, 0)).toBe(0);
    expect(reluDerivative(0, 0, 1)).toBe(1);
  });
});

describe('numerics', () => {
  it('sigmoid, SiLU and GELU stay finite and exact in their tails', () => {
    expect(sigmoid(-1000)).toBe(0);
    expect(sigmoid(1000)).toBe(1);
    expect(Math.abs(silu(-1000))).toBe(0);
    expect(silu(1000)).toBe(1000);
    expect(Math.abs(siluDerivative(-1000))).toBe(0);
    expect(siluDerivative(1000)).toBe(1);
    // S'(40) = s (1 + 40 e^-40 s) with e^-40 ~ 4.2e-18: the tail must not be lost to 1 - s.
    const e = Math.exp(-40);
    expect(siluDerivative(40)).toBe((1 / (1 + e)) * (1 + (40 * e) / (1 + e)));
    expect(gelu(-40)).toBeCloseTo(0, 12);
    expect(gelu(40)).toBe(40);
    expect(geluDerivative(-40)).toBeCloseTo(0, 12);
    expect(geluDerivative(40)).toBe(1);
    for (const spec of ['gelu', 'silu', 'relu-gelu:0.5', 'relu-silu:0.5', 'relu']) {
      const s = parseActivation(spec);
      expect(Math.abs(activate(s, -Infinity))).toBe(0);
      expect(activate(s, Infinity)).toBe(Infinity);
      expect(activateDerivative(s, Infinity)).toBe(1);
      expect(activateDerivative(s, -Infinity)).toBe(0);
      expect(activate(s, NaN)).toBeNaN();
      expect(activateDerivative(s, NaN)).toBeNaN();
    }
  });

  it('forward and derivative agree with forwardAndDerivative over a sweep', () => {
    const n = 4001;
    const x = new Float32Array(n);
    for (let k = 0; k < n; k++) x[k] = -10 + (20 * k) / (n - 1);
    for (const text of [
      'relu',
      'leaky-relu:0.2@0=1',
      'gelu:1.5',
      'silu',
      'relu-gelu:0.4:2',
      'relu-silu:0.6',
    ]) {
      const spec = parseActivation(text);
      const y = forward(spec, x);
      const d = derivative(spec, x);
      const y2 = new Float32Array(n);
      const d2 = new Float32Array(n);
      forwardAndDerivative(spec, x, y2, d2);
      let worst = 0;
      let mismatches = 0;
      for (let k = 0; k < n; k++) {
        worst = Math.max(
          worst,
          Math.abs(y2[k] - y[k]) / (Math.abs(y[k]) + 1e-6),
          Math.abs(d2[k] - d[k]) / (Math.abs(d[k]) + 1e-6),
        );
        if (y[k] !== Math.fround(activate(spec, x[k]))) mismatches++;
      }
      expect(worst, text).toBeLessThan(1e-6);
      expect(mismatches, text).toBe(0);
    }
  });

  it('in place (out === x) works', () => {
    const x = new Float32Array([-1, 0, 2]);
    forward(parseActivation('relu'), x, x);
    expect([...x]).toEqual([0, 0, 2]);
    expect(relu(-2, 0.5)).toBe(-1);
  });
});

describe('parseActivation / activationName', () => {
  it('parses every documented form', () => {
    const cases: [string, ActivationSpec][] = [
      ['relu', { kind: 'relu', slope: 0, reluGradAtZero: 0 }],
      ['leaky-relu', { kind: 'relu', slope: 0.01, reluGradAtZero: 0 }],
      ['leaky-relu:0.2', { kind: 'relu', slope: 0.2, reluGradAtZero: 0 }],
      ['gelu', { kind: 'gelu', scale: 1 }],
      ['gelu:2', { kind: 'gelu', scale: 2 }],
      ['silu', { kind: 'silu' }],
      ['relu-gelu:0.5', { kind: 'relu-gelu', mix: 0.5, scale: 1, reluGradAtZero: 0 }],
      ['relu-gelu:0.5:2', { kind: 'relu-gelu', mix: 0.5, scale: 2, reluGradAtZero: 0 }],
      ['relu-silu:0.5', { kind: 'relu-silu', mix: 0.5, reluGradAtZero: 1 }],
      ['relu@0=1', { kind: 'relu', slope: 0, reluGradAtZero: 1 }],
      ['relu-gelu:1e-1:2@0=1', { kind: 'relu-gelu', mix: 0.1, scale: 2, reluGradAtZero: 1 }],
      ['relu-silu:0.5@0=0', { kind: 'relu-silu', mix: 0.5, reluGradAtZero: 0 }],
      [' ReLU-GELU:0.25 ', { kind: 'relu-gelu', mix: 0.25, scale: 1, reluGradAtZero: 0 }],
    ];
    for (const [text, spec] of cases) expect(parseActivation(text), text).toEqual(spec);
  });

  it('prints canonically and round-trips', () => {
    const names: [string, string][] = [
      ['relu', 'relu'],
      ['relu@0=0', 'relu'],
      ['relu@0=1', 'relu@0=1'],
      ['leaky-relu', 'leaky-relu:0.01'],
      ['leaky-relu:0', 'relu'],
      ['gelu:1', 'gelu'],
      ['gelu:2.5', 'gelu:2.5'],
      ['SILU', 'silu'],
      ['relu-gelu:0.50:1', 'relu-gelu:0.5'],
      ['relu-gelu:0.5:2@0=1', 'relu-gelu:0.5:2@0=1'],
      ['relu-silu:0.3', 'relu-silu:0.3'],
      ['relu-silu:0.3@0=1', 'relu-silu:0.3'],
      ['relu-silu:0.3@0=0', 'relu-silu:0.3@0=0'],
    ];
    for (const [text, name] of names) {
      const spec = parseActivation(text);
      expect(activationName(spec), text).toBe(name);
      expect(parseActivation(activationName(spec))).toEqual(spec);
    }
  });

  it('rejects bad strings, naming the problem and listing the valid forms', () => {
    const bad: [string, RegExp][] = [
      ['', /empty/],
      ['tanh', /unknown activation 'tanh'/],
      ['relu:0.1', /'relu' takes no arguments/],
      ['gelu:0', /scaling factor s = 0 must be finite and > 0/],
      ['gelu:abc', /scaling factor s 'abc' is not a number/],
      ['gelu:0x10', /is not a number/],
      ['relu-gelu', /interpolation factor i/],
      ['relu-gelu:1.5', /i = 1.5 must be in \[0, 1\]/],
      ['relu-gelu:0.5:2:3', /takes an interpolation factor i/],
      ['relu-silu:0.5:2', /takes an interpolation factor i/],
      ['leaky-relu:1', /0 <= a < 1/],
      ['gelu@0=1', /no ReLU part/],
      ['silu@0=0', /no ReLU part/],
      ['relu@0=2', /'@0=2' not understood/],
      ['relu@x', /not understood/],
    ];
    for (const [text, message] of bad) {
      let err: unknown;
      try {
        parseActivation(text);
      } catch (e) {
        err = e;
      }
      expect(err, text).toBeInstanceOf(ActivationSpecError);
      expect((err as Error).message, text).toMatch(message);
      expect((err as Error).message, text).toMatch(
        /Valid forms: relu, leaky-relu\[:a\], gelu\[:s\]/,
      );
    }
  });
});

describe('ActivationLayer', () => {
  it('forward applies f, backward multiplies dy by f at the stored input', async () => {
    const layer = new ActivationLayer('relu-gelu:0.3');
    expect(layer.kind).toBe('activation');
    expect(layer.params()).toEqual([]);
    expect(layer.name).toBe('relu-gelu:0.3');
    const x = { data: Float32Array.from(XS), shape: [1, 5] };
    const y = await layer.forward(x, ctx);
    expect(y.shape).toEqual([1, 5]);
    XS.forEach((_, k) => close(y.data[k], TABLE[3].f[k], 1e-6, 1e-7));
    const dy = { data: new Float32Array([1, 2, 3, -1, 0.5]), shape: [1, 5] };
    const dx = layer.backward(dy);
    expect(dx.shape).toEqual([1, 5]);
    XS.forEach((_, k) => close(dx.data[k], dy.data[k] * TABLE[3].d[k], 1e-6, 1e-7));
  });

  it('backward uses the stored input even if the caller reuses the input buffer', async () => {
    const layer = new ActivationLayer('relu');
    const x = { data: new Float32Array([-1, 2]), shape: [2] };
    await layer.forward(x, ctx);
    x.data.set([5, -5]);
    const dx = layer.backward({ data: new Float32Array([1, 1]), shape: [2] });
    expect([...dx.data]).toEqual([0, 1]);
  });

  it('passes gradcheck for every family (inputs kept away from the kink)', async () => {
    const n = 48;
    const data = new Float32Array(n);
    for (let k = 0; k < n; k++) data[k] = -3 + (6 * (k + 0.5)) / n; // never within 0.06 of 0
    for (const text of [
      'relu',
      'leaky-relu:0.1',
      'gelu',
      'gelu:2',
      'silu',
      'relu-gelu:0.5',
      'relu-silu:0.5',
    ]) {
      const layer = new ActivationLayer(text);
      const r = await gradcheck(layer, { data: data.slice(), shape: [4, 12] }, ctx, { eps: 1e-2 });
      expect(r.maxRelError, `${text}: ${r.worst}`).toBeLessThan(3e-3);
    }
  });

  it('accepts a spec object, validates it, and reports misuse', async () => {
    expect(new ActivationLayer({ kind: 'gelu', scale: 2 }).name).toBe('gelu:2');
    expect(() => new ActivationLayer({ kind: 'gelu', scale: -1 })).toThrow(ActivationSpecError);
    const layer = new ActivationLayer('silu');
    expect(() => layer.backward({ data: new Float32Array(2), shape: [2] })).toThrow(
      /before forward/,
    );
    await layer.forward({ data: new Float32Array(3), shape: [3] }, ctx);
    expect(() => layer.backward({ data: new Float32Array(2), shape: [2] })).toThrow(/2 elements/);
  });
});
