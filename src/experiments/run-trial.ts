/**
 * The body of every trial worker, whichever process it runs in: train the trial's configuration
 * into its run directory, resuming from the checkpoint when an earlier attempt was interrupted,
 * and never training a finished one again.
 */
import type { DataSplit } from '../data/index.js';
import type { Device } from '../device/device.js';
import type { EpochMetrics, RunSummary } from '../train/metrics.js';
import { train } from '../train/trainer.js';
import { clearUnstartedRun, prepareTrialDir, trialState } from './trial-dir.js';
import type { PlacedTrial } from './trial.js';

export interface RunTrialOptions {
  signal?: AbortSignal;
  onEpoch?: (metrics: EpochMetrics) => void;
  /** Called once training (re)starts; not called for a finished trial. */
  onStart?: (resumed: boolean) => void;
  /** Pre-loaded data shared between in-process trials. */
  data?: DataSplit;
  openDevice?: (uri: string) => Promise<Device>;
}

export interface RunTrialResult {
  summary: RunSummary;
  /** 'cached': the run directory already held a finished run. */
  status: 'finished' | 'cached';
  resumed: boolean;
}

export async function runTrial(
  trial: PlacedTrial,
  opts: RunTrialOptions = {},
): Promise<RunTrialResult> {
  await prepareTrialDir(trial);
  const state = await trialState(trial.runDir);
  if (state.state === 'finished')
    return { summary: state.summary, status: 'cached', resumed: false };
  const resume = state.state === 'resumable';
  if (!resume) await clearUnstartedRun(trial.runDir);
  opts.onStart?.(resume);
  const result = await train(trial.config, {
    runDir: trial.runDir,
    resume,
    ...(opts.data ? { data: opts.data } : {}),
    ...(opts.openDevice ? { openDevice: opts.openDevice } : {}),
    ...(opts.signal ? { signal: opts.signal } : {}),
    onProgress: (e) => {
      if (e.event === 'epoch') opts.onEpoch?.(e);
    },
  });
  return { summary: result.summary, status: 'finished', resumed: resume };
}
