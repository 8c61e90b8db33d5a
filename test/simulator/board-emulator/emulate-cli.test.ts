import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SerialPort } from 'serialport';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeEnvelope, encodeEnvelope } from '../../../drivers/serial/codec.js';
import { encodeFrame, FrameDecoder } from '../../../drivers/serial/framing.js';
import { connectUri, emulateCommand, resolveProfileSpec } from '../../../src/cli/emulate.js';
import { openPtyPair, SocatMissingError } from '../../../simulator/board-emulator/pty-pair.js';
import { registerBoardEmulator } from '../../../simulator/board-emulator/register.js';

const hasSocat = !spawnSync('socat', ['-V'], { stdio: 'ignore' }).error;
if (!hasSocat)
  console.warn(
    'skipping the `analoop emulate` run: socat is not installed (apt-get install socat)',
  );

afterEach(() => vi.restoreAllMocks());

describe('analoop emulate', () => {
  it('reads paper:<key=value,...> and names a bad key with the valid form', async () => {
    const p = await resolveProfileSpec('paper:p=16,ep=0.5,rows=8,cols=4,maxBatch=2,seed=3');
    expect([p.array.rows, p.array.cols, p.array.maxBatch, p.seed]).toEqual([8, 4, 2, 3]);
    expect(p.dac.precision).toBe(16);
    await expect(resolveProfileSpec('paper:p=16,eps=0.5')).rejects.toThrow(
      /"eps=0.5" is not one of p, ep, model/,
    );
    await expect(resolveProfileSpec('paper:p=16')).rejects.toThrow(/give p and ep/);
    await expect(resolveProfileSpec('paper:p=x,ep=0')).rejects.toThrow(/p=x is not a number/);
    await expect(resolveProfileSpec('/nonexistent.json')).rejects.toThrow(/cannot read/);
    expect(connectUri('./board.tty', 921600)).toBe('serial:./board.tty?baud=921600');
  });

  it('says to install socat when it is missing', async () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      const dir = await mkdtemp(join(tmpdir(), 'emu-'));
      await expect(openPtyPair(join(dir, 'b.tty'))).rejects.toThrow(SocatMissingError);
      await expect(openPtyPair(join(dir, 'b.tty'))).rejects.toThrow(/apt-get install socat/);
    } finally {
      process.env.PATH = path;
    }
  });

  it.skipIf(!hasSocat)(
    'serves until SIGINT, prints where to connect, and removes its links',
    async () => {
      registerBoardEmulator();
      const dir = await mkdtemp(join(tmpdir(), 'emu-'));
      const link = join(dir, 'board.tty');
      const out: string[] = [];
      const err: string[] = [];
      vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
      vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
      const run = emulateCommand().parseAsync(
        [
          '--profile',
          'paper:p=16,ep=0.5,rows=4,cols=4,maxBatch=4',
          '--link',
          link,
          '--baud',
          '921600',
          '--faults',
          'seed=1',
        ],
        { from: 'user' },
      );
      for (let i = 0; i < 100 && out.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(out.join('')).toMatch(
        new RegExp(
          `connect with: analoop train --device serial:${link.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\?baud=921600\\n$`,
        ),
      );
      expect(existsSync(link) && existsSync(`${link}.board`)).toBe(true);

      const port = new SerialPort({ path: link, baudRate: 921600, autoOpen: false });
      await new Promise<void>((res, rej) => port.open((e) => (e ? rej(e) : res())));
      const decoder = new FrameDecoder();
      const reply = new Promise<string>((resolve) =>
        port.on('data', (c: Buffer) => {
          for (const p of decoder.push(c)) resolve(decodeEnvelope(p).body);
        }),
      );
      port.write(encodeFrame(encodeEnvelope({ requestId: 9, ping: { nonce: 1 } })));
      expect(await reply).toBe('pong');
      await new Promise<void>((r) => port.close(() => r()));

      process.emit('SIGINT', 'SIGINT');
      await run;
      expect(err.join('')).toMatch(/SIGINT: stopping/);
      expect(existsSync(link) || existsSync(`${link}.board`)).toBe(false);
    },
  );

  it('rejects a bad fault spec with its syntax', async () => {
    registerBoardEmulator();
    const dir = await mkdtemp(join(tmpdir(), 'emu-'));
    await expect(
      emulateCommand().parseAsync(
        ['--profile', 'paper:p=16,ep=0', '--link', join(dir, 'b.tty'), '--faults', 'drop=5'],
        {
          from: 'user',
        },
      ),
    ).rejects.toThrow(/"drop=5" needs a rate in \[0, 1\]; syntax:/);
  });
});
