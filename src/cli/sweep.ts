/**
 * `analoop sweep <preset>`: the paper's sweeps (experiments/presets.ts) at quick or full size,
 * run in parallel by the local pool (one single-threaded child process per trial), resumable,
 * and collected into a table and figures in the sweep directory.
 */
import { Command, InvalidArgumentError } from 'commander';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDatasetSpec } from '../data/index.js';
import {
  EXPERIMENT_PRESETS,
  LocalPool,
  expandPreset,
  formatPivot,
  inlineRunner,
  processRunner,
  runSweep,
  trainingNote,
  type DepthVariant,
  type ExpandOptions,
  type SweepEvent,
  type SweepPlan,
  type SweepSize,
  type TrialRunner,
} from '../experiments/index.js';
import { UsageError } from './errors.js';
import { numbers } from './metrics.js';
import { integer } from './parse.js';
import { interruptSignal } from './train.js';

interface SweepCliOptions {
  list?: boolean;
  quick?: boolean;
  full?: boolean;
  out?: string;
  jobs: number;
  seeds?: number;
  dataset?: string;
  epochs?: number;
  batchSize?: number;
  trainLimit?: number;
  testLimit?: number;
  factors?: number[];
  scales?: number[];
  eps?: number[];
  ps?: number[];
  depths?: DepthVariant[];
  inline?: boolean;
  dryRun?: boolean;
  json?: boolean;
  verbose?: boolean;
}

/** `0:1,0:3,2:3` -> conv:linear pairs. */
function depths(value: string): DepthVariant[] {
  return value.split(',').map((item) => {
    const m = /^\s*(\d+)\s*:\s*(\d+)\s*$/.exec(item);
    if (!m)
      throw new InvalidArgumentError(
        `expected conv:linear layer pairs (e.g. 0:1,0:3,2:3), got "${item}"`,
      );
    return { convLayers: Number(m[1]), linearLayers: Number(m[2]) };
  });
}

/** Dataset directories made absolute, so the runs' manifests stay valid from any directory. */
function absoluteDataset(spec: string): string {
  const parsed = parseDatasetSpec(spec);
  if (!('dir' in parsed)) return spec;
  const head = spec.slice(0, spec.indexOf(':'));
  return `${head}:${resolve(parsed.dir)}`;
}

/** The built CLI, which each trial process runs: `node dist/bin/analoop.js sweep-trial <runDir>`. */
function workerCommand(): string[] {
  const bin = fileURLToPath(new URL('../../bin/analoop.js', import.meta.url));
  if (!existsSync(bin))
    throw new UsageError(
      `trial processes run the built CLI ${bin}, which does not exist: run npm run build, or pass --inline`,
    );
  return [process.execPath, bin, 'sweep-trial'];
}

function axesSummary(plan: SweepPlan): string {
  const a = plan.axes;
  const parts = [
    a.depths ? `${a.depths.length} depths` : '',
    a.factors ? `${a.factors.length} i` : '',
    a.scales ? `${a.scales.length} s` : '',
    `${a.eps.length} EP`,
    `${a.ps.length} p`,
    `${plan.seeds.length} seed${plan.seeds.length > 1 ? 's' : ''}`,
  ].filter(Boolean);
  return `${plan.trials.length} trials (${parts.join(' x ')})`;
}

function listPresets(): string {
  const lines = EXPERIMENT_PRESETS.map((p) => {
    const count = (size: SweepSize) => {
      try {
        const plan = expandPreset(p, {
          size,
          ...(size === 'full' ? { dataset: 'cifar100:.' } : {}),
        });
        return `${plan.trials.length} trials`;
      } catch {
        return '-';
      }
    };
    return `  ${p.name.padEnd(16)} quick: ${count('quick').padEnd(10)} full: ${count('full').padEnd(12)} ${p.describe}`;
  });
  return `experiment presets:\n${lines.join('\n')}\n`;
}

function say(line: string): void {
  process.stdout.write(line + '\n');
}

function pct(v: number): string {
  return `${(v * 100).toFixed(2)}%`;
}

function reporter(json: boolean, verbose: boolean) {
  return (e: SweepEvent) => {
    if (json) {
      if (e.type === 'outcome') {
        const { trial, ...outcome } = e.outcome;
        say(
          JSON.stringify({
            event: 'trial',
            id: trial.id,
            settled: e.settled,
            total: e.total,
            ...outcome,
          }),
        );
      } else if (e.type === 'start')
        say(JSON.stringify({ event: 'trial-start', id: e.trial.id, resumed: e.resumed }));
      else say(JSON.stringify({ ...e.metrics, event: 'trial-epoch', id: e.trial.id }));
      return;
    }
    switch (e.type) {
      case 'start':
        if (e.resumed || verbose) say(`  ${e.resumed ? 'resuming' : 'starting'} ${e.trial.id}`);
        break;
      case 'epoch':
        if (verbose)
          say(
            `  ${e.trial.id} epoch ${e.metrics.epoch}: test acc ${pct(e.metrics.testAccuracy)} (${e.metrics.seconds.toFixed(1)} s)`,
          );
        break;
      case 'outcome': {
        const o = e.outcome;
        const head = `[${e.settled}/${e.total}] ${o.trial.id}`;
        if (o.status === 'failed') say(`${head}: FAILED: ${o.error}`);
        else if (o.status === 'interrupted') say(`${head}: interrupted (resumable)`);
        else
          say(
            `${head}: max test acc ${pct(o.summary.maxTestAccuracy)}` +
              (o.status === 'cached'
                ? ' (finished earlier, not re-run)'
                : ` (${o.summary.epochs} epochs${o.resumed ? ', resumed' : ''}, ${o.seconds.toFixed(1)} s)`),
          );
        break;
      }
    }
  };
}

export function sweepCommand(): Command {
  const cmd = new Command('sweep')
    .description(
      "Run one of the paper's sweeps (trials in parallel, resumable) and collect max test accuracy into a table and figures",
    )
    .argument('[preset]', 'experiment preset (see --list)')
    .option('--list', 'list the presets with their trial counts')
    .option('--quick', 'the small size that runs in minutes (the default)')
    .option('--full', "the paper's size (needs --dataset with CIFAR-format data)")
    .option(
      '--out <dir>',
      'sweep directory (default runs/sweeps/<preset>-<size>); rerun to continue',
    )
    .option('--jobs <n>', 'trials at once, one core each', integer(1, 4096), availableParallelism())
    .option('--seeds <n>', 'seeds 1..n per cell (default: quick 1, full 3)', integer(1, 1000))
    .option(
      '--dataset <spec>',
      'cifar10:<dir> or cifar100:<dir> (full size); overrides the quick data',
    )
    .option('--epochs <n>', "override the size's epochs", integer(1))
    .option('--batch-size <n>', "override the size's batch size", integer(1))
    .option('--train-limit <n>', 'use only the first n training samples', integer(0))
    .option('--test-limit <n>', 'use only the first n test samples', integer(0))
    .option(
      '--factors <list>',
      'interpolation factors i, a list or a:b:step (e.g. 0:1:0.25)',
      numbers,
    )
    .option('--scales <list>', 'GELU scaling factors s (gelu-scale)', numbers)
    .option('--eps <list>', 'error probabilities EP', numbers)
    .option('--ps <list>', 'precisions p', numbers)
    .option('--depths <pairs>', 'conv:linear layer pairs (paper-depth), e.g. 0:1,0:3,2:3', depths)
    .option('--inline', 'run the trials in this process (debugging; no parallelism)')
    .option('--dry-run', 'print the trials and exit')
    .option('--json', 'print JSON lines instead of text')
    .option('--verbose', 'print every epoch of every trial')
    .action(async (preset: string | undefined, o: SweepCliOptions) => {
      if (o.list || preset === undefined) {
        process.stdout.write(listPresets());
        if (preset === undefined && !o.list)
          throw new UsageError('name a preset, e.g. analoop sweep paper-linear --quick');
        return;
      }
      if (o.quick && o.full) throw new UsageError('--quick and --full exclude each other');
      const size: SweepSize = o.full ? 'full' : 'quick';
      const expand: ExpandOptions = { size };
      if (o.seeds !== undefined) expand.seeds = o.seeds;
      if (o.dataset !== undefined) expand.dataset = absoluteDataset(o.dataset);
      if (o.epochs !== undefined) expand.epochs = o.epochs;
      if (o.batchSize !== undefined) expand.batchSize = o.batchSize;
      if (o.trainLimit !== undefined) expand.trainLimit = o.trainLimit;
      if (o.testLimit !== undefined) expand.testLimit = o.testLimit;
      if (o.factors) expand.factors = o.factors;
      if (o.scales) expand.scales = o.scales;
      if (o.eps) expand.eps = o.eps;
      if (o.ps) expand.ps = o.ps;
      if (o.depths) expand.depths = o.depths;
      let plan: SweepPlan;
      try {
        plan = expandPreset(preset, expand);
      } catch (err) {
        throw new UsageError((err as Error).message);
      }
      const out = o.out ?? `runs/sweeps/${plan.preset}-${size}`;
      const json = o.json ?? false;
      if (o.dryRun) {
        say(`${plan.preset} (${size}): ${axesSummary(plan)}; ${trainingNote(plan.base)}`);
        const w = Math.max(...plan.trials.map((t) => t.id.length));
        for (const t of plan.trials)
          say(`  ${t.id.padEnd(w)}  ${String(t.config.activation).padEnd(16)}  ${t.config.device}`);
        return;
      }
      const runner: TrialRunner = o.inline
        ? inlineRunner()
        : processRunner({ command: workerCommand() });
      const queue = new LocalPool({ runner, jobs: o.jobs });
      const header =
        `${plan.preset} (${size}): ${axesSummary(plan)}, ${trainingNote(plan.base)}; ` +
        `${o.inline ? 'in this process' : `${queue.jobs} jobs`}; sweep directory ${resolve(out)}`;
      if (json)
        say(
          JSON.stringify({
            event: 'sweep-start',
            preset: plan.preset,
            size,
            trials: plan.trials.length,
            jobs: queue.jobs,
            out: resolve(out),
          }),
        );
      else say(header);
      const interrupt = interruptSignal();
      try {
        const r = await runSweep(plan, {
          out,
          queue,
          signal: interrupt.signal,
          onEvent: reporter(json, o.verbose ?? false),
        });
        const failed = r.outcomes.filter((x) => x.status === 'failed');
        if (json)
          say(
            JSON.stringify({
              event: 'sweep-end',
              out: r.out,
              seconds: r.seconds,
              incomplete: r.incomplete,
              failed: failed.length,
              cells: r.table.cells,
              files: r.files,
            }),
          );
        else {
          const seeds =
            plan.seeds.length > 1
              ? `median over seeds 1..${plan.seeds.length}`
              : `seed ${plan.seeds[0]}`;
          say(
            `\nmax test accuracy (%), ${seeds}: ${plan.preset} (${size}), ${trainingNote(plan.base)}`,
          );
          process.stdout.write(formatPivot(r.table));
          say(`\nwrote ${r.files.map((f) => f.slice(r.out.length + 1)).join(', ')} in ${r.out}`);
          say(`wall time ${r.seconds.toFixed(1)} s`);
        }
        if (failed.length > 0)
          throw new Error(
            `${failed.length} of ${plan.trials.length} trials failed; the first: ${failed[0]!.status === 'failed' ? failed[0]!.error : ''}`,
          );
        if (r.incomplete)
          throw new Error(
            `interrupted with ${r.table.trials.filter((t) => t.status !== 'finished').length} trials unfinished; run the same command again to continue`,
          );
      } finally {
        interrupt.dispose();
      }
    });
  return cmd;
}
