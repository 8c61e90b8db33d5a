import { Command } from 'commander';
import { join } from 'node:path';
import { RunDir } from '../train/run-dir.js';
import { train } from '../train/trainer.js';
import type { TrainConfig } from '../train/config.js';
import { UsageError } from './errors.js';
import { integer, positiveNumber } from './parse.js';
import { progressReporter } from './progress.js';
import { addTrainingOptions, toTrainConfig, type TrainingCliOptions } from './train-options.js';

/** Aborts on the first Ctrl-C (the run stops between batches); a second one exits at once. */
export function interruptSignal(): { signal: AbortSignal; dispose(): void } {
  const ctl = new AbortController();
  const onSigint = () => {
    if (ctl.signal.aborted) process.exit(130);
    process.stderr.write('\nanaloop: stopping after this batch (Ctrl-C again to quit now)\n');
    ctl.abort();
  };
  process.on('SIGINT', onSigint);
  return { signal: ctl.signal, dispose: () => process.off('SIGINT', onSigint) };
}

function defaultRunDir(model: string, activation: string): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return join('runs', `${stamp}-${model}-${activation.replace(/[^\w.-]+/g, '_')}`);
}

export function trainCommand(): Command {
  const cmd = new Command('train').description(
    'Train a model with its forward products on a device; writes manifest.json, metrics.jsonl and checkpoint.json to the run directory',
  );
  addTrainingOptions(cmd)
    .option(
      '--activation <spec>',
      "relu, leaky-relu:a, gelu[:s], silu, relu-gelu:i[:s], relu-silu:i, suffix @0=0|1 for R'(0)",
      'relu',
    )
    .option('--seed <n>', 'run seed (data order, init, noise)', integer(0, 0xffffffff), 1)
    .option('--out <dir>', 'run directory (default runs/<time>-<model>-<activation>)')
    .option(
      '--resume <dir>',
      'continue the run in <dir> from its last checkpoint (only --epochs may change)',
    )
    .option(
      '--record <trace.jsonl>',
      'log every hardware product (inputs, outputs, tile, time, device info) to a trace; re-run it with --device replay:<trace.jsonl>',
    )
    .option(
      '--monitor <profile.json>',
      "warn when the device's products drift away from this calibration profile (suggests recalibrating)",
    )
    .option(
      '--monitor-fraction <f>',
      'fraction of products the monitor compares',
      positiveNumber,
      0.02,
    )
    .option(
      '--monitor-window <n>',
      'sampled products per channel the monitor averages over (800 catches noise off by 1.5x; see docs/calibration.md)',
      integer(1),
      200,
    )
    .action(
      async (
        o: TrainingCliOptions & {
          monitor?: string;
          monitorFraction: number;
          monitorWindow: number;
          activation: string;
          seed: number;
          out?: string;
          resume?: string;
          record?: string;
        },
      ) => {
        let config: TrainConfig | ReturnType<typeof toTrainConfig>;
        let runDir: string;
        if (o.resume) {
          const given = cmd.options
            .map((opt) => opt.attributeName())
            .filter(
              (name) =>
                cmd.getOptionValueSource(name) === 'cli' &&
                ![
                  'resume',
                  'epochs',
                  'json',
                  'record',
                  'monitor',
                  'monitorFraction',
                  'monitorWindow',
                  'threads',
                ].includes(name),
            );
          if (given.length) {
            throw new UsageError(
              `with --resume the configuration comes from ${o.resume}/manifest.json; drop ${given.map((g) => `--${g.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`).join(', ')} (only --epochs may change)`,
            );
          }
          const manifest = await new RunDir(o.resume).readManifest();
          config = manifest.config as TrainConfig;
          if (cmd.getOptionValueSource('epochs') === 'cli')
            config = { ...config, epochs: o.epochs };
          runDir = o.resume;
        } else {
          config = toTrainConfig(o, o.activation, o.seed);
          runDir = o.out ?? defaultRunDir(o.model, o.activation);
        }
        const progress = progressReporter({ json: o.json ?? !process.stdout.isTTY });
        const interrupt = interruptSignal();
        try {
          const result = await train(config, {
            runDir,
            resume: Boolean(o.resume),
            ...(o.record ? { recordTrace: o.record } : {}),
            ...(o.monitor
              ? {
                  monitor: {
                    profile: o.monitor,
                    fraction: o.monitorFraction,
                    window: o.monitorWindow,
                  },
                }
              : {}),
            onProgress: (e) => progress.update(e),
            signal: interrupt.signal,
          });
          progress.stop();
          const s = result.summary;
          if (o.json ?? !process.stdout.isTTY) {
            process.stdout.write(JSON.stringify({ ...s, runDir }) + '\n');
          } else {
            process.stdout.write(
              `max test accuracy ${(s.maxTestAccuracy * 100).toFixed(2)}% (epoch ${s.bestEpoch}), final train loss ${s.finalTrainLoss.toFixed(4)}\n` +
                (s.stoppedEarly ? `stopped early: ${s.stoppedEarly}\n` : '') +
                `run directory: ${runDir}\n`,
            );
          }
        } finally {
          progress.stop();
          interrupt.dispose();
        }
      },
    );
  return cmd;
}
