import { Command } from 'commander';
import { join } from 'node:path';
import { compareActivations, formatCompareTable } from '../train/compare.js';
import { commaList, integer } from './parse.js';
import { progressReporter } from './progress.js';
import { interruptSignal } from './train.js';
import { addTrainingOptions, toTrainConfig, type TrainingCliOptions } from './train-options.js';

export function compareCommand(): Command {
  const cmd = new Command('compare').description(
    'Train the same model, data order, seed and noise stream with several activations and print a table of max test accuracy',
  );
  addTrainingOptions(cmd)
    .option('--activations <list>', 'comma-separated activation specs', commaList, [
      'relu',
      'gelu',
      'silu',
    ])
    .option('--seeds <n>', 'run seeds 1..n for each activation', integer(1, 1000), 1)
    .option('--out <dir>', 'directory for the runs and compare.json (default runs/compare-<time>)')
    .option(
      '--record',
      "log each run's hardware products to trace.jsonl in its run directory (replay one with --device replay:<run>/trace.jsonl)",
    )
    .action(
      async (
        o: TrainingCliOptions & {
          activations: string[];
          seeds: number;
          out?: string;
          record?: boolean;
        },
      ) => {
        const outDir =
          o.out ?? join('runs', `compare-${new Date().toISOString().replace(/[:.]/g, '-')}`);
        const base = toTrainConfig(o, 'relu', 1);
        const json = o.json ?? !process.stdout.isTTY;
        const interrupt = interruptSignal();
        let current: ReturnType<typeof progressReporter> | undefined;
        let currentLabel = '';
        try {
          const rows = await compareActivations(
            base,
            o.activations,
            Array.from({ length: o.seeds }, (_, i) => i + 1),
            {
              outDir,
              record: o.record ?? false,
              signal: interrupt.signal,
              onProgress: (label, e) => {
                if (label !== currentLabel) {
                  current?.stop();
                  current = progressReporter({ json, label });
                  currentLabel = label;
                }
                current?.update(e);
              },
            },
          );
          current?.stop();
          if (json) process.stdout.write(JSON.stringify({ event: 'compare', outDir, rows }) + '\n');
          process.stdout.write(
            `\n${o.model} on ${o.dataset}, device ${o.device}, ${o.epochs} epochs, seeds 1..${o.seeds}\n` +
              formatCompareTable(rows) +
              `runs and compare.json in ${outDir}\n`,
          );
        } finally {
          current?.stop();
          interrupt.dispose();
        }
      },
    );
  return cmd;
}
