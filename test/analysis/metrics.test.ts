import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  derivativeBits,
  effectiveBits,
  effectiveBitsTable,
  epTable,
  epTableRow,
  formatRows,
  gradientJump,
  gradientStepDiscontinuity,
  gsdRow,
  interpolationFactor,
  interpolationSeries,
  linspace,
  noiseFromDevice,
  parseNumberSpec,
  readRunResults,
  sweepValues,
  toCsv,
} from '../../src/analysis/index.js';
import { parseActivation } from '../../src/nn/activations.js';

describe('GSD (method.md sections 1, 4)', () => {
  it('is ~1, ~0.5, ~8e-5 at i = 0, 0.5, 1 (h = 1e-4)', () => {
    const [relu, half, gelu] = interpolationSeries([0, 0.5, 1]);
    expect(gradientStepDiscontinuity(relu!)).toBeCloseTo(1, 12);
    expect(gradientStepDiscontinuity(half!)).toBeCloseTo(0.5, 4);
    const g = gradientStepDiscontinuity(gelu!);
    expect(g).toBeGreaterThan(7.9e-5);
    expect(g).toBeLessThan(8.0e-5); // h sqrt(2/pi) = 7.979e-5
    expect(gradientStepDiscontinuity(parseActivation('gelu'))).toBeCloseTo(g, 15);
  });

  it("depends on R'(0) where the two-sided jump does not", () => {
    const r1 = parseActivation('relu@0=1');
    expect(gradientStepDiscontinuity(r1)).toBe(0);
    expect(gradientJump(r1)).toBe(1);
    expect(gradientJump(parseActivation('relu'))).toBe(1);
  });

  it('falls monotonically over an interpolation sweep', () => {
    const rows = interpolationSeries(sweepValues(0, 1, 0.1)).map((s) => gsdRow(s));
    expect(rows).toHaveLength(11);
    for (let k = 1; k < rows.length; k++) expect(rows[k]!.gsd).toBeLessThan(rows[k - 1]!.gsd);
    expect(rows[3]!.i).toBe(0.3);
    expect(rows[3]!.activation).toBe('relu-gelu:0.3');
  });
});

describe('effective bits (method.md section 4)', () => {
  it('matches the reference values at p = 64 for s = 1, 2, 3', () => {
    expect(effectiveBits(1, 64)).toBeCloseTo(6.326, 3);
    expect(effectiveBits(2, 64)).toBeCloseTo(5.326, 3);
    expect(effectiveBits(3, 64)).toBeCloseTo(4.742, 3);
    expect(derivativeBits(parseActivation('gelu:2'), 64)).toBeCloseTo(5.326, 3);
    expect(derivativeBits(parseActivation('relu'), 64)).toBe(0);
  });

  it('tabulates s x p', () => {
    const t = effectiveBitsTable([1, 2], [16, 64]);
    expect(t).toHaveLength(4);
    expect(t.find((r) => r.s === 1 && r.p === 64)!.bits).toBeCloseTo(6.326, 3);
    expect(t[0]!.inputBits).toBe(4);
  });
});

describe('EP table (method.md section 2)', () => {
  const ref: [number, number, number][] = [
    [0.2, 4, 0.097538],
    [0.2, 16, 0.0243845],
    [0.2, 64, 0.00609613],
    [0.2, 256, 0.00152403],
    [0.5, 4, 0.185325],
    [0.5, 16, 0.0463313],
    [0.5, 64, 0.0115828],
    [0.5, 256, 0.00289571],
    [0.8, 4, 0.493394],
    [0.8, 16, 0.123349],
    [0.8, 64, 0.0308371],
    [0.8, 256, 0.00770928],
  ];
  it.each(ref)('Gaussian sigma at EP %f, p %i is %f', (ep, p, sigma) => {
    const row = epTableRow('gaussian', ep, p);
    expect(Math.abs(row.scale - sigma) / sigma).toBeLessThan(1e-5);
    expect(row.epAtOne).toBeCloseTo(ep, 12);
    expect(row.bits).toBe(Math.log2(p));
  });

  it('round-trips every additive model and gives Poisson EP at |x| = 1 and the grid average', () => {
    const rows = epTable({ eps: [0.2, 0.5], ps: [16, 64] });
    expect(rows).toHaveLength(4 * 2 * 2);
    for (const r of rows) {
      if (r.model === 'poisson') {
        expect(Math.abs(r.epAtOne - r.ep)).toBeLessThan(0.02);
        expect(r.epGridAverage).toBeLessThan(r.epAtOne); // small signals have few counts' spread
        expect(r.epGridAverage).toBeGreaterThan(0);
      } else {
        expect(r.epAtOne).toBeCloseTo(r.ep, 10);
        expect(r.epGridAverage).toBe(r.epAtOne);
      }
    }
    expect(rows.find((r) => r.model === 'laplace')!.scaleName).toBe('b');
  });
});

describe('sweeps, interpolation factors, formats', () => {
  it('parses sweeps and lists exactly', () => {
    expect(parseNumberSpec('0:1:0.1')).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
    expect(parseNumberSpec('0.2, 0.5,0.8')).toEqual([0.2, 0.5, 0.8]);
    expect(() => parseNumberSpec('0:1')).toThrow(/start:stop:step/);
    expect(() => parseNumberSpec('a,b')).toThrow(/not a number/);
    expect(Array.from(linspace(-1, 1, 5))).toEqual([-1, -0.5, 0, 0.5, 1]);
  });

  it('reads i from any spec', () => {
    expect(interpolationFactor(parseActivation('relu'))).toBe(0);
    expect(interpolationFactor(parseActivation('gelu:2'))).toBe(1);
    expect(interpolationFactor(parseActivation('silu'))).toBe(1);
    expect(interpolationFactor(parseActivation('relu-silu:0.3'))).toBe(0.3);
    expect(interpolationFactor(parseActivation('leaky-relu:0.1'))).toBeUndefined();
  });

  it('writes CSV with a header and quoting, and JSON with extras', () => {
    const csv = toCsv([
      { a: 1, b: 'x,y' },
      { a: 2.5, c: true },
    ]);
    expect(csv).toBe('a,b,c\n1,"x,y",\n2.5,,true\n');
    const json = JSON.parse(formatRows([{ a: 1 }], 'json', { note: 'n' })) as {
      note: string;
      rows: unknown[];
    };
    expect(json).toEqual({ note: 'n', rows: [{ a: 1 }] });
    expect(formatRows([{ a: 1 }], 'table')).toMatch(/^a\n-\n1\n$/);
  });
});

describe('run results', () => {
  it('reads EP/p from a sim:paper URI or a paper profile name', () => {
    expect(noiseFromDevice('sim:paper?p=16&ep=0.5')).toEqual({ p: 16, ep: 0.5 });
    expect(noiseFromDevice('serial:/dev/x', 'sim-paper-p64-ep0.2-gaussian')).toEqual({
      p: 64,
      ep: 0.2,
    });
    expect(noiseFromDevice('ideal:')).toEqual({});
  });

  it('turns run directories into rows and reports the ones it cannot use', async () => {
    const root = await mkdtemp(join(tmpdir(), 'analoop-runs-'));
    const run = async (name: string, activation: string, device: string, acc?: number) => {
      const dir = join(root, name);
      await mkdir(dir, { recursive: true });
      await writeFile(
        join(dir, 'manifest.json'),
        JSON.stringify({
          config: {
            activation,
            device,
            seed: 2,
            model: 'convnet',
            modelOptions: { convLayers: 4 },
          },
        }),
      );
      const lines = [
        { event: 'start' },
        ...(acc === undefined ? [] : [{ event: 'end', maxTestAccuracy: acc }]),
      ];
      await writeFile(
        join(dir, 'metrics.jsonl'),
        lines.map((l) => JSON.stringify(l)).join('\n') + '\n',
      );
    };
    await run('a', 'relu-gelu:0.3', 'sim:paper?p=16&ep=0.5', 0.61);
    await run('b', 'gelu', 'sim:paper?p=16&ep=0.8', 0.55);
    await run('c', 'relu', 'sim:paper?p=16&ep=0.5'); // unfinished
    await run('d', 'relu', 'ideal:', 0.9); // no EP
    const { rows, skipped } = await readRunResults(root);
    expect(rows.map((r) => [r.i, r.ep, r.p, r.accuracy, r.depth, r.seed])).toEqual([
      [0.3, 0.5, 16, 0.61, 4, 2],
      [1, 0.8, 16, 0.55, 4, 2],
    ]);
    expect(skipped.map((s) => s.run.slice(-1))).toEqual(['c', 'd']);
    expect(skipped[0]!.reason).toMatch(/end/);
    expect(skipped[1]!.reason).toMatch(/EP/);
  });
});
