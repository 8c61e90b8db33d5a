import { Command, InvalidArgumentError, Option } from 'commander';
import cliProgress from 'cli-progress';
import { writeFile } from 'node:fs/promises';
import {
  calibrate,
  checkCalibration,
  DEFAULT_BUDGET,
  STEP_DESCRIPTIONS,
  STEP_NAMES,
  summarizeMismatch,
  type CheckResult,
  type ProbeProgress,
  type StepReport,
} from '../calibrate/index.js';
import { allocateBudget, resolveSteps } from '../calibrate/steps.js';
import { tileSize } from '../calibrate/probe-session.js';
import type { Device } from '../device/device.js';
import { openDevice } from '../device/registry.js';
import { loadProfile } from '../profile/index.js';
import { UsageError } from './errors.js';
import { commaList, integer, positiveNumber } from './parse.js';

/**
 * `analoop calibrate`: probe a device, fit a simulator profile, write it; `analoop calibrate
 * check`: replay random products on a device and on a profile's simulator and report the
 * mismatch (exit 1 past the thresholds). A progress bar on a terminal, JSON lines otherwise.
 */

/** "8x16" -> { rows: 8, cols: 16 }. */
function tileSizeArg(value: string): { rows: number; cols: number } {
  const m = /^\s*(\d+)\s*[xX]\s*(\d+)\s*$/.exec(value);
  if (!m || Number(m[1]) < 1 || Number(m[2]) < 1)
    throw new InvalidArgumentError(
      `expected ROWSxCOLS with positive integers, e.g. 8x16, got "${value}"`,
    );
  return { rows: Number(m[1]), cols: Number(m[2]) };
}

/** "10s", "5m", "1h", "250ms" or plain milliseconds. */
function durationArg(value: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/.exec(value);
  const n = m ? Number(m[1]) * { ms: 1, s: 1e3, m: 6e4, h: 3.6e6 }[(m[2] ?? 'ms') as 'ms'] : NaN;
  if (!(n > 0))
    throw new InvalidArgumentError(
      `expected a duration > 0 such as 30s, 10m or 1h, got "${value}"`,
    );
  return n;
}

/** Progress: one bar per step on a terminal, JSON lines (at most one a second per step) otherwise. */
function progressSink(json: boolean) {
  let bar: cliProgress.SingleBar | undefined;
  let barStep = '';
  let last = 0;
  const line = (o: object) => process.stdout.write(JSON.stringify(o) + '\n');
  return {
    progress(e: ProbeProgress) {
      if (json) {
        const now = Date.now();
        if (now - last < 1000 && e.products < e.allowance) return;
        last = now;
        line({ event: 'progress', step: e.step, products: e.products, allowance: e.allowance });
        return;
      }
      if (!bar || barStep !== e.step) {
        bar?.stop();
        bar = new cliProgress.SingleBar(
          {
            format: `${e.step.padEnd(8)} |{bar}| {value}/{total} products`,
            hideCursor: true,
            clearOnComplete: true,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(e.allowance, 0);
        barStep = e.step;
      }
      bar.update(e.products);
    },
    stop() {
      bar?.stop();
      bar = undefined;
      barStep = '';
    },
    line,
  };
}

const fmt = (x: number, d = 4) => (Number.isFinite(x) ? Number(x.toPrecision(d)).toString() : '-');

async function open(uri: string, what: string): Promise<Device> {
  try {
    return await openDevice(uri);
  } catch (e) {
    throw new Error(`cannot open ${what} "${uri}": ${(e as Error).message}`);
  }
}

interface CalibrateCliOptions {
  device: string;
  out: string;
  budget: number;
  steps?: string[];
  tileSize?: { rows: number; cols: number };
  seed: number;
  driftDuration: number;
  driftPoints: number;
  dacInputs: number;
  name?: string;
  json?: boolean;
}

interface CheckCliOptions {
  device: string;
  profile: string;
  products: number;
  vectors?: number;
  tileCols?: number;
  maxMeanError?: number;
  maxGainError?: number;
  maxStdRatio?: number;
  maxKs?: number;
  seed: number;
  json?: boolean;
}

function printCheck(r: CheckResult, json: boolean): void {
  if (json) {
    process.stdout.write(JSON.stringify({ event: 'check', ...r }) + '\n');
    return;
  }
  const rows = [
    ['ch', 'mean error', 'gain ratio', 'std ratio', 'KS', 'KS noise', 'verdict'],
    ...r.channels.map((c) => [
      String(c.channel),
      `${fmt(c.meanError, 3)} +- ${fmt(c.meanErrorSe, 2)}`,
      `${fmt(c.gainRatio, 4)} +- ${fmt(c.gainRatioSe, 2)}`,
      fmt(c.stdRatio, 3),
      fmt(c.ks, 3),
      fmt(c.ksNoise, 3),
      c.failed.length ? `FAIL (${c.failed.join(', ')})` : 'ok',
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  for (const row of rows)
    process.stdout.write(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ') + '\n');
  const t = r.thresholds;
  process.stdout.write(
    `thresholds: |mean error| ${fmt(t.meanError, 3)}, |gain ratio - 1| ${t.gain}, std ratio ${t.stdRatio}x, KS ${t.ks} (each widened to 4 standard errors / the KS critical value at alpha 1e-3 of this replay)\n`,
  );
  process.stdout.write(`${r.products} device products; ${summarizeMismatch(r)}\n`);
}

function checkCommand(): Command {
  return new Command('check')
    .description(
      "replay random products on the device and on the profile's simulator and report the per-channel mismatch; exits 1 when a channel is past a threshold",
    )
    .option('--device <uri>', 'the device, e.g. serial:/dev/ttyUSB0 or sim:board.json')
    .requiredOption('--profile <file>', 'the calibration profile to check (JSON)')
    .option('--products <n>', 'device products to spend', integer(32), 2048)
    .option('--vectors <n>', 'distinct random input vectors (the rest are repeats)', integer(8))
    .option('--tile-cols <n>', 'inputs used (default min(cols, 16))', integer(1))
    .option(
      '--max-mean-error <v>',
      'largest |mean error| per channel, output units (default 2% of the output range half-width)',
      positiveNumber,
    )
    .option('--max-gain-error <v>', 'largest |gain ratio - 1| (default 0.05)', positiveNumber)
    .option(
      '--max-std-ratio <r>',
      'largest noise std ratio, either way (default 1.25)',
      positiveNumber,
    )
    .option('--max-ks <d>', 'largest Kolmogorov-Smirnov distance (default 0.1)', positiveNumber)
    .option('--seed <n>', 'seed of the random products (default 7)', integer(0, 0xffffffff))
    .option('--json', 'JSON lines instead of a table (the default when stdout is not a terminal)')
    .option('--no-json', 'a table even when stdout is not a terminal')
    .action(async (local: Partial<CheckCliOptions>, self: Command) => {
      // Unless the root parses options positionally, commander hands --device, --seed and --json
      // written after "check" to the parent "calibrate", which has options of the same names.
      const parent = self.parent!;
      const up = parent.opts<Partial<CalibrateCliOptions>>();
      const fromCli = (k: string) => parent.getOptionValueSource(k) === 'cli';
      const uri = local.device ?? up.device;
      if (!uri)
        throw new UsageError(
          'give --device <uri> (e.g. --device serial:/dev/ttyUSB0), the device to check',
        );
      const o = {
        ...local,
        device: uri,
        seed: local.seed ?? (fromCli('seed') ? up.seed! : 7),
      } as CheckCliOptions;
      const json = local.json ?? up.json ?? !process.stdout.isTTY;
      if (o.maxStdRatio !== undefined && o.maxStdRatio <= 1)
        throw new UsageError(`--max-std-ratio must be above 1 (e.g. 1.25), got ${o.maxStdRatio}`);
      await loadProfile(o.profile); // fails early, naming every bad field
      const device = await open(o.device, '--device');
      try {
        const sim = await open(`sim:${o.profile}`, 'the profile simulator');
        const sink = progressSink(json);
        let r: CheckResult;
        try {
          r = await checkCalibration(device, sim, {
            products: o.products,
            seed: o.seed,
            ...(o.vectors === undefined ? {} : { vectors: o.vectors }),
            ...(o.tileCols === undefined ? {} : { tileCols: o.tileCols }),
            thresholds: {
              ...(o.maxMeanError === undefined ? {} : { meanError: o.maxMeanError }),
              ...(o.maxGainError === undefined ? {} : { gain: o.maxGainError }),
              ...(o.maxStdRatio === undefined ? {} : { stdRatio: o.maxStdRatio }),
              ...(o.maxKs === undefined ? {} : { ks: o.maxKs }),
            },
            onProgress: (e) => sink.progress(e),
          });
        } finally {
          sink.stop();
          await sim.close();
        }
        printCheck(r, json);
        if (!r.passed) {
          const by = new Map<string, number>();
          for (const c of r.channels) for (const f of c.failed) by.set(f, (by.get(f) ?? 0) + 1);
          const what = [...by].map(([k, n]) => `${k} on ${n}`).join(', ');
          throw new Error(
            `calibration check failed: ${r.failedChannels} of ${r.channels.length} channels past threshold (${what}); ${o.profile} does not describe ${o.device}: recalibrate with analoop calibrate --device ${o.device} --out ${o.profile}`,
          );
        }
      } finally {
        await device.close();
      }
    });
}

export function calibrateCommand(): Command {
  const cmd = new Command('calibrate')
    .description(
      'Probe a device through products and fit a simulator profile (sim:<profile.json>) that behaves like it; "calibrate check" tests a profile against a device.\n' +
        `Steps: ${STEP_NAMES.map((s) => `${s} (${STEP_DESCRIPTIONS[s]})`).join('; ')}.`,
    )
    .option(
      '--device <uri>',
      'the device to calibrate, e.g. serial:/dev/ttyUSB0 or serial:./board.tty',
    )
    .option('--out <file>', 'where to write the fitted profile (JSON)')
    .option('--budget <n>', 'total products all steps may spend', integer(1), DEFAULT_BUDGET)
    .option(
      '--steps <list>',
      `comma-separated steps (dependencies are added): ${STEP_NAMES.join(',')}`,
      commaList,
    )
    .option(
      '--tile-size <RxC>',
      'tile probed, channels x inputs, e.g. 8x16 (default all rows x min(cols, 16))',
      tileSizeArg,
    )
    .option('--seed <n>', 'seed of the random stimuli', integer(0, 0xffffffff), 1)
    .addOption(
      new Option('--drift-duration <time>', 'time the drift series spans, e.g. 30s, 10m, 1h')
        .argParser(durationArg)
        .default(10_000, '10s'),
    )
    .option('--drift-points <n>', 'measurements in the drift series', integer(2, 1000), 5)
    .option('--dac-inputs <n>', 'inputs swept one at a time by the dac step', integer(1), 1)
    .option('--name <name>', "the profile's name (default calibrated-<device model>)")
    .option(
      '--json',
      'JSON lines instead of a progress bar (the default when stdout is not a terminal)',
    )
    .option('--no-json', 'a progress bar and a table even when stdout is not a terminal')
    .action(async (o: CalibrateCliOptions) => {
      if (!o.device)
        throw new UsageError(
          'give --device <uri> (e.g. --device serial:/dev/ttyUSB0), the device to calibrate',
        );
      if (!o.out)
        throw new UsageError(
          'give --out <file> (e.g. --out profile.json), where the fitted profile goes',
        );
      const json = o.json ?? !process.stdout.isTTY;
      let added: string[] = [];
      if (o.steps) {
        try {
          added = resolveSteps(o.steps).added;
        } catch (e) {
          throw new UsageError(`--steps: ${(e as Error).message}`);
        }
      }
      const device = await open(o.device, '--device');
      const sink = progressSink(json);
      const t0 = performance.now();
      try {
        // Settings that cannot work on this device are usage errors, found before probing.
        try {
          const size = tileSize(device.info(), o.tileSize?.rows, o.tileSize?.cols);
          allocateBudget(
            o.budget,
            resolveSteps(o.steps ?? STEP_NAMES).steps,
            size.cols,
            o.driftPoints,
          );
        } catch (e) {
          throw new UsageError((e as Error).message);
        }
        if (added.length && !json)
          process.stdout.write(
            `adding step(s) ${added.join(', ')}: the requested steps need them\n`,
          );
        const result = await calibrate(device, {
          budget: o.budget,
          ...(o.steps ? { steps: o.steps } : {}),
          ...(o.tileSize ? { tileRows: o.tileSize.rows, tileCols: o.tileSize.cols } : {}),
          seed: o.seed,
          driftDurationMs: o.driftDuration,
          driftPoints: o.driftPoints,
          dacInputs: o.dacInputs,
          source: o.device,
          ...(o.name ? { name: o.name } : {}),
          onProgress: (e) => sink.progress(e),
          onStep: (s: StepReport) => {
            sink.stop();
            if (json) sink.line({ event: 'step', ...s });
            else
              process.stdout.write(
                `${s.step.padEnd(8)} ${String(s.products).padStart(7)} products (of ${s.allowance}) ${s.seconds.toFixed(1).padStart(6)} s  ${s.summary}\n`,
              );
          },
        });
        try {
          await writeFile(o.out, JSON.stringify(result.profile, null, 2) + '\n');
        } catch (e) {
          throw new Error(
            `cannot write --out ${o.out}: ${(e as Error).message}; check that the directory exists and is writable`,
          );
        }
        const seconds = (performance.now() - t0) / 1000;
        if (json) {
          sink.line({
            event: 'done',
            out: o.out,
            profileId: result.profileId,
            physicsId: result.physicsId,
            products: result.totalProducts,
            seconds,
            addedSteps: result.addedSteps,
            assumed: result.assumed,
          });
        } else {
          const p = result.profile;
          const arr = (v: number | number[]) =>
            typeof v === 'number' ? new Array<number>(p.array.rows).fill(v) : v;
          const g = arr(p.channels.gain);
          const off = arr(p.channels.offset);
          const d = arr(p.channels.gainDriftPerHour);
          process.stdout.write('channel  gain      offset     drift/h\n');
          for (let r = 0; r < g.length; r++)
            process.stdout.write(
              `${String(r).padEnd(8)} ${fmt(g[r]!).padEnd(9)} ${fmt(off[r]!).padEnd(10)} ${fmt(d[r]!, 3)}\n`,
            );
          const noise = Object.entries(p.noise)
            .map(
              ([k, n]) =>
                `${k} ${n.model === 'none' ? 'none' : `${n.model} ${fmt(n.scale ?? NaN, 3)}`}`,
            )
            .join(', ');
          const nl = p.nonlinearity
            ? p.nonlinearity.kind === 'cubic'
              ? `cubic a3 ${fmt(p.nonlinearity.a3, 3)}`
              : `polynomial ${p.nonlinearity.coefficients.map((c) => fmt(c, 3)).join(', ')}`
            : 'none';
          process.stdout.write(
            `precision: dac ${p.dac.precision}, adc ${p.adc.precision}, weights ${p.weights.precision}; noise: ${noise}; nonlinearity: ${nl}\n`,
          );
          for (const a of result.assumed) process.stdout.write(`assumed: ${a}\n`);
          process.stdout.write(
            `wrote ${o.out}: calibration id ${result.profileId} (${result.totalProducts} products in ${seconds.toFixed(1)} s, ${Math.round(result.totalProducts / seconds)} products/s); use it with --device sim:${o.out}\n`,
          );
        }
      } finally {
        sink.stop();
        await device.close();
      }
    });
  cmd.addCommand(checkCommand());
  return cmd;
}
