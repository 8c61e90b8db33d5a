import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  LocalPool,
  TrialInterrupted,
  processRunner,
  singleThreadEnv,
  type PlacedTrial,
  type TrialOutcome,
  type TrialRunner,
} from '../../src/experiments/index.js';

const FAKE_WORKER = fileURLToPath(new URL('./fake-worker.mjs', import.meta.url));

function trials(dir: string, n: number, extra: Record<string, unknown> = {}): PlacedTrial[] {
  return Array.from({ length: n }, (_, k) => ({
    id: `t${k}`,
    cell: { i: k / 10, seed: 1 },
    config: { model: 'linear', epochs: 1, ...extra },
    runDir: join(dir, `t${k}`),
  }));
}

const END = (acc: number) =>
  JSON.stringify({
    event: 'end',
    epochs: 1,
    maxTestAccuracy: acc,
    bestEpoch: 1,
    finalTrainLoss: 1,
    finalTestLoss: 1,
    stoppedEarly: null,
  }) + '\n';

/** A runner that sleeps, counts how many run at once, and writes a finished run. */
function fakeRunner(log: { calls: string[]; active: number; peak: number }): TrialRunner {
  return async (trial, ctx) => {
    log.calls.push(trial.id);
    log.active++;
    log.peak = Math.max(log.peak, log.active);
    ctx.onStart(false);
    try {
      await new Promise((r) => setTimeout(r, 30));
      if (ctx.signal.aborted) throw new TrialInterrupted('aborted');
      await writeFile(join(trial.runDir, 'metrics.jsonl'), END(0.5));
      const summary = JSON.parse(END(0.5));
      return { summary, status: 'finished', resumed: false };
    } finally {
      log.active--;
    }
  };
}

async function drain(it: AsyncIterable<TrialOutcome>): Promise<TrialOutcome[]> {
  const out: TrialOutcome[] = [];
  for await (const o of it) out.push(o);
  return out;
}

describe('LocalPool', () => {
  it('runs up to `jobs` trials at once and yields one outcome per trial', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'analoop-pool-'));
    const log = { calls: [] as string[], active: 0, peak: 0 };
    const pool = new LocalPool({ runner: fakeRunner(log), jobs: 3 });
    const out = await drain(pool.submit(trials(dir, 7)));
    expect(out).toHaveLength(7);
    expect(out.every((o) => o.status === 'finished')).toBe(true);
    expect(log.peak).toBe(3);
    expect(log.calls.sort()).toEqual(['t0', 't1', 't2', 't3', 't4', 't5', 't6']);
    // Each run directory records its trial.
    const rec = JSON.parse(await readFile(join(dir, 't3', 'trial.json'), 'utf8'));
    expect(rec).toMatchObject({ format: 'analoop-trial/1', id: 't3', cell: { i: 0.3 } });
  });

  it('never re-runs a finished trial', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'analoop-pool-'));
    const log = { calls: [] as string[], active: 0, peak: 0 };
    const pool = new LocalPool({ runner: fakeRunner(log), jobs: 2 });
    const ts = trials(dir, 3);
    await mkdir(ts[1]!.runDir, { recursive: true });
    await writeFile(join(ts[1]!.runDir, 'metrics.jsonl'), '{"event":"start"}\n' + END(0.9));
    const first = await drain(pool.submit(ts));
    expect(log.calls.sort()).toEqual(['t0', 't2']);
    const cached = first.find((o) => o.trial.id === 't1')!;
    expect(cached.status).toBe('cached');
    expect(cached.status === 'cached' && cached.summary.maxTestAccuracy).toBe(0.9);
    // A second submission of the same trials runs nothing.
    const again = await drain(pool.submit(ts));
    expect(log.calls).toHaveLength(2);
    expect(again.map((o) => o.status)).toEqual(['cached', 'cached', 'cached']);
  });

  it('refuses a run directory that holds a trial with other settings', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'analoop-pool-'));
    const log = { calls: [] as string[], active: 0, peak: 0 };
    const pool = new LocalPool({ runner: fakeRunner(log), jobs: 1 });
    await drain(pool.submit(trials(dir, 1)));
    const out = await drain(pool.submit(trials(dir, 1, { epochs: 5 })));
    expect(out[0]!.status).toBe('failed');
    expect(out[0]!.status === 'failed' && out[0]!.error).toMatch(/epochs: 1 there, 5 now/);
  });

  it('an abort interrupts running trials and starts no more', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'analoop-pool-'));
    const log = { calls: [] as string[], active: 0, peak: 0 };
    const pool = new LocalPool({ runner: fakeRunner(log), jobs: 2 });
    const ctl = new AbortController();
    setTimeout(() => ctl.abort(), 10);
    const out = await drain(pool.submit(trials(dir, 6), { signal: ctl.signal }));
    expect(out.map((o) => o.status)).toEqual(['interrupted', 'interrupted']);
    expect(log.calls).toHaveLength(2);
  });
});

describe('processRunner', () => {
  it('runs each trial in its own single-threaded process, in parallel', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'analoop-proc-'));
    const runner = processRunner({
      command: [process.execPath, FAKE_WORKER],
      env: singleThreadEnv({ PATH: process.env.PATH }),
    });
    const pool = new LocalPool({ runner, jobs: 2 });
    const ts = trials(dir, 2, { epochs: 10 }); // 400 ms each
    const epochs: string[] = [];
    const out = await drain(
      pool.submit(ts, { onEvent: (e) => e.type === 'epoch' && epochs.push(e.trial.id) }),
    );
    expect(out.map((o) => o.status)).toEqual(['finished', 'finished']);
    expect(epochs.sort()).toEqual(['t0', 't1']);
    const a = JSON.parse(await readFile(join(ts[0]!.runDir, 'fake.json'), 'utf8'));
    const b = JSON.parse(await readFile(join(ts[1]!.runDir, 'fake.json'), 'utf8'));
    expect(a.blas).toBe('1');
    expect(a.omp).toBe('1');
    // The two processes overlapped in time.
    expect(Math.max(a.start, b.start)).toBeLessThan(Math.min(a.end, b.end));
    const cached = await drain(pool.submit(ts));
    expect(cached.map((o) => o.status)).toEqual(['cached', 'cached']);
  });

  it("a failing worker's message reaches the outcome; an abort interrupts workers", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'analoop-proc-'));
    const runner = processRunner({ command: [process.execPath, FAKE_WORKER] });
    const pool = new LocalPool({ runner, jobs: 2 });
    const [failed] = await drain(pool.submit(trials(join(dir, 'f'), 1, { lr: 0.5 })));
    expect(failed!.status).toBe('failed');
    expect(failed!.status === 'failed' && failed!.error).toMatch(/failed on purpose/);

    const ctl = new AbortController();
    setTimeout(() => ctl.abort(), 150);
    const out = await drain(
      pool.submit(trials(join(dir, 'a'), 3, { epochs: 100 }), { signal: ctl.signal }),
    );
    expect(out.map((o) => o.status)).toEqual(['interrupted', 'interrupted']);
    expect(existsSync(join(dir, 'a', 't2'))).toBe(false);
  });
});
