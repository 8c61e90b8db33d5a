import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import {
  accuracyFigure,
  activationCurves,
  activationsFigure,
  effectiveBitsFigure,
  effectiveBitsTable,
  encodePng,
  gradientErrorFigure,
  gsdFigure,
  gsdRow,
  interpolationSeries,
  renderFigure,
  runGradientErrorExperiment,
  writeFigure,
  type GsdSeriesRow,
} from '../../src/analysis/index.js';
import { parseActivation } from '../../src/nn/activations.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const provenance = { device: 'test device', seed: 5 };

/** Renders and checks: SVG parses (resvg reads it) with a real size, PNG is a PNG > 200 px. */
async function check(spec: TopLevelSpec, mustContain: string[] = []): Promise<void> {
  const fig = await renderFigure(spec, { pngScale: 1 });
  expect(fig.svg.startsWith('<svg')).toBe(true);
  expect(fig.svg.length).toBeGreaterThan(5000);
  const parsed = new Resvg(fig.svg);
  expect(parsed.width).toBeGreaterThan(200);
  expect(parsed.height).toBeGreaterThan(200);
  expect(fig.png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(fig.png.readUInt32BE(16)).toBe(fig.width);
  expect(fig.png.readUInt32BE(20)).toBe(fig.height);
  expect(fig.width).toBeGreaterThan(200);
  expect(fig.height).toBeGreaterThan(200);
  expect(fig.svg).toContain('seed 5'); // the caption line
  for (const s of mustContain) expect(fig.svg).toContain(s);
}

describe('figures render headless to SVG and PNG', () => {
  it('activations: f and f′ under full precision, RP and noise', async () => {
    const rows = activationCurves({
      activations: ['relu', 'gelu'].map((s) => parseActivation(s)),
      p: 8,
      points: 41,
      seed: 5,
    });
    expect(rows).toHaveLength(2 * 3 * 41);
    await check(activationsFigure(rows, { provenance }), [
      'x (full scale = 1)',
      "f'(x) (dimensionless)",
      'activation',
    ]);
  });

  it('gsd vs interpolation factor', async () => {
    const rows: GsdSeriesRow[] = interpolationSeries([0, 0.5, 1]).map((s) => ({
      ...gsdRow(s),
      family: 'relu-gelu',
    }));
    await check(gsdFigure(rows, { provenance }), ['interpolation factor i', 'family']);
  });

  it('effective bits vs scaling factor', async () => {
    await check(effectiveBitsFigure(effectiveBitsTable([0.5, 1, 2, 4], [16, 64]), { provenance }), [
      'GELU scaling factor s',
      '(bits)',
      'precision p',
    ]);
  });

  it('gradient-error heatmaps with a colour legend', async () => {
    const e = await runGradientErrorExperiment({ p: 8, draws: 2, seed: 5, factors: [0, 1] });
    const spec = gradientErrorFigure(e.result, { provenance: e.provenance });
    await check(spec, [
      '<image',
      'data:image/png;base64',
      'input x',
      'weight w',
      'mean over draws',
      'i = 0 (ReLU)',
    ]);
    await check(gradientErrorFigure(e.result, { provenance: e.provenance, scale: 'linear' }));
  });

  it('accuracy vs interpolation factor coloured by EP, one panel per p', async () => {
    const rows = [0, 0.5, 1].flatMap((i) =>
      [0.2, 0.8].flatMap((ep) =>
        [16, 64].flatMap((p) =>
          [1, 2].map((seed) => ({
            i,
            ep,
            p,
            seed,
            accuracy: 0.5 + 0.2 * i - 0.1 * ep + 0.01 * seed,
          })),
        ),
      ),
    );
    await check(accuracyFigure(rows, { provenance }), [
      'max test accuracy (%)',
      'error probability EP',
      'p = 16',
      'p = 64',
    ]);
    await check(
      accuracyFigure(
        rows.map((r) => ({ ...r, p: 16, depth: r.seed })),
        { provenance, colorBy: 'depth' },
      ),
      ['depth'],
    );
  });

  it('writeFigure writes <name>.svg and <name>.png', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'analoop-fig-'));
    const rows: GsdSeriesRow[] = interpolationSeries([0, 1]).map((s) => ({
      ...gsdRow(s),
      family: 'relu-gelu',
    }));
    await writeFigure(dir, 'gsd', gsdFigure(rows, { provenance }));
    expect((await readdir(dir)).sort()).toEqual(['gsd.png', 'gsd.svg']);
    expect((await readFile(join(dir, 'gsd.png'))).subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  });

  it('encodePng writes a PNG that resvg can embed', () => {
    const png = encodePng(2, 1, new Uint8Array([255, 0, 0, 0, 0, 255]));
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(png.readUInt32BE(16)).toBe(2);
    expect(png.readUInt32BE(20)).toBe(1);
  });
});
