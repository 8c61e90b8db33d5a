/**
 * The local TrialQueue: up to `jobs` trials at once, each through a TrialRunner (by default a
 * child process per trial, so trials use separate cores). Finished trials are answered from their
 * run directories without launching anything.
 */
import { availableParallelism } from 'node:os';
import type { SubmitOptions, TrialQueue, TrialRunner } from './queue.js';
import { TrialInterrupted } from './trial-errors.js';
import { prepareTrialDir, trialState } from './trial-dir.js';
import type { PlacedTrial, TrialOutcome } from './trial.js';

export interface LocalPoolOptions {
  runner: TrialRunner;
  /** Trials at once; default the number of cores. */
  jobs?: number;
}

export class LocalPool implements TrialQueue {
  readonly jobs: number;
  private readonly runner: TrialRunner;

  constructor(options: LocalPoolOptions) {
    const jobs = options.jobs ?? availableParallelism();
    if (!Number.isInteger(jobs) || jobs < 1)
      throw new RangeError(`LocalPool: jobs must be a positive integer, got ${jobs}`);
    this.jobs = jobs;
    this.runner = options.runner;
  }

  async *submit(
    trials: readonly PlacedTrial[],
    options: SubmitOptions = {},
  ): AsyncIterable<TrialOutcome> {
    const ids = new Set<string>();
    for (const t of trials) {
      if (ids.has(t.runDir)) throw new RangeError(`two trials share the run directory ${t.runDir}`);
      ids.add(t.runDir);
    }
    const outer = options.signal;
    const ctl = new AbortController();
    const onAbort = () => ctl.abort();
    outer?.addEventListener('abort', onAbort, { once: true });
    if (outer?.aborted) ctl.abort();

    const pending = [...trials];
    const running = new Map<PlacedTrial, Promise<TrialOutcome>>();
    const settled: TrialOutcome[] = [];
    let wake: (() => void) | undefined;

    const launch = (trial: PlacedTrial): void => {
      const t0 = performance.now();
      const seconds = () => (performance.now() - t0) / 1000;
      const p = this.execute(trial, ctl.signal, options)
        .then(
          (r): TrialOutcome => ({ ...r, trial, seconds: seconds() }),
          (err: unknown): TrialOutcome =>
            err instanceof TrialInterrupted || ctl.signal.aborted
              ? { status: 'interrupted', trial, seconds: seconds() }
              : {
                  status: 'failed',
                  trial,
                  error: err instanceof Error ? err.message : String(err),
                  seconds: seconds(),
                },
        )
        .then((outcome) => {
          running.delete(trial);
          settled.push(outcome);
          wake?.();
          return outcome;
        });
      running.set(trial, p);
    };

    try {
      for (;;) {
        while (!ctl.signal.aborted && running.size < this.jobs && pending.length > 0)
          launch(pending.shift()!);
        while (settled.length > 0) yield settled.shift()!;
        if (running.size === 0 && (pending.length === 0 || ctl.signal.aborted)) break;
        await new Promise<void>((resolve) => {
          wake = resolve;
          if (settled.length > 0) resolve();
        });
        wake = undefined;
      }
    } finally {
      // A consumer that stops early still must not leave trials running unattended.
      if (running.size > 0) {
        ctl.abort();
        await Promise.allSettled(running.values());
      }
      outer?.removeEventListener('abort', onAbort);
    }
  }

  private async execute(
    trial: PlacedTrial,
    signal: AbortSignal,
    options: SubmitOptions,
  ): Promise<Omit<Extract<TrialOutcome, { status: 'finished' | 'cached' }>, 'trial' | 'seconds'>> {
    await prepareTrialDir(trial);
    const state = await trialState(trial.runDir);
    if (state.state === 'finished')
      return { status: 'cached', summary: state.summary, resumed: false };
    const r = await this.runner(trial, {
      signal,
      onStart: (resumed) => options.onEvent?.({ type: 'start', trial, resumed }),
      onEpoch: (metrics) => options.onEvent?.({ type: 'epoch', trial, metrics }),
    });
    return { status: r.status, summary: r.summary, resumed: r.resumed };
  }
}
