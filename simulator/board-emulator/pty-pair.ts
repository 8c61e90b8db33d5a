import { spawn, type ChildProcess } from 'node:child_process';
import { lstat, readlink, rm, stat } from 'node:fs/promises';

/**
 * A connected pseudo-terminal pair made by socat: whatever is written to one end comes out of
 * the other, both ends are real ttys that serialport opens. `link` is the host's end (what
 * `serial:` opens), `link + ".board"` the emulator's.
 */
export interface PtyPair {
  hostPath: string;
  boardPath: string;
  /** Resolves when socat exits, with its exit code or signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Kills socat and removes both links. */
  close(): Promise<void>;
}

export class SocatMissingError extends Error {
  override name = 'SocatMissingError';
  constructor() {
    super(
      'socat is not installed; the board emulator needs it for its pseudo-terminal pair: run `apt-get install socat` (Debian/Ubuntu) or `brew install socat` (macOS)',
    );
  }
}

/** A link left behind by a killed emulator points to a vanished /dev/pts entry: remove it. */
async function clearStaleLink(path: string): Promise<void> {
  let isLink: boolean;
  try {
    isLink = (await lstat(path)).isSymbolicLink();
  } catch {
    return; // nothing there
  }
  if (!isLink) {
    throw new Error(`${path} exists and is not a symbolic link; choose another --link path`);
  }
  try {
    await stat(path);
  } catch {
    await rm(path, { force: true });
    return;
  }
  throw new Error(
    `${path} already points to a live terminal (${await readlink(path)}): another emulator may be serving it; stop it or choose another --link path`,
  );
}

/** Starts socat and resolves once both links exist and it is moving data. */
export async function openPtyPair(
  link: string,
  options: { timeoutMs?: number } = {},
): Promise<PtyPair> {
  const hostPath = link;
  const boardPath = `${link}.board`;
  await clearStaleLink(hostPath);
  await clearStaleLink(boardPath);
  const proc: ChildProcess = spawn(
    'socat',
    ['-d', '-d', `pty,raw,echo=0,link=${hostPath}`, `pty,raw,echo=0,link=${boardPath}`],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    proc.once('exit', (code, signal) => resolve({ code, signal }));
    proc.once('error', () => resolve({ code: null, signal: null }));
  });
  let stderr = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () =>
        fail(
          new Error(`socat did not start within ${options.timeoutMs ?? 5000} ms: ${stderr.trim()}`),
        ),
      options.timeoutMs ?? 5000,
    );
    let settled = false;
    const fail = (e: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      proc.kill('SIGKILL');
      reject(e);
    };
    proc.once('error', (e: NodeJS.ErrnoException) =>
      fail(e.code === 'ENOENT' ? new SocatMissingError() : e),
    );
    proc.once('exit', (code) =>
      fail(
        new Error(`socat exited (code ${code}) before the pty pair was ready: ${stderr.trim()}`),
      ),
    );
    proc.stderr!.setEncoding('utf8');
    proc.stderr!.on('data', (s: string) => {
      stderr = (stderr + s).slice(-4000);
      // socat -d -d logs this once both addresses are open.
      if (!settled && stderr.includes('starting data transfer loop')) {
        settled = true;
        clearTimeout(timer);
        resolve();
      }
    });
  });
  proc.stderr!.resume(); // keep draining its log
  let closing: Promise<void> | undefined;
  return {
    hostPath,
    boardPath,
    exited,
    close() {
      closing ??= (async () => {
        if (proc.exitCode === null && proc.signalCode === null) {
          proc.kill('SIGTERM');
          const t = setTimeout(() => proc.kill('SIGKILL'), 2000);
          await exited;
          clearTimeout(t);
        }
        await rm(hostPath, { force: true });
        await rm(boardPath, { force: true });
      })();
      return closing;
    },
  };
}
