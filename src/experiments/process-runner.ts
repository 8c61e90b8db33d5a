/**
 * Runs each trial in a child process: `<command...> <runDir>`, normally
 * `node dist/bin/analoop.js sweep-trial <runDir>`, so the child wires up device schemes exactly
 * as the CLI does. The child reads trial.json from the run directory and speaks JSON lines on
 * stdout (WORKER_PROTOCOL). Children are single-threaded: one trial per core is the unit of
 * parallelism, and BLAS threads on top of that would only fight over the same cores.
 */
import { spawn } from 'node:child_process';
import type { RunSummary } from '../train/metrics.js';
import type { TrialRunner } from './queue.js';
import { TrialFailed, TrialInterrupted } from './trial-errors.js';

/** The lines a worker prints, one JSON object each; anything else on stdout is ignored. */
export type WorkerMessage =
  | { event: 'trial-start'; resumed: boolean }
  | { event: 'epoch'; [key: string]: unknown }
  | { event: 'trial-end'; status: 'finished' | 'cached'; resumed: boolean; summary: RunSummary }
  | { event: 'trial-interrupted'; message: string }
  | { event: 'trial-error'; message: string };

/** Environment of a trial process: the parent's, with every BLAS and OpenMP pool at one thread. */
export function singleThreadEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return {
    ...base,
    OPENBLAS_NUM_THREADS: '1',
    OMP_NUM_THREADS: '1',
    ANALOOP_BLAS_THREADS: '1',
  };
}

export interface ProcessRunnerOptions {
  /** argv of the worker without the run directory, e.g. [node, 'dist/bin/analoop.js', 'sweep-trial']. */
  command: readonly string[];
  env?: NodeJS.ProcessEnv;
  /** After an abort, how long a worker may take to finish its batch before it is killed. */
  graceMs?: number;
}

const STDERR_KEEP = 4000;

export function processRunner(options: ProcessRunnerOptions): TrialRunner {
  const [exe, ...args] = options.command;
  if (!exe) throw new RangeError('processRunner: empty worker command');
  const env = options.env ?? singleThreadEnv();
  const graceMs = options.graceMs ?? 30_000;
  return (trial, ctx) =>
    new Promise((resolve, reject) => {
      if (ctx.signal.aborted) return reject(new TrialInterrupted('not started: aborted'));
      const child = spawn(exe, [...args, trial.runDir], {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let end: Extract<WorkerMessage, { event: 'trial-end' }> | undefined;
      let failure: string | undefined;
      let interrupted = false;
      let stderr = '';
      let buffer = '';
      const onLine = (line: string) => {
        if (!line.startsWith('{')) return;
        let msg: WorkerMessage;
        try {
          msg = JSON.parse(line) as WorkerMessage;
        } catch {
          return;
        }
        switch (msg.event) {
          case 'trial-start':
            ctx.onStart(msg.resumed);
            break;
          case 'epoch':
            ctx.onEpoch(msg as never);
            break;
          case 'trial-end':
            end = msg;
            break;
          case 'trial-interrupted':
            interrupted = true;
            break;
          case 'trial-error':
            failure = msg.message;
            break;
        }
      };
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        buffer += chunk;
        let nl: number;
        while ((nl = buffer.indexOf('\n')) >= 0) {
          onLine(buffer.slice(0, nl));
          buffer = buffer.slice(nl + 1);
        }
      });
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        stderr = (stderr + chunk).slice(-STDERR_KEEP);
      });
      let killTimer: NodeJS.Timeout | undefined;
      const onAbort = () => {
        child.kill('SIGTERM');
        killTimer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        killTimer.unref();
      };
      ctx.signal.addEventListener('abort', onAbort, { once: true });
      child.on('error', (err) => {
        ctx.signal.removeEventListener('abort', onAbort);
        reject(new TrialFailed(`cannot start the trial worker ${exe}: ${err.message}`));
      });
      child.on('close', (code, sig) => {
        ctx.signal.removeEventListener('abort', onAbort);
        if (killTimer) clearTimeout(killTimer);
        if (buffer) onLine(buffer);
        if (end && code === 0) return resolve(end);
        if (interrupted || ctx.signal.aborted)
          return reject(new TrialInterrupted(`trial ${trial.id} interrupted`));
        const detail =
          failure ?? (stderr.trim().split('\n').slice(-5).join('\n') || 'no error message');
        reject(
          new TrialFailed(
            `trial ${trial.id}: worker exited with ${sig ? `signal ${sig}` : `code ${code}`}: ${detail}`,
          ),
        );
      });
    });
}
