import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Device } from '../../src/device/device.js';
import { DeviceError } from '../../src/device/errors.js';
import {
  listDeviceSchemes,
  openDevice,
  registerDevice,
  unregisterDevice,
} from '../../src/device/registry.js';
import { IdealDevice } from '../../simulator/ideal-device.js';
import { registerSimulator } from '../../simulator/register.js';

async function error(p: Promise<unknown>): Promise<DeviceError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(DeviceError);
    return e as DeviceError;
  }
  throw new Error('expected a DeviceError');
}

const opened: Device[] = [];
async function open(uri: string): Promise<Device> {
  const d = await openDevice(uri);
  opened.push(d);
  return d;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((d) => d.close()));
});

describe('device registry', () => {
  it('unknown scheme lists the registered schemes with examples', async () => {
    registerSimulator();
    const e = await error(openDevice('serail:/dev/ttyUSB0'));
    expect(e.code).toBe('unknown-scheme');
    expect(e.message).toContain('"serail:"');
    expect(e.message).toContain('sim:paper?p=16&ep=0.5&seed=3');
    expect(e.message).toContain('ideal:');
  });

  it('lists schemes sorted, and registerSimulator is idempotent', () => {
    registerSimulator();
    registerSimulator();
    const schemes = listDeviceSchemes().map((s) => s.scheme);
    expect(schemes).toEqual([...schemes].sort());
    expect(schemes).toEqual(expect.arrayContaining(['ideal', 'sim']));
  });

  it('refuses a different factory for a taken scheme unless replace is set', async () => {
    const f = { describe: 'a', example: 'x:', open: async () => new IdealDevice() };
    const g = { describe: 'b', example: 'x:', open: async () => new IdealDevice({ rows: 2 }) };
    registerDevice('x', f);
    registerDevice('x', f);
    expect(() => registerDevice('x', g)).toThrow(/already registered/);
    registerDevice('x:', g, { replace: true });
    expect((await open('x:')).info().rows).toBe(2);
    expect(unregisterDevice('x')).toBe(true);
    expect((await error(openDevice('x:'))).code).toBe('unknown-scheme');
  });

  it('passes target, params and the URI to the factory', async () => {
    let seen: unknown;
    registerDevice('probe', {
      describe: 'test',
      example: 'probe:a',
      open: async (target, params, uri) => {
        seen = { target, params: Object.fromEntries(params), uri };
        return new IdealDevice();
      },
    });
    await open('probe:/dev/x?baud=9600');
    expect(seen).toEqual({
      target: '/dev/x',
      params: { baud: '9600' },
      uri: 'probe:/dev/x?baud=9600',
    });
    unregisterDevice('probe');
  });

  it('opens ideal: and sim:paper', async () => {
    registerSimulator();
    const ideal = await open('ideal:?rows=3&cols=5&maxBatch=4');
    expect(ideal.info()).toMatchObject({
      kind: 'ideal',
      rows: 3,
      cols: 5,
      maxBatch: 4,
      inputBits: 0,
    });
    const sim = await open('sim:paper?p=16&ep=0.5&seed=3');
    expect(sim.info()).toMatchObject({
      kind: 'simulated',
      inputBits: 4,
      outputBits: 4,
      weightBits: 4,
      inputRange: [-1, 1],
    });
    expect(sim.info().profileId).toMatch(/^[0-9a-f]{16}$/);
    const other = await open('sim:paper?p=16&ep=0.5&seed=4');
    expect(other.info().profileId).not.toBe(sim.info().profileId);
  });

  it('opens the paper preset with every noise model', async () => {
    registerSimulator();
    for (const model of ['none', 'gaussian', 'laplace', 'uniform', 'poisson']) {
      const d = await open(`sim:paper?p=16&ep=0.3&model=${model}&rows=4&cols=4`);
      await d.program(0, new Float32Array(16).fill(0.25), 4, 4);
      const y = await d.matmul(0, new Float32Array(8).fill(0.5), 2, { draw: 0, rowOffset: 0 });
      expect(y.every((v) => Number.isFinite(v) && Math.abs(v) <= 1)).toBe(true);
    }
  });

  it('a bad parameter names it, the bad value and the valid form', async () => {
    registerSimulator();
    let e = await error(openDevice('sim:paper?p=abc&ep=0.5'));
    expect(e.code).toBe('bad-parameter');
    expect(e.param).toBe('p');
    expect(e.message).toContain('"p" = "abc"');
    expect(e.message).toContain('p=16');

    e = await error(openDevice('sim:paper?p=16&ep=1.5'));
    expect(e.param).toBe('ep');
    expect(e.message).toContain('"1.5"');
    expect(e.message).toMatch(/ep=0\.5/);

    e = await error(openDevice('sim:paper?p=16'));
    expect(e.param).toBe('ep');
    expect(e.message).toContain('missing');

    e = await error(openDevice('sim:paper?p=16&ep=0.5&model=gauss'));
    expect(e.param).toBe('model');
    expect(e.message).toContain('"gauss"');
    expect(e.message).toContain('gaussian|laplace');

    e = await error(openDevice('sim:paper?p=16&ep=0.5&sede=3'));
    expect(e.param).toBe('sede');
    expect(e.message).toContain('unknown parameter "sede"');
    expect(e.message).toContain('seed=');

    e = await error(openDevice('sim:paper?p=16&ep=0.5&seed=1&seed=2'));
    expect(e.message).toContain('twice');

    e = await error(openDevice('sim:paper?p=0&ep=0.5'));
    expect(e.param).toBe('ep');

    e = await error(openDevice('ideal:?rows=2.5'));
    expect(e.param).toBe('rows');
    expect(e.message).toContain('"2.5"');
  });

  it('sim: without a target or ideal: with one is a bad URI', async () => {
    registerSimulator();
    expect((await error(openDevice('sim:'))).code).toBe('bad-uri');
    expect((await error(openDevice('ideal:foo'))).code).toBe('bad-uri');
  });

  it('opens sim:<profile.json> and overrides its seed', async () => {
    registerSimulator();
    const dir = await mkdtemp(join(tmpdir(), 'analoop-'));
    const path = join(dir, 'p.json');
    await writeFile(
      path,
      JSON.stringify({
        schema: 'analoop.profile/1',
        name: 'board-a',
        array: { rows: 8, cols: 8, maxBatch: 4 },
        dac: { range: [-1, 1], bits: 8 },
        adc: { range: [-2, 2], precision: 64 },
        weights: { range: [-1, 1], precision: 0 },
        seed: 7,
      }),
    );
    const d = await open(`sim:${path}`);
    expect(d.info()).toMatchObject({
      kind: 'simulated',
      model: 'sim-board-a',
      rows: 8,
      inputBits: 8,
      outputBits: 6,
      outputRange: [-2, 2],
    });
    const d2 = await open(`sim:${path}?seed=9`);
    expect(d2.info().profileId).not.toBe(d.info().profileId);
    await expect(openDevice(`sim:${join(dir, 'missing.json')}`)).rejects.toThrow(/cannot read/);
  });
});
