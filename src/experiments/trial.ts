/**
 * A trial is one training run of a sweep: one resolved `train()` configuration plus the sweep
 * cell it stands for. Trials are plain JSON, so any engine (the local pool here, a distributed
 * one later) can ship them to a worker and the run directory can keep a copy (trial.json).
 */
import type { TrainConfigInput } from '../train/config.js';
import type { EpochMetrics, RunSummary } from '../train/metrics.js';

/** A value along one sweep axis (i, ep, p, s, convLayers, ...). */
export type CellValue = number | string;

export interface Trial {
  /** Unique within its sweep and filesystem-safe: the name of its run directory. */
  id: string;
  /** The axis values this trial stands for, seed included (e.g. { i: 0.5, ep: 0.2, p: 16, seed: 1 }). */
  cell: Record<string, CellValue>;
  /** Passed to train() unchanged; its seed and device URI are the trial's. */
  config: TrainConfigInput;
}

/** A trial with the run directory it writes to (chosen by the sweep, not the queue). */
export interface PlacedTrial extends Trial {
  runDir: string;
}

/** What a queue reports while trials run. */
export type TrialEvent =
  | { type: 'start'; trial: PlacedTrial; resumed: boolean }
  | { type: 'epoch'; trial: PlacedTrial; metrics: EpochMetrics };

/** How one submitted trial ended. */
export type TrialOutcome =
  /** Trained to its end now ('finished') or earlier ('cached': never re-run). */
  | {
      status: 'finished' | 'cached';
      trial: PlacedTrial;
      summary: RunSummary;
      resumed: boolean;
      seconds: number;
    }
  /** Stopped by the caller's signal; its last finished epoch is resumable. */
  | { status: 'interrupted'; trial: PlacedTrial; seconds: number }
  | { status: 'failed'; trial: PlacedTrial; error: string; seconds: number };
