import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { paperProfile, PAPER_ARRAY_SIZE, ProfileError } from '../../src/profile/index.js';
import {
  canonicalJson,
  converterBits,
  converterPrecision,
  loadProfile,
  parseProfile,
  profileId,
  profileJsonSchema,
} from '../../src/profile/index.js';

const base = () => ({
  schema: 'analoop.profile/1',
  name: 'test',
  array: { rows: 4, cols: 3, maxBatch: 8 },
  dac: { range: [-1, 1], precision: 16 },
  adc: { range: [-1, 1], precision: 16 },
  weights: { range: [-1, 1], precision: 16 },
});

function issues(json: unknown): ProfileError {
  try {
    parseProfile(json, 'case.json');
  } catch (e) {
    expect(e).toBeInstanceOf(ProfileError);
    return e as ProfileError;
  }
  throw new Error('expected a ProfileError');
}

describe('profile validation', () => {
  it('accepts a minimal profile and fills defaults', () => {
    const p = parseProfile(base());
    expect(p.noise.read).toEqual({ model: 'none' });
    expect(p.channels).toEqual({ gain: 1, offset: 0, gainDriftPerHour: 0 });
    expect(p.seed).toBe(0);
  });

  const cases: [string, (b: ReturnType<typeof base>) => unknown, string, RegExp][] = [
    [
      'wrong version',
      (b) => ({ ...b, schema: 'analoop.profile/2' }),
      'schema',
      /analoop\.profile\/1/,
    ],
    ['missing array', ({ array: _a, ...b }) => b, 'array', /missing.*add it.*rows/],
    [
      'negative rows',
      (b) => ({ ...b, array: { ...b.array, rows: -1 } }),
      'array.rows',
      /positive|>0/i,
    ],
    [
      'reversed range',
      (b) => ({ ...b, dac: { range: [1, -1], precision: 4 } }),
      'dac.range',
      /lo < hi/,
    ],
    [
      'precision and bits',
      (b) => ({ ...b, adc: { range: [-1, 1], precision: 4, bits: 2 } }),
      'adc.precision',
      /exactly one/,
    ],
    [
      'ep out of range',
      (b) => ({ ...b, noise: { read: { model: 'gaussian', ep: 1.5 } } }),
      'noise.read.ep',
      /error probability/,
    ],
    [
      'scale and ep',
      (b) => ({ ...b, noise: { input: { model: 'laplace', ep: 0.5, scale: 0.1 } } }),
      'noise.input.scale',
      /exactly one/,
    ],
    [
      'bad model',
      (b) => ({ ...b, noise: { weight: { model: 'gauss', scale: 1 } } }),
      'noise.weight.model',
      /gaussian/,
    ],
    [
      'ep without precision',
      (b) => ({
        ...b,
        weights: { range: [-1, 1], precision: 0 },
        noise: { programming: { model: 'gaussian', ep: 0.2 } },
      }),
      'noise.programming.ep',
      /add "p"/,
    ],
    [
      'poisson without precision',
      (b) => ({
        ...b,
        adc: { range: [-1, 1], precision: 0 },
        noise: { read: { model: 'poisson', scale: 2 } },
      }),
      'noise.read.p',
      /poisson noise needs a precision/,
    ],
    [
      'gain length',
      (b) => ({ ...b, channels: { gain: [1, 2] } }),
      'channels.gain',
      /exactly 4 entries/,
    ],
    [
      'gain element',
      (b) => ({ ...b, channels: { offset: [0, 0, 'x', 0] } }),
      'channels.offset[2]',
      /expected number/,
    ],
    ['typo', (b) => ({ ...b, channels: { gian: 2 } }), 'channels.gian', /unknown field.*spelling/],
    [
      'nonlinearity',
      (b) => ({ ...b, nonlinearity: { kind: 'cubic' } }),
      'nonlinearity.a3',
      /missing/,
    ],
    ['seed', (b) => ({ ...b, seed: 1.5 }), 'seed', /int/i],
    [
      'input conversion',
      (b) => ({ ...b, dac: { ...b.dac, conversion: 'per-pixel' } }),
      'dac.conversion',
      /per-source/,
    ],
    [
      'conversion on the ADC',
      (b) => ({ ...b, adc: { ...b.adc, conversion: 'per-source' } }),
      'adc.conversion',
      /unknown field/,
    ],
  ];
  for (const [what, make, path, text] of cases) {
    it(`names the field path: ${what}`, () => {
      const e = issues(make(base()));
      const hit = e.issues.find((i) => i.path === path);
      expect(hit, `issues: ${e.message}`).toBeDefined();
      expect(`${hit!.message}; ${hit!.fix}`).toMatch(text);
      expect(e.message).toContain('case.json');
      expect(e.message).toContain(`${path}:`);
    });
  }

  it('converts bits with the stated convention; 0 bits is ideal', () => {
    const c = (x: object) => parseProfile({ ...base(), dac: { range: [-1, 1], ...x } }).dac;
    expect(converterPrecision(c({ bits: 8 }))).toBe(256);
    expect(converterPrecision(c({ bits: 8, bitsConvention: 'log2p+1' }))).toBe(255);
    expect(converterPrecision(c({ bits: 0 }))).toBe(0);
    expect(converterPrecision(c({ precision: 0 }))).toBe(0);
    expect(converterBits(c({ precision: 16 }))).toBe(4);
    expect(converterBits(c({ precision: 0 }))).toBe(0);
  });

  it('dac.conversion is optional without a default, so older profiles keep their id', () => {
    const plain = parseProfile(base());
    expect(plain.dac.conversion).toBeUndefined();
    expect(canonicalJson(plain)).not.toContain('conversion');
    const b = base();
    const perSource = parseProfile({ ...b, dac: { ...b.dac, conversion: 'per-source' } });
    expect(perSource.dac.conversion).toBe('per-source');
    expect(profileId(perSource)).not.toBe(profileId(plain));
  });
});

describe('profile JSON Schema', () => {
  it('is valid JSON with the expected top-level properties', () => {
    interface Node {
      $schema?: string;
      type?: string;
      const?: string;
      description?: string;
      required?: string[];
      properties: Record<string, Node>;
    }
    const s = JSON.parse(JSON.stringify(profileJsonSchema())) as Node;
    expect(s.$schema).toMatch(/json-schema\.org/);
    expect(s.type).toBe('object');
    expect(Object.keys(s.properties).sort()).toEqual(
      [
        'adc',
        'array',
        'channels',
        'dac',
        'description',
        'meta',
        'name',
        'noise',
        'nonlinearity',
        'schema',
        'seed',
        'weights',
      ].sort(),
    );
    expect(s.required).toEqual(
      expect.arrayContaining(['schema', 'name', 'array', 'dac', 'adc', 'weights']),
    );
    expect(s.properties.schema!.const).toBe('analoop.profile/1');
    expect(Object.keys(s.properties.noise!.properties).sort()).toEqual([
      'input',
      'programming',
      'read',
      'weight',
    ]);
    expect(s.properties.dac!.properties.precision!.description).toMatch(/0 = ideal/);
    expect(s.properties.dac!.properties.conversion!.description).toMatch(/per-source.*paper/);
    expect(s.properties.adc!.properties.conversion).toBeUndefined();
  });
});

describe('profileId', () => {
  it('is 16 hex digits, stable under key reordering, and changes with content', () => {
    const a = parseProfile(base());
    const reordered = JSON.parse(
      '{"weights":{"precision":16,"range":[-1,1]},"adc":{"precision":16,"range":[-1,1]},"dac":{"range":[-1,1],"precision":16},' +
        '"array":{"maxBatch":8,"cols":3,"rows":4},"name":"test","schema":"analoop.profile/1"}',
    );
    const b = parseProfile(reordered);
    expect(profileId(a)).toMatch(/^[0-9a-f]{16}$/);
    expect(profileId(b)).toBe(profileId(a));
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 0, y: 1 }], c: 2 } })).toBe(
      '{"a":{"c":2,"d":[1,{"y":1,"z":0}]},"b":1}',
    );
    expect(profileId(parseProfile({ ...base(), seed: 1 }))).not.toBe(profileId(a));
    expect(profileId(parseProfile({ ...base(), channels: { gain: 1.01 } }))).not.toBe(profileId(a));
  });
});

describe('loadProfile', () => {
  it('reads a file and reports bad JSON with the path', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'analoop-profile-'));
    const good = join(dir, 'good.json');
    await writeFile(good, JSON.stringify(base()));
    expect((await loadProfile(good)).name).toBe('test');
    const bad = join(dir, 'bad.json');
    await writeFile(bad, '{ "schema": ');
    await expect(loadProfile(bad)).rejects.toThrow(/bad\.json[\s\S]*not valid JSON/);
    const wrong = join(dir, 'wrong.json');
    await writeFile(wrong, JSON.stringify({ ...base(), adc: { range: [-1, 1] } }));
    await expect(loadProfile(wrong)).rejects.toThrow(/wrong\.json[\s\S]*adc\.precision/);
  });
});

describe('paperProfile', () => {
  it('builds the paper blocks from (p, EP)', () => {
    const p = paperProfile({ p: 16, ep: 0.5 });
    expect(p.array.rows).toBe(PAPER_ARRAY_SIZE);
    for (const c of [p.adc, p.weights]) expect(c).toEqual({ range: [-1, 1], precision: 16 });
    // The paper adds input noise once per pixel, before a convolution (method.md section 3).
    expect(p.dac).toEqual({ range: [-1, 1], precision: 16, conversion: 'per-source' });
    expect(p.noise).toEqual({
      programming: { model: 'none' },
      weight: { model: 'gaussian', ep: 0.5 },
      input: { model: 'gaussian', ep: 0.5 },
      read: { model: 'gaussian', ep: 0.5 },
    });
    expect(p.channels).toEqual({ gain: 1, offset: 0, gainDriftPerHour: 0 });
    expect(p.nonlinearity).toBeUndefined();
    expect(paperProfile({ p: 16, ep: 0 }).noise.read).toEqual({ model: 'none' });
    expect(paperProfile({ p: 8, ep: 0.2, model: 'laplace', rows: 3, cols: 5 }).noise.input).toEqual(
      { model: 'laplace', ep: 0.2 },
    );
    expect(() => paperProfile({ p: 0, ep: 0.5 })).toThrow(ProfileError);
  });
});
