import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerSerialDriver } from '../../drivers/serial/register.js';
import type { SerialDevice } from '../../drivers/serial/serial-device.js';
import { PROTOCOL_VERSION } from '../../drivers/serial/version.js';
import { openDevice } from '../../src/device/registry.js';

/**
 * Against a real board (the hardware gate, as serialport does it): runs only when
 * ANALOOP_TEST_PORT names the board's port, e.g.
 *
 *   ANALOOP_TEST_PORT=/dev/ttyUSB0 npx vitest run test/hardware
 *   ANALOOP_TEST_PORT='serial:/dev/ttyACM0?baud=115200&timeout=3000' npx vitest run test/hardware
 *
 * A bare path gets baud=921600. It checks the handshake, programs tile ANALOOP_TEST_TILE
 * (default 0: its weights are overwritten) and compares a product with the exact product of
 * the inputs the host sent, within the board's declared precision: the weight grid plus
 * ANALOOP_TEST_LSB (default 4) ADC steps of analog error per output.
 * The board emulator passes it too (`analoop emulate --profile paper:p=64,ep=0 --link
 * ./board.tty`, then ANALOOP_TEST_PORT=./board.tty).
 */

const PORT = process.env.ANALOOP_TEST_PORT;
const HOW = 'set ANALOOP_TEST_PORT=/dev/ttyUSB0 (or a serial: URI) to run against a real board';
const uri = PORT?.startsWith('serial:') ? PORT : `serial:${PORT}?baud=921600`;
const TILE = Number(process.env.ANALOOP_TEST_TILE ?? 0);
const LSB = Number(process.env.ANALOOP_TEST_LSB ?? 4);

if (!PORT) console.info(`test/hardware skipped: ${HOW}`);

/** Deterministic values in [-a, a]. */
function values(n: number, seed: number, a: number): Float32Array {
  let s = seed >>> 0 || 1;
  return Float32Array.from({ length: n }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return ((s >>> 8) / 2 ** 24) * 2 * a - a;
  });
}

(PORT ? describe : describe.skip)(PORT ? `a real board on ${uri}` : `real board (${HOW})`, () => {
  let dev: SerialDevice;

  beforeAll(async () => {
    registerSerialDriver();
    dev = (await openDevice(uri)) as SerialDevice;
  });
  afterAll(async () => dev?.close());

  it('handshakes with our protocol version and declares a usable array', async () => {
    const w = dev.session.info;
    expect(w.protocolVersion).toBe(PROTOCOL_VERSION);
    const info = dev.info();
    console.info(
      `board: ${info.kind} ${info.model} firmware ${info.firmware} serial ${info.serial}, ` +
        `${info.rows} x ${info.cols} x ${w.tiles} tiles, DAC ${info.inputBits} b, ADC ${info.outputBits} b, ` +
        `weights ${info.weightBits} b, max batch ${info.maxBatch}, credit window ${w.creditWindow}`,
    );
    expect(['photonic', 'memristive', 'simulated']).toContain(info.kind);
    expect(info.rows).toBeGreaterThan(0);
    expect(info.cols).toBeGreaterThan(0);
    expect(info.maxBatch).toBeGreaterThan(0);
    const pong = await dev.session.ping(42);
    expect(pong.nonce).toBe(42);
    const t = await dev.session.requestTelemetry();
    expect(Number.isFinite(t.temperatureC)).toBe(true);
  });

  it('programs a tile and multiplies within the declared precision', async () => {
    const info = dev.info();
    const { dac, adc, weight } = dev.session.info;
    const rows = info.rows;
    const cols = info.cols;
    const batch = Math.min(info.maxBatch, 8);
    const half = (r: readonly [number, number]) => Math.min(0.5, -r[0], r[1]);
    const W = values(rows * cols, 1, half(info.weightRange));
    const X = values(batch * cols, 2, half(info.inputRange));
    await dev.program(TILE, W, rows, cols);
    const Y = await dev.matmul(TILE, X, batch);

    // The exact product of the inputs as sent (rounded to the DAC grid), clipped like the ADC.
    // Allowed error: the weight grid (whatever the array's mapping, about half a weight step per
    // element) plus LSB steps of the ADC (a photonic board's output gain included).
    const [lo, hi] = info.outputRange;
    const q = (v: number) => Math.round(v * dac!.scale) / dac!.scale;
    const dw = 0.5 / weight!.scale;
    const adcStep = info.outputRange[1] / adc!.range!.hi / adc!.scale;
    let worst = 0;
    for (let b = 0; b < batch; b++)
      for (let r = 0; r < rows; r++) {
        let sum = 0;
        let bound = LSB * adcStep;
        for (let c = 0; c < cols; c++) {
          const x = q(X[b * cols + c]!);
          sum += x * W[r * cols + c]!;
          bound += Math.abs(x) * dw;
        }
        const exact = Math.min(hi, Math.max(lo, sum));
        const err = Math.abs(Y[b * rows + r]! - exact);
        worst = Math.max(worst, err / bound);
        expect(err, `output ${b},${r}: got ${Y[b * rows + r]}, exact ${exact}`).toBeLessThanOrEqual(
          bound,
        );
      }
    console.info(`worst error: ${(worst * 100).toFixed(1)}% of the allowed bound`);
  });
});
