/**
 * The seam between experiments and the machinery that runs them. Experiments expand presets into
 * placed trials and read results back from run directories; a queue only has to run trials and
 * say how each ended. The local pool implements it with child processes; a distributed engine can
 * replace it without touching presets, sweeps or collection.
 */
import type { EpochMetrics } from '../train/metrics.js';
import type { RunTrialResult } from './run-trial.js';
import type { PlacedTrial, TrialEvent, TrialOutcome } from './trial.js';

export interface SubmitOptions {
  /** Aborting stops launching trials and interrupts running ones (they stay resumable). */
  signal?: AbortSignal;
  onEvent?: (event: TrialEvent) => void;
}

export interface TrialQueue {
  /**
   * Runs the trials, yielding one outcome per trial as it settles (completion order). A trial
   * whose run directory already holds a finished run is never re-run ('cached'); an interrupted
   * one continues from its checkpoint. Trials not started before an abort yield nothing.
   */
  submit(trials: readonly PlacedTrial[], options?: SubmitOptions): AsyncIterable<TrialOutcome>;
}

/** How a local pool executes one trial: in this process, in a child process, ... */
export type TrialRunner = (
  trial: PlacedTrial,
  context: {
    signal: AbortSignal;
    onStart: (resumed: boolean) => void;
    onEpoch: (metrics: EpochMetrics) => void;
  },
) => Promise<RunTrialResult>;
