import { Command, InvalidArgumentError, Option } from 'commander';
import { openDevice } from '../device/registry.js';
import {
  DEFAULT_DRAWS,
  DEFAULT_EPS,
  DEFAULT_PS,
  effectiveBitsTable,
  epTable,
  formatRows,
  GSD_STEP,
  gsdRow,
  INTERPOLATION_FAMILIES,
  interpolationSeries,
  NOISY_MODELS,
  OUTPUT_FORMATS,
  PAPER_FACTORS,
  parseNumberSpec,
  runGradientErrorExperiment,
  type GradientErrorExperiment,
  type InterpolationFamily,
  type NoisyModel,
  type OutputFormat,
} from '../analysis/index.js';
import { parseActivation, type ReluZeroGrad } from '../nn/activations.js';
import { NOISE_MODELS, type NoiseModel } from '../noise/index.js';
import { UsageError } from './errors.js';
import { commaList, integer, positiveNumber } from './parse.js';

/** `0.2,0.5` or `0:1:0.1` as numbers (commander parser). */
export function numbers(value: string): number[] {
  try {
    return parseNumberSpec(value);
  } catch (err) {
    throw new InvalidArgumentError((err as Error).message);
  }
}

function formatOption(): Option {
  return new Option('--format <format>', 'output format').choices(OUTPUT_FORMATS).default('table');
}

function print(text: string): void {
  process.stdout.write(text);
}

function reluZero(value: string): ReluZeroGrad {
  if (value !== '0' && value !== '1')
    throw new InvalidArgumentError(`expected 0 or 1, got "${value}"`);
  return Number(value) as ReluZeroGrad;
}

/** Options of the gradient-error experiment, shared by `metrics gradient-error` and `figures gradient-error`. */
export interface GradientErrorCliOptions {
  p?: number;
  ep: number;
  noise: string;
  seed: number;
  draws: number;
  factors: number[];
  family: string;
  scale?: number;
  reluZero?: ReluZeroGrad;
  zoom: number;
  band?: number;
  device?: string;
}

export function addGradientErrorOptions(cmd: Command): Command {
  return cmd
    .option(
      '--p <p>',
      'grid precision: 2p+1 points per axis, and the assumed chain RP precision (default 256, or 2^inputBits of --device)',
      integer(1, 4096),
    )
    .option('--ep <ep>', 'error probability of the assumed chain', positiveNumber, 0.5)
    .addOption(
      new Option('--noise <model>', 'noise model of the assumed chain')
        .choices(NOISE_MODELS)
        .default('gaussian'),
    )
    .option(
      '--seed <n>',
      'noise seed (with --device: draws start at seed * 65536)',
      integer(0, 0xffffffff),
      1,
    )
    .option(
      '--draws <n>',
      'independent noise draws averaged per map point',
      integer(1, 100000),
      DEFAULT_DRAWS,
    )
    .option('--factors <list>', 'interpolation factors i (list or sweep a:b:step)', numbers, [
      ...PAPER_FACTORS,
    ])
    .addOption(
      new Option('--family <name>', 'interpolation family')
        .choices(INTERPOLATION_FAMILIES)
        .default('relu-gelu'),
    )
    .option('--scale <s>', 'GELU scaling factor s (relu-gelu)', positiveNumber)
    .option('--relu-zero <v>', "R'(0) at exactly zero, 0 or 1 (default: the family's)", reluZero)
    .option('--zoom <half>', 'half-width of the zoom region', positiveNumber, 0.25)
    .option('--band <z>', 'near-zero band |z| < band (default 2/p)', positiveNumber)
    .option(
      '--device <uri>',
      'measure the products on a device (e.g. sim:paper?p=256&ep=0.5, a board) instead of the assumed chain',
    );
}

/** Runs the experiment for parsed CLI options, opening and closing the device if one is named. */
export async function gradientErrorFromOptions(
  o: GradientErrorCliOptions,
): Promise<GradientErrorExperiment> {
  if (!(o.ep < 1)) throw new UsageError(`--ep must be below 1 (an error probability), got ${o.ep}`);
  for (const i of o.factors) {
    if (!(i >= 0 && i <= 1))
      throw new UsageError(`--factors: interpolation factor ${i} is outside [0, 1]`);
  }
  const device = o.device ? await openDevice(o.device) : undefined;
  try {
    return await runGradientErrorExperiment({
      ...(o.p === undefined ? {} : { p: o.p }),
      ep: o.ep,
      model: o.noise as NoiseModel,
      seed: o.seed,
      draws: o.draws,
      factors: o.factors,
      family: o.family as InterpolationFamily,
      zoom: o.zoom,
      ...(o.scale === undefined ? {} : { scale: o.scale }),
      ...(o.reluZero === undefined ? {} : { reluGradAtZero: o.reluZero }),
      ...(o.band === undefined ? {} : { band: o.band }),
      ...(device ? { device, deviceUri: o.device! } : {}),
    });
  } finally {
    await device?.close();
  }
}

/** The summary of a gradient-error run in words, for the table output and the figures command. */
export function summaryText(e: GradientErrorExperiment): string {
  const ratio = (r: number | null) =>
    r === null ? 'n/a (needs i = 0 and i = 1)' : `${r.toFixed(1)}x`;
  const s = e.summary;
  return (
    `source: ${e.settings.source}, ${e.settings.draws} draws, seed ${e.settings.seed}\n` +
    `ReLU/GELU mean gradient error, near-zero band |z| < ${Number(s.band.toPrecision(4))}: ${ratio(s.reluGeluBandRatio)}\n` +
    `ReLU/GELU mean gradient error, zoom [-${e.settings.zoom}, ${e.settings.zoom}]^2: ${ratio(s.reluGeluZoomRatio)}\n` +
    `full-map mean by i: ${s.meanByFactor.map((m) => `${m.i}: ${m.mean.toPrecision(3)}`).join(', ')} ` +
    `(${s.monotonic ? 'falls monotonically' : 'NOT monotonic'} in i)\n`
  );
}

/** `analoop metrics <name>`: the paper's metrics as tables (CSV, JSON or text). */
export function metricsCommand(): Command {
  const cmd = new Command('metrics').description(
    "The paper's metrics: EP<->noise scale, gradient step discontinuity, effective bits, gradient-error maps",
  );

  cmd
    .command('ep-table')
    .description(
      'noise scale for every model over a grid of EP and p (Poisson: EP at |x|=1 and grid average)',
    )
    .option('--models <list>', `noise models (${NOISY_MODELS.join(', ')})`, commaList, [
      ...NOISY_MODELS,
    ])
    .option('--eps <list>', 'error probabilities (list or sweep a:b:step)', numbers, [
      ...DEFAULT_EPS,
    ])
    .option('--ps <list>', 'precisions p (steps per unit)', numbers, [...DEFAULT_PS])
    .addOption(formatOption())
    .action((o: { models: string[]; eps: number[]; ps: number[]; format: OutputFormat }) => {
      const bad = o.models.filter((m) => !NOISY_MODELS.includes(m as NoisyModel));
      if (bad.length)
        throw new UsageError(`--models: unknown ${bad.join(', ')}; use ${NOISY_MODELS.join(', ')}`);
      if (o.eps.some((e) => !(e > 0 && e < 1)))
        throw new UsageError('--eps: every EP must be in (0, 1)');
      if (o.ps.some((p) => !(p > 0))) throw new UsageError('--ps: every p must be > 0');
      print(
        formatRows(epTable({ models: o.models as NoisyModel[], eps: o.eps, ps: o.ps }), o.format),
      );
    });

  cmd
    .command('gsd [activations...]')
    .description(
      "gradient step discontinuity f'(h) - f'(0) of activation specs and/or over an interpolation sweep",
    )
    .option('--sweep <a:b:step>', 'interpolation factors i to add (e.g. 0:1:0.1)', numbers)
    .addOption(
      new Option('--family <name>', 'family of the sweep')
        .choices(INTERPOLATION_FAMILIES)
        .default('relu-gelu'),
    )
    .option('--scale <s>', 'GELU scaling factor s of the sweep', positiveNumber)
    .option('--relu-zero <v>', "R'(0) of the sweep, 0 or 1", reluZero)
    .option('--h <h>', 'step of the one-sided difference', positiveNumber, GSD_STEP)
    .addOption(formatOption())
    .action(
      (
        specs: string[],
        o: {
          sweep?: number[];
          family: string;
          scale?: number;
          reluZero?: ReluZeroGrad;
          h: number;
          format: OutputFormat;
        },
      ) => {
        const list = specs.map((s) => parseActivation(s));
        if (o.sweep) {
          list.push(
            ...interpolationSeries(o.sweep, {
              family: o.family as InterpolationFamily,
              ...(o.scale === undefined ? {} : { scale: o.scale }),
              ...(o.reluZero === undefined ? {} : { reluGradAtZero: o.reluZero }),
            }),
          );
        }
        if (list.length === 0) list.push(...interpolationSeries([0, 0.5, 1]));
        print(
          formatRows(
            list.map((s) => gsdRow(s, o.h)),
            o.format,
          ),
        );
      },
    );

  cmd
    .command('effective-bits')
    .description(
      "bits = log2(1 / (G_s'(1/p) - G_s'(0))) over GELU scaling factors s and precisions p",
    )
    .option('--scales <list>', 'scaling factors s (list or sweep)', numbers, [0.5, 1, 2, 3, 4, 8])
    .option('--ps <list>', 'precisions p', numbers, [4, 8, 16, 32, 64, 256])
    .addOption(formatOption())
    .action((o: { scales: number[]; ps: number[]; format: OutputFormat }) => {
      if (o.scales.some((s) => !(s > 0))) throw new UsageError('--scales: every s must be > 0');
      if (o.ps.some((p) => !(p > 0))) throw new UsageError('--ps: every p must be > 0');
      print(formatRows(effectiveBitsTable(o.scales, o.ps), o.format));
    });

  addGradientErrorOptions(
    cmd
      .command('gradient-error')
      .description(
        "gradient error |I'(z~) - I'(z)| of one noisy multiply + activation (method.md section 5): mean and max over the full map, the zoom and the near-zero band, per interpolation factor",
      ),
  )
    .addOption(formatOption())
    .action(async (o: GradientErrorCliOptions & { format: OutputFormat }) => {
      const e = await gradientErrorFromOptions(o);
      if (o.format === 'json') {
        print(formatRows(e.stats, 'json', { settings: e.settings, summary: e.summary }));
        return;
      }
      print(formatRows(e.stats, o.format));
      // The summary goes to stderr with CSV so that stdout stays one clean table.
      const write = (s: string) => (o.format === 'csv' ? process.stderr.write(s) : print(s));
      write(`\n${summaryText(e)}`);
    });

  return cmd;
}
