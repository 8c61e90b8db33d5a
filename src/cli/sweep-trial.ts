/**
 * `analoop sweep-trial <runDir>` (hidden): the worker a sweep's local pool starts for one trial.
 * It enters through the CLI so the child has the same device schemes registered as the parent,
 * reads <runDir>/trial.json, trains (or resumes) and speaks the JSON-lines protocol of
 * experiments/process-runner.ts on stdout.
 */
import { Command } from 'commander';
import { resolve } from 'node:path';
import { readTrialFile } from '../experiments/trial-dir.js';
import { runTrial } from '../experiments/run-trial.js';
import type { WorkerMessage } from '../experiments/process-runner.js';
import { TrainingInterrupted } from '../train/trainer.js';
import { UsageError } from './errors.js';

function send(msg: WorkerMessage | Record<string, unknown>): void {
  process.stdout.write(JSON.stringify(msg) + '\n');
}

/** SIGINT (the terminal's Ctrl-C reaches every child) or SIGTERM (the pool) stop after the batch. */
function stopSignal(): { signal: AbortSignal; dispose(): void } {
  const ctl = new AbortController();
  const stop = () => ctl.abort();
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return {
    signal: ctl.signal,
    dispose: () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    },
  };
}

export function sweepTrialCommand(): Command {
  return new Command('sweep-trial')
    .description('run one sweep trial from <runDir>/trial.json (started by analoop sweep)')
    .argument('<runDir>', 'the trial run directory')
    .action(async (dir: string) => {
      const runDir = resolve(dir);
      const trial = await readTrialFile(runDir);
      if (!trial) throw new UsageError(`${runDir} has no trial.json: not a sweep trial directory`);
      const stop = stopSignal();
      try {
        const r = await runTrial(
          { ...trial, runDir },
          {
            signal: stop.signal,
            onStart: (resumed) => send({ event: 'trial-start', resumed }),
            onEpoch: (m) => send(m as unknown as Record<string, unknown>),
          },
        );
        send({ event: 'trial-end', status: r.status, resumed: r.resumed, summary: r.summary });
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        send(
          err instanceof TrainingInterrupted
            ? { event: 'trial-interrupted', message }
            : { event: 'trial-error', message },
        );
        throw err;
      } finally {
        stop.dispose();
      }
    });
}
