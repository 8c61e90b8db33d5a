import { afterEach, describe, expect, it } from 'vitest';
import { encodeFrame } from '../../../drivers/serial/framing.js';
import { LinkClosedError } from '../../../drivers/serial/errors.js';
import { SerialTransport } from '../../../drivers/serial/transport.js';
import { flush, MockBinding } from './fake-board.js';

type MockPort = Awaited<ReturnType<typeof MockBinding.open>>;

/** MockBinding, remembering the port it opened and every set() call. */
function recordingBinding(options: { failSet?: boolean } = {}) {
  const state: { port?: MockPort; sets: Record<string, unknown>[] } = { sets: [] };
  const binding: typeof MockBinding = {
    ...MockBinding,
    open: async (o) => {
      const port = await MockBinding.open(o);
      const set = port.set.bind(port);
      port.set = async (s) => {
        state.sets.push({ ...s });
        if (options.failSet) throw new Error('Inappropriate ioctl for device');
        return set(s);
      };
      state.port = port;
      return port;
    },
  };
  return { binding, state };
}

const transports: SerialTransport[] = [];
function make(path: string, binding: typeof MockBinding, lowLatency?: boolean) {
  const t = new SerialTransport({
    path,
    baudRate: 921600,
    binding,
    ...(lowLatency === undefined ? {} : { lowLatency }),
  });
  transports.push(t);
  return t;
}

afterEach(async () => {
  await Promise.all(transports.splice(0).map((t) => t.close()));
  MockBinding.reset();
});

describe('SerialTransport', () => {
  it('writes framed payloads and emits the payloads of received frames, however chunked', async () => {
    MockBinding.createPort('/dev/t0', { record: true });
    const { binding, state } = recordingBinding();
    const t = make('/dev/t0', binding);
    await t.open();
    expect(t.isOpen).toBe(true);
    await t.send(new Uint8Array([1, 0, 2]));
    expect([...state.port!.recording]).toEqual([...encodeFrame(new Uint8Array([1, 0, 2]))]);

    const got: number[][] = [];
    t.on('frame', (p) => got.push([...p]));
    const bytes = Buffer.concat([
      encodeFrame(new Uint8Array([5, 6])),
      encodeFrame(new Uint8Array([0, 0, 7])),
    ]);
    for (let i = 0; i < bytes.length; i += 3) state.port!.emitData(bytes.subarray(i, i + 3));
    await flush();
    expect(got).toEqual([
      [5, 6],
      [0, 0, 7],
    ]);
    expect(t.stats.frames).toBe(2);
  });

  it('reports a corrupted frame and resynchronises on the next delimiter', async () => {
    MockBinding.createPort('/dev/t1');
    const { binding, state } = recordingBinding();
    const t = make('/dev/t1', binding);
    await t.open();
    const errors: string[] = [];
    const got: number[][] = [];
    t.on('frame-error', (kind, _detail, stats) => errors.push(`${kind}:${stats.crcErrors}`));
    t.on('frame', (p) => got.push([...p]));
    const bad = encodeFrame(new Uint8Array([9, 9, 9]));
    bad[2] = bad[2]! ^ 1;
    state.port!.emitData(Buffer.concat([bad, encodeFrame(new Uint8Array([4]))]));
    await flush();
    expect(errors).toEqual(['crc:1']);
    expect(got).toEqual([[4]]);
  });

  it('waits for drain when a write exceeds the stream buffer', async () => {
    MockBinding.createPort('/dev/t2', { record: true });
    const { binding, state } = recordingBinding();
    const t = make('/dev/t2', binding);
    await t.open();
    const big = new Uint8Array(200_000).fill(3);
    await t.send(big);
    expect(state.port!.recording.length).toBe(encodeFrame(big).length);
  });

  it('treats failing modem-control and low-latency ioctls as warnings', async () => {
    MockBinding.createPort('/dev/pty0');
    const { binding, state } = recordingBinding({ failSet: true });
    const t = make('/dev/pty0', binding);
    const warnings: string[] = [];
    t.on('warning', (w) => warnings.push(w));
    await t.open();
    expect(t.isOpen).toBe(true);
    expect(state.sets.some((s) => s.lowLatency === true)).toBe(true);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain('cannot set DTR/RTS (Inappropriate ioctl for device)');
    expect(warnings[1]).toContain('low-latency mode not available');
    expect(t.warnings).toEqual(warnings);
  });

  it('asks for low latency only when enabled', async () => {
    MockBinding.createPort('/dev/t3');
    const { binding, state } = recordingBinding();
    await make('/dev/t3', binding, false).open();
    expect(state.sets.some((s) => s.lowLatency)).toBe(false);
  });

  it('emits disconnected when the port dies, not on close(); it can be reopened', async () => {
    MockBinding.createPort('/dev/t4');
    const { binding, state } = recordingBinding();
    const t = make('/dev/t4', binding);
    const lost: string[] = [];
    t.on('disconnected', (e) => lost.push(e.message));
    await t.open();
    // What the stream does when a read fails with a non-cancel error (an unplugged adapter).
    t.stream!._disconnected(new Error('ENXIO'));
    await flush();
    expect(lost).toEqual(['ENXIO']);
    expect(t.isOpen).toBe(false);
    await expect(t.send(new Uint8Array([1]))).rejects.toBeInstanceOf(LinkClosedError);

    await t.open();
    expect(t.isOpen).toBe(true);
    expect(state.port!.isOpen).toBe(true);
    await t.close();
    await flush();
    expect(lost).toEqual(['ENXIO']);
  });

  it('rejects open() with the reason when the port does not exist', async () => {
    const t = make('/dev/missing', MockBinding);
    await expect(t.open()).rejects.toThrow(/Port does not exist/);
  });
});
