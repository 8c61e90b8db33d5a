import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerSerialDriver } from '../../../drivers/serial/register.js';
import { makeSynthetic } from '../../../src/data/index.js';
import { modelParams } from '../../../src/nn/model.js';
import type { TrainConfigInput } from '../../../src/train/config.js';
import { train, type TrainResult } from '../../../src/train/trainer.js';
import { registerSimulator } from '../../../simulator/register.js';

/**
 * `analoop emulate` in ANOTHER PROCESS, the way a user runs it next to `analoop train`: the host
 * talks to it only through the pty, so nothing (event loop, timers, module state) is shared.
 *
 * The child runs bin/analoop.ts from the TypeScript sources, not dist/ (which may be stale or
 * missing under `npm test`). vitest 4 no longer ships vite-node, but the vite it runs on exports
 * runnerImport(), the same module runner and transform vitest uses for these tests, so the
 * child executes exactly the code under test. It starts in a few seconds.
 */
const hasSocat = !spawnSync('socat', ['-V'], { stdio: 'ignore' }).error;
if (!hasSocat)
  console.warn(
    'skipping the emulator-in-another-process test: socat is not installed (apt-get install socat)',
  );

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const ENTRY = join(ROOT, 'bin', 'analoop.ts');
/** argv[1..] = entry, CLI args; commander expects [node, script, ...args]. Resolves vite from cwd. */
const RUNNER = [
  'const [entry, ...rest] = process.argv.slice(1);',
  'process.argv = [process.argv[0], entry, ...rest];',
  "const { runnerImport } = await import('vite');",
  "await runnerImport(entry, { logLevel: 'error' });",
].join('\n');

const data = makeSynthetic({ n: 64, testN: 32, shape: [1, 4, 4], classes: 3 });
const config = (device: string): TrainConfigInput => ({
  model: 'mlp',
  modelOptions: { hidden: [10] },
  dataset: 'synthetic',
  device,
  activation: 'relu',
  epochs: 1,
  batchSize: 16,
  seed: 5,
});

const metrics = (r: TrainResult) => r.history.map(({ seconds: _, ...m }) => m);
const weights = (r: TrainResult) =>
  modelParams(r.model).map((p) =>
    Buffer.from(p.value.buffer, p.value.byteOffset, p.value.byteLength).toString('hex'),
  );

interface Child {
  proc: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function spawnEmulator(link: string): Child {
  const proc = spawn(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      RUNNER,
      ENTRY,
      'emulate',
      '--profile',
      'paper:p=16,ep=0.5',
      '--link',
      link,
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  proc.stdout!.setEncoding('utf8').on('data', (s: string) => (out += s));
  proc.stderr!.setEncoding('utf8').on('data', (s: string) => (err += s));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { proc, stdout: () => out, stderr: () => err, exited };
}

/** Resolves once the child printed where to connect; rejects if it exits or takes too long. */
async function ready(child: Child, timeoutMs: number): Promise<void> {
  const start = Date.now();
  let gone = false;
  void child.exited.then(() => (gone = true));
  while (!child.stdout().includes('connect with:')) {
    if (gone) throw new Error(`the emulator exited before serving:\n${child.stderr()}`);
    if (Date.now() - start > timeoutMs)
      throw new Error(`the emulator did not start within ${timeoutMs} ms:\n${child.stderr()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.skipIf(!hasSocat)('analoop emulate in another process', () => {
  let child: Child | undefined;
  let dir: string | undefined;

  beforeAll(() => {
    registerSerialDriver();
    registerSimulator();
  });

  afterAll(async () => {
    // A failed assertion must not leave the child running: SIGINT lets it stop its socat and
    // remove its links; SIGKILL only if it does not.
    if (child && child.proc.exitCode === null && child.proc.signalCode === null) {
      child.proc.kill('SIGINT');
      const t = setTimeout(() => child?.proc.kill('SIGKILL'), 5000);
      await child.exited;
      clearTimeout(t);
    }
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('trains an epoch over the pty bit for bit like the in-process simulator, then stops on SIGINT', async () => {
    dir = await mkdtemp(join(tmpdir(), 'emu-proc-'));
    const link = join(dir, 'board.tty');
    child = spawnEmulator(link);
    await ready(child, 60_000);
    expect(child.stdout()).toContain(`connect with: analoop train --device serial:${link}`);
    expect(existsSync(link) && existsSync(`${link}.board`)).toBe(true);

    const overSerial = await train(config(`serial:${link}`), { data });
    const inProcess = await train(config('sim:paper?p=16&ep=0.5'), { data });
    expect(overSerial.history).toHaveLength(1);
    expect(Number.isFinite(overSerial.history[0]!.trainLoss)).toBe(true);
    expect(metrics(overSerial)).toEqual(metrics(inProcess));
    expect(weights(overSerial)).toEqual(weights(inProcess));

    child.proc.kill('SIGINT');
    expect(await child.exited).toEqual({ code: 0, signal: null });
    expect(child.stderr()).toMatch(/SIGINT: stopping/);
    expect(existsSync(link) || existsSync(`${link}.board`)).toBe(false);
  }, 180_000);
});
