/**
 * Runs trials inside this process. Trials on one thread interleave rather than run in parallel,
 * so this is for debugging (a failing trial keeps its stack trace) and for tests; sweeps use the
 * process runner.
 */
import { TrainingInterrupted } from '../train/trainer.js';
import type { TrialRunner } from './queue.js';
import { runTrial, type RunTrialOptions } from './run-trial.js';
import { TrialInterrupted } from './trial-errors.js';

export function inlineRunner(options: Pick<RunTrialOptions, 'openDevice'> = {}): TrialRunner {
  return async (trial, ctx) => {
    try {
      return await runTrial(trial, {
        ...options,
        signal: ctx.signal,
        onStart: ctx.onStart,
        onEpoch: ctx.onEpoch,
      });
    } catch (err) {
      if (err instanceof TrainingInterrupted) throw new TrialInterrupted(err.message);
      throw err;
    }
  };
}
