import { Command, InvalidArgumentError, Option } from 'commander';
import {
  accuracyFigure,
  activationCurves,
  activationsFigure,
  assumedNoiseSpec,
  effectiveBitsFigure,
  effectiveBitsTable,
  gradientErrorFigure,
  gsdFigure,
  gsdRow,
  interpolationSeries,
  readRunResults,
  sweepValues,
  writeFigure,
  type GsdSeriesRow,
} from '../analysis/index.js';
import { parseActivation } from '../nn/activations.js';
import { NOISE_MODELS, type NoiseModel } from '../noise/index.js';
import { UsageError } from './errors.js';
import {
  addGradientErrorOptions,
  gradientErrorFromOptions,
  numbers,
  summaryText,
  type GradientErrorCliOptions,
} from './metrics.js';
import { commaList, integer, positiveNumber } from './parse.js';

function say(line: string): void {
  process.stdout.write(line + '\n');
}

async function write(
  out: string,
  name: string,
  spec: Parameters<typeof writeFigure>[2],
): Promise<void> {
  const paths = await writeFigure(out, name, spec);
  say(`wrote ${paths.svg} and ${paths.png}`);
}

function range(value: string): [number, number] {
  const m = /^\s*(-?[\d.]+(?:e-?\d+)?)\s*:\s*(-?[\d.]+(?:e-?\d+)?)\s*$/i.exec(value);
  const lo = m ? Number(m[1]) : NaN;
  const hi = m ? Number(m[2]) : NaN;
  if (!(lo < hi))
    throw new InvalidArgumentError(`expected lo:hi with lo < hi (e.g. -1:1), got "${value}"`);
  return [lo, hi];
}

const OUT = ['--out <dir>', 'directory for <name>.svg and <name>.png', 'figures'] as const;

async function activations(o: {
  out: string;
  activations: string[];
  p: number;
  ep: number;
  noise: string;
  seed: number;
  range: [number, number];
}) {
  if (!(o.ep < 1)) throw new UsageError(`--ep must be below 1, got ${o.ep}`);
  const specs = o.activations.map((s) => parseActivation(s));
  const model = o.noise as NoiseModel;
  const rows = activationCurves({
    activations: specs,
    p: o.p,
    ep: o.ep,
    model,
    seed: o.seed,
    range: o.range,
  });
  const noise = assumedNoiseSpec({ p: o.p, ep: o.ep, model });
  await write(
    o.out,
    'activations',
    activationsFigure(rows, {
      provenance: {
        device: `assumed ${model} aod block Noise → Clamp[${o.range.join(', ')}] → RP, p = ${o.p}, EP = ${o.ep} (scale ${noise.scale.toPrecision(4)})`,
        seed: o.seed,
        note: 'one draw per point',
      },
      conditionLabels: {
        'full precision': 'full precision: f(x)',
        'reduced precision': `reduced precision: f(RP(x)), p = ${o.p}`,
        noisy: `noisy: f(RP(Clamp(Noise(x)))), EP = ${o.ep}`,
      },
    }),
  );
}

async function gsd(o: { out: string; sweep: number[]; h: number }) {
  const rows: GsdSeriesRow[] = [];
  for (const family of ['relu-gelu', 'relu-silu'] as const) {
    for (const spec of interpolationSeries(o.sweep, { family, reluGradAtZero: 0 })) {
      rows.push({ ...gsdRow(spec, o.h), family: `${family} (R'(0) = 0)` });
    }
  }
  await write(
    o.out,
    'gsd',
    gsdFigure(rows, {
      provenance: {
        device: `exact arithmetic (no device, no noise)`,
        note: 'log axis',
      },
    }),
  );
}

async function effectiveBits(o: { out: string; scales: number[]; ps: number[] }) {
  await write(
    o.out,
    'effective-bits',
    effectiveBitsFigure(effectiveBitsTable(o.scales, o.ps), {
      provenance: {
        device: 'exact arithmetic (no device, no noise)',
        note: 'dashed: log2(p), the input bits',
      },
    }),
  );
}

async function gradientError(o: GradientErrorCliOptions & { out: string; linear?: boolean }) {
  const e = await gradientErrorFromOptions(o);
  await write(
    o.out,
    'gradient-error',
    gradientErrorFigure(e.result, { provenance: e.provenance, scale: o.linear ? 'linear' : 'log' }),
  );
  process.stdout.write(summaryText(e));
}

async function accuracy(o: { out: string; runs: string; colorBy: 'ep' | 'depth' }) {
  const { rows, skipped } = await readRunResults(o.runs);
  for (const s of skipped) process.stderr.write(`analoop: skipped ${s.run}: ${s.reason}\n`);
  if (rows.length === 0) throw new UsageError(`no finished runs found under ${o.runs}`);
  const devices = [...new Set(rows.map((r) => r.device ?? '?'))];
  const seeds = [...new Set(rows.map((r) => r.seed).filter((s) => s !== undefined))].sort(
    (a, b) => a! - b!,
  );
  await write(
    o.out,
    o.colorBy === 'depth' ? 'accuracy-depth' : 'accuracy',
    accuracyFigure(rows, {
      colorBy: o.colorBy,
      provenance: {
        device:
          devices.length <= 3
            ? devices.join(', ')
            : `${devices.length} devices (${devices.slice(0, 2).join(', ')}, ...)`,
        note: `${rows.length} runs from ${o.runs}, seeds ${seeds.join(',') || '?'}; lines: median over seeds`,
      },
    }),
  );
}

/** `analoop figures <name>`: the paper's figures as SVG and PNG, rendered without a browser. */
export function figuresCommand(): Command {
  const cmd = new Command('figures').description(
    "Draw the paper's figures as <out>/<name>.svg and .png (no browser needed)",
  );
  const activationOptions = (c: Command) =>
    c
      .option('--activations <list>', 'activation specs', commaList, [
        'relu',
        'relu-gelu:0.5',
        'gelu',
        'silu',
      ])
      .option(
        '--p <p>',
        'precision of the reduced-precision and noisy inputs',
        integer(1, 1 << 20),
        16,
      )
      .option('--ep <ep>', 'error probability of the noise', positiveNumber, 0.5)
      .addOption(
        new Option('--noise <model>', 'noise model').choices(NOISE_MODELS).default('gaussian'),
      )
      .option('--seed <n>', 'noise seed', integer(0, 0xffffffff), 1)
      .option('--range <lo:hi>', 'x range (and clamp range of the noisy input)', range, [-1, 1] as [
        number,
        number,
      ]);
  activationOptions(
    cmd
      .command('activations')
      .description(
        'activations and derivatives: full precision, reduced precision, noisy (figures 2-3)',
      ),
  )
    .option(...OUT)
    .action(activations);

  cmd
    .command('gsd')
    .description('gradient step discontinuity vs interpolation factor (ReLU-GELU and ReLU-SiLU)')
    .option(...OUT)
    .option('--sweep <a:b:step>', 'interpolation factors', numbers, sweepValues(0, 1, 0.05))
    .option('--h <h>', 'step of the one-sided difference', positiveNumber, 1e-4)
    .action(gsd);

  cmd
    .command('effective-bits')
    .description("effective bits of GELU's derivative near zero vs scaling factor, one line per p")
    .option(...OUT)
    .option('--scales <list>', 'scaling factors s', numbers, sweepValues(0.25, 8, 0.25))
    .option('--ps <list>', 'precisions p', numbers, [4, 8, 16, 32, 64, 256])
    .action(effectiveBits);

  addGradientErrorOptions(
    cmd
      .command('gradient-error')
      .description('gradient-error maps, full and zoom, for the interpolation series (figure 4)'),
  )
    .option(...OUT)
    .option('--linear', 'linear colour scale instead of log')
    .action(gradientError);

  cmd
    .command('accuracy')
    .description(
      'max test accuracy vs interpolation factor from run directories, coloured by EP (or depth)',
    )
    .requiredOption('--runs <dir>', 'a run directory or a directory of run directories')
    .option(...OUT)
    .addOption(
      new Option('--color-by <what>', 'colour lines by').choices(['ep', 'depth']).default('ep'),
    )
    .action(accuracy);

  activationOptions(
    cmd
      .command('all')
      .description(
        "every figure that needs no runs: activations (at --p), gsd, effective-bits, gradient-error (p = 256, or the device's)",
      ),
  )
    .option(...OUT)
    .option('--draws <n>', 'noise draws per gradient-error map point', integer(1, 100000), 8)
    .option('--device <uri>', 'measure the gradient-error products on a device')
    .action(
      async (o: {
        out: string;
        activations: string[];
        p: number;
        ep: number;
        noise: string;
        seed: number;
        range: [number, number];
        draws: number;
        device?: string;
      }) => {
        await activations(o);
        await gsd({ out: o.out, sweep: sweepValues(0, 1, 0.05), h: 1e-4 });
        await effectiveBits({
          out: o.out,
          scales: sweepValues(0.25, 8, 0.25),
          ps: [4, 8, 16, 32, 64, 256],
        });
        await gradientError({
          out: o.out,
          ep: o.ep,
          noise: o.noise,
          seed: o.seed,
          draws: o.draws,
          factors: [0, 0.25, 0.5, 0.75, 1],
          family: 'relu-gelu',
          zoom: 0.25,
          ...(o.device ? { device: o.device } : {}),
        });
      },
    );
  return cmd;
}
