import { afterEach, describe, expect, it } from 'vitest';
import { ErrorCode, InputConversion } from '../../../drivers/serial/codec.js';
import { packCodes, valuesToCodes } from '../../../drivers/serial/codes.js';
import { PROTOCOL_VERSION } from '../../../drivers/serial/version.js';
import { jsKernels } from '../../../src/compute/js-kernels.js';
import type { Device, ProductContext } from '../../../src/device/device.js';
import { Conv2d } from '../../../src/nn/layers/conv2d.js';
import { tensor } from '../../../src/nn/tensor.js';
import { paperProfile, type Profile } from '../../../src/profile/index.js';
import { SimDevice } from '../../../simulator/sim-device.js';
import { memoryBoard } from './memory-host.js';
import { memorySerialDevice } from './memory-link.js';

/**
 * The paper preset converts each input pixel once (per source), so all its im2col copies carry
 * the same noise. That map travels in MatMulRequest.input_source / source_offset / source_tile,
 * and the board declares the conversion in DeviceInfo.input_conversion: a Conv2d over the wire
 * must then equal the in-process simulator bit for bit.
 */

/** Small tiles, so one conv spans several tiles and max_batch chunks. */
const paper = (conversion?: 'per-element'): Profile => {
  const p = paperProfile({ p: 16, ep: 0.5, rows: 8, cols: 8, maxBatch: 16, seed: 6 });
  return conversion ? { ...p, dac: { ...p.dac, conversion } } : p;
};

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

function conv(device: Device): Conv2d {
  // 2 channels x 3x3 = 18 inputs per patch (3 column tiles), 10 outputs (2 row tiles).
  return new Conv2d(
    { kernels: jsKernels, device },
    { inChannels: 2, outChannels: 10, kernel: 3, padding: 1, analog: true, seed: 4 },
  );
}

/** Two 2 x 6 x 6 images, on and off the DAC grid, some beyond its range. */
function images(): Float32Array {
  let s = 17;
  return Float32Array.from({ length: 2 * 2 * 6 * 6 }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return ((s >>> 8) / 2 ** 24) * 2.4 - 1.2;
  });
}

async function forward(device: Device, draw: number): Promise<Float32Array> {
  const ctx = { training: false, draw, rowOffset: 0, seed: 1 };
  return (await conv(device).forward(tensor([2, 2, 6, 6], images()), ctx)).data;
}

/** A device that drops the source map: what a link without input_source would compute. */
function withoutSourceMap(inner: Device): Device {
  return {
    info: () => inner.info(),
    telemetry$: inner.telemetry$,
    program: (t, W, r, c) => inner.program(t, W, r, c),
    matmul: (t, X, b, ctx?: ProductContext) =>
      inner.matmul(t, X, b, ctx && { draw: ctx.draw, rowOffset: ctx.rowOffset }),
    close: () => inner.close(),
  };
}

describe('per-source input conversion over the wire', () => {
  it('the board declares its conversion in DeviceInfo', async () => {
    for (const [profile, want] of [
      [paper(), InputConversion.PER_SOURCE],
      [paper('per-element'), InputConversion.PER_ELEMENT],
    ] as const) {
      const { ask } = memoryBoard({ profile });
      const r = await ask({ requestId: 1, hello: { protocolVersion: PROTOCOL_VERSION } });
      if (r.body !== 'deviceInfo') throw new Error(`got ${r.body}`);
      expect(r.deviceInfo.inputConversion).toBe(want);
    }
    const { device } = await memorySerialDevice({ profile: paper() });
    closers.push(() => device.close());
    expect(device.info().inputConversion).toBe(new SimDevice(paper()).info().inputConversion);
    expect(device.info().inputConversion).toBe('per-source');
  });

  it('refuses a source map of the wrong length with BAD_REQUEST', async () => {
    const { ask, board } = memoryBoard({ profile: paper() });
    const { dac, weight } = board.converters;
    const W = packCodes(valuesToCodes(new Float32Array(64).fill(0.25), weight), weight.bits);
    await ask({ requestId: 1, programWeights: { tile: 0, rows: 8, cols: 8, codes: W } });
    const X = packCodes(valuesToCodes(new Float32Array(16).fill(0.5), dac), dac.bits);
    const r = await ask({
      requestId: 2,
      matmulRequest: { tile: 0, batch: 2, cols: 8, inputCodes: X, inputSource: [0, 1, 2] },
    });
    if (r.body !== 'error') throw new Error(`got ${r.body}`);
    expect(r.error.code).toBe(ErrorCode.BAD_REQUEST);
    expect(r.error.message).toMatch(/input_source has 3 entries, expected batch x cols = 16/);
  });

  it('a paper-preset Conv2d through serial equals the in-process SimDevice bit for bit', async () => {
    const { device, link } = await memorySerialDevice({ profile: paper() });
    closers.push(() => device.close());
    const sim = new SimDevice(paper());
    for (const draw of [0, 7]) {
      const got = await forward(device, draw);
      const want = await forward(sim, draw);
      expect(Array.from(got), `draw ${draw}`).toEqual(Array.from(want));
    }
    // The map really travelled: without it the same products differ.
    const blind = await forward(withoutSourceMap(new SimDevice(paper())), 0);
    expect(Array.from(blind)).not.toEqual(Array.from(await forward(new SimDevice(paper()), 0)));
    expect(link.board.counters.executed).toBeGreaterThan(10);
  });
});
