import { describe, expect, it } from 'vitest';
import { DeviceError } from '../../src/device/errors.js';
import { parseDeviceUri } from '../../src/device/uri.js';

describe('parseDeviceUri', () => {
  it('splits scheme, target and params', () => {
    const u = parseDeviceUri('sim:paper?p=16&ep=0.5&seed=3');
    expect(u.scheme).toBe('sim');
    expect(u.target).toBe('paper');
    expect(Object.fromEntries(u.params)).toEqual({ p: '16', ep: '0.5', seed: '3' });
  });

  it('keeps paths verbatim', () => {
    expect(parseDeviceUri('sim:./profile.json?seed=1')).toMatchObject({
      scheme: 'sim',
      target: './profile.json',
    });
    expect(parseDeviceUri('serial:/dev/ttyUSB0?baud=921600').target).toBe('/dev/ttyUSB0');
    expect(parseDeviceUri('replay:trace.jsonl').target).toBe('trace.jsonl');
    expect(parseDeviceUri('sim:/tmp/a%20b.json').target).toBe('/tmp/a%20b.json');
  });

  it('accepts an empty target and empty query', () => {
    const u = parseDeviceUri('ideal:');
    expect(u).toMatchObject({ scheme: 'ideal', target: '' });
    expect([...u.params]).toEqual([]);
    expect(Object.fromEntries(parseDeviceUri('ideal:?rows=3').params)).toEqual({ rows: '3' });
  });

  it('lower-cases the scheme and decodes query values', () => {
    const u = parseDeviceUri('SIM:paper?model=gaussian&x=a%20b');
    expect(u.scheme).toBe('sim');
    expect(u.params.get('x')).toBe('a b');
  });

  it('rejects URIs without a valid scheme', () => {
    for (const bad of ['paper', ':x', '1sim:paper', 'si m:x']) {
      expect(() => parseDeviceUri(bad)).toThrow(DeviceError);
    }
    try {
      parseDeviceUri('profile.json');
    } catch (e) {
      expect((e as DeviceError).code).toBe('bad-uri');
      expect((e as Error).message).toMatch(/sim:paper\?p=16&ep=0\.5/);
    }
  });
});
