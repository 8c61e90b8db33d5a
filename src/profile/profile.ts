import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import {
  bitsFromPrecision,
  precisionFromBits,
  precisionFromBitsAnalogVNN,
  type NoiseModel,
} from '../noise/index.js';
import { ProfileError, type ProfileIssue } from './profile-error.js';

/**
 * The calibration profile: everything the simulator needs to imitate one analog array, as a
 * versioned JSON document (`"schema": "analoop.profile/1"`). A profile is either written by
 * hand, produced by a preset (`paperProfile`), or fitted from board measurements (src/calibrate).
 *
 * Conventions used throughout (stated once, relied on everywhere):
 * - Values are in signal units: inputs, weights and outputs are plain numbers, the paper's
 *   natural range being [-1, 1].
 * - Precision p counts quantisation steps per unit value (step 1/p), as in the paper; converters
 *   round with RP(x; p) = sign(x) ceil(|x p| - 0.5) / p after clipping to their range.
 *   **precision 0 (or bits 0) means ideal: no quantisation.**
 * - Noise is given by model and either `scale` (in the signal units of where it sits) or `ep`
 *   (error probability: the chance a quantised value changes bin), never both.
 */

export const PROFILE_SCHEMA_ID = 'analoop.profile/1';

const finite = () => z.number().finite();

const RangeSchema = z
  .tuple([finite(), finite()])
  .refine(([lo, hi]) => lo < hi, { message: 'range must be [lo, hi] with lo < hi, e.g. [-1, 1]' });

/** How a bit count maps to precision p: 'log2p' (the paper: p = 2^bits) or 'log2p+1' (AnalogVNN: p = 2^bits - 1). */
export const BitsConventionSchema = z
  .enum(['log2p', 'log2p+1'])
  .describe(
    'how bits map to precision p: "log2p" (the paper, p = 2^bits, 8 bits = 256 steps per unit) or "log2p+1" (AnalogVNN, p = 2^bits - 1); 0 bits is ideal in both',
  );

/** The fields every converter has; the DAC adds `conversion`. */
function converterShape(what: string, example: string) {
  return {
    range: RangeSchema.describe(
      `[lo, hi]: ${what} values outside are clipped to this range (signal units), e.g. [-1, 1]`,
    ),
    precision: z
      .number()
      .finite()
      .min(0)
      .optional()
      .describe(
        `p, quantisation steps per unit value (step 1/p), e.g. ${example}; 0 = ideal (no quantisation). Give precision or bits, not both`,
      ),
    bits: z
      .number()
      .finite()
      .min(0)
      .optional()
      .describe(
        'alternative to precision: resolution in bits, converted with bitsConvention; 0 = ideal (no quantisation)',
      ),
    bitsConvention: BitsConventionSchema.optional(),
  };
}

function checkConverter(example: string) {
  return (
    c: { precision?: number | undefined; bits?: number | undefined; bitsConvention?: unknown },
    ctx: z.RefinementCtx,
  ): void => {
    if ((c.precision === undefined) === (c.bits === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['precision'],
        message: `give exactly one of "precision" (steps per unit, 0 = ideal) or "bits" (0 = ideal), e.g. "precision": ${example}`,
      });
    }
    if (c.bitsConvention !== undefined && c.bits === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['bitsConvention'],
        message: 'bitsConvention only applies with "bits"; remove it or give bits',
      });
    }
  };
}

function converter(what: string, example: string) {
  return z.object(converterShape(what, example)).strict().superRefine(checkConverter(example));
}

/**
 * How the DAC converts copies of one input value (DeviceInfo.inputConversion). Optional rather
 * than defaulted, so profiles written before it keep their profileId.
 */
export const InputConversionSchema = z
  .enum(['per-element', 'per-source'])
  .describe(
    'how copies of one input value (a pixel repeated in a convolution\'s im2col patches) are converted: "per-element" (the default: every copy separately, with independent noise, as an array fed im2col patches does) or "per-source" (once per value, so every copy carries the same noise and padding is an exact 0, as the paper adds input noise before the convolution)',
  );

/** src/noise's models; the two checks below fail to compile if either list gains a name. */
export const PROFILE_NOISE_MODELS = [
  'none',
  'gaussian',
  'laplace',
  'uniform',
  'poisson',
] as const satisfies readonly NoiseModel[];
type Missing = Exclude<NoiseModel, (typeof PROFILE_NOISE_MODELS)[number]>;
const allModelsListed: [Missing] extends [never] ? true : never = true;
void allModelsListed;

export const NoiseModelSchema = z
  .enum(PROFILE_NOISE_MODELS)
  .describe(
    'noise distribution: none, gaussian, laplace, uniform, or poisson (shot noise, signal dependent)',
  );

/**
 * One noise source. `scale` is in the signal units of the place it sits: sigma for gaussian,
 * b for laplace, the full width v for uniform (U(-v/2, v/2)); for poisson the rate factor
 * (y = sign(x) Poisson(|x| r) / r with r = p * scale). `ep` derives the scale from the error
 * probability at precision `p`, which defaults to the precision of the converter next to it.
 */
export const NoiseSpecSchema = z
  .object({
    model: NoiseModelSchema,
    scale: z
      .number()
      .finite()
      .min(0)
      .optional()
      .describe(
        'noise scale in signal units: gaussian sigma, laplace b, uniform full width v; poisson rate factor (r = p * scale). Give scale or ep, not both',
      ),
    ep: z
      .number()
      .gt(0)
      .lt(1)
      .optional()
      .describe(
        'error probability in (0, 1): the chance a value on the quantisation grid lands in another bin after this noise; the scale is derived from it and p',
      ),
    p: z
      .number()
      .finite()
      .gt(0)
      .optional()
      .describe(
        'precision (steps per unit) that ep refers to; default: the precision of the converter this noise sits next to',
      ),
  })
  .strict()
  .superRefine((n, ctx) => {
    if (n.model === 'none') {
      if (n.scale !== undefined || n.ep !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['model'],
          message:
            'model "none" takes no scale or ep; remove them or choose a model such as "gaussian"',
        });
      }
      return;
    }
    if ((n.scale === undefined) === (n.ep === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['scale'],
        message: `model "${n.model}" needs exactly one of "scale" (signal units) or "ep" (error probability in (0, 1)), e.g. { "model": "${n.model}", "ep": 0.5 }`,
      });
    }
  });

const NONE = { model: 'none' } as const;

function noiseField(where: string) {
  return NoiseSpecSchema.default(NONE).describe(where);
}

/** A per-output-channel value: one number for every channel, or an array of length array.rows. */
function perChannel(what: string, dflt: number) {
  return z
    .union([finite(), z.array(finite())])
    .default(dflt)
    .describe(
      `${what}: one number for all output channels, or an array of length array.rows (channel r is tile row r; every tile shares them, as on a time-multiplexed array)`,
    );
}

export const NonlinearitySchema = z
  .discriminatedUnion('kind', [
    z
      .object({
        kind: z.literal('cubic'),
        a3: finite().describe('y -> y + a3 * y^3 (a3 < 0 is the usual compressive saturation)'),
      })
      .strict(),
    z
      .object({
        kind: z.literal('polynomial'),
        coefficients: z
          .array(finite())
          .min(1)
          .describe('c0, c1, c2, ...: y -> c0 + c1 y + c2 y^2 + ... (identity is [0, 1])'),
      })
      .strict(),
  ])
  .describe(
    'optional static nonlinearity of the analog output, applied after gain and offset and before read noise',
  );

export const ProfileSchema = z
  .object({
    schema: z
      .literal(PROFILE_SCHEMA_ID)
      .describe(`profile format version; must be "${PROFILE_SCHEMA_ID}"`),
    name: z.string().min(1).describe('short human name, e.g. "paper-p16-ep0.5" or a board serial'),
    description: z.string().optional().describe('free text: what was measured, how, when'),
    array: z
      .object({
        rows: z
          .number()
          .int()
          .positive()
          .describe('outputs per tile (physical array rows); larger matrices are tiled'),
        cols: z.number().int().positive().describe('inputs per tile (physical array columns)'),
        maxBatch: z
          .number()
          .int()
          .positive()
          .describe('largest batch (input vectors) per product call; longer batches are chunked'),
      })
      .strict()
      .describe('physical array size, e.g. { "rows": 256, "cols": 256, "maxBatch": 1024 }'),
    dac: z
      .object({ ...converterShape('input', '16'), conversion: InputConversionSchema.optional() })
      .strict()
      .superRefine(checkConverter('16'))
      .describe('input digital-to-analog converter: clip to range, then quantise'),
    adc: converter('output', '16').describe(
      'output analog-to-digital converter: clip to range, then quantise',
    ),
    weights: converter('weight', '16').describe(
      'weight programming resolution: weights are clipped to range and quantised when programmed',
    ),
    noise: z
      .object({
        programming: noiseField(
          'noise added once when a tile is programmed (write error), weight units; fixed until the next program',
        ),
        weight: noiseField(
          'weight noise re-sampled for every draw (the paper re-samples per batch), weight units',
        ),
        input: noiseField(
          'noise on the inputs after the DAC, input units, fresh per element and draw',
        ),
        read: noiseField(
          'read noise on the analog outputs before the ADC, output units, fresh per element and draw',
        ),
      })
      .strict()
      .default({ programming: NONE, weight: NONE, input: NONE, read: NONE })
      .describe(
        'noise sources; each { "model": ..., "scale": ... } or { "model": ..., "ep": ... }; default none',
      ),
    channels: z
      .object({
        gain: perChannel('multiplicative gain of each output channel (dimensionless)', 1),
        offset: perChannel('additive offset of each output channel (output units)', 0),
        gainDriftPerHour: perChannel(
          'linear gain drift, relative change per hour since the tile was programmed: gain(t) = gain * (1 + gainDriftPerHour * hours)',
          0,
        ),
      })
      .strict()
      .default({ gain: 1, offset: 0, gainDriftPerHour: 0 })
      .describe('per-output-channel analog response: y = gain(t) * (W x) + offset'),
    nonlinearity: NonlinearitySchema.optional(),
    seed: z
      .number()
      .int()
      .min(0)
      .max(0xffffffff)
      .default(0)
      .describe('noise seed (unsigned 32-bit); a device URI ?seed= overrides it'),
    meta: z
      .record(z.string(), z.unknown())
      .optional()
      .describe(
        'free-form provenance (board serial, calibration date, fit residuals); not used by the simulator',
      ),
  })
  .strict()
  .superRefine((p, ctx) => {
    for (const key of ['gain', 'offset', 'gainDriftPerHour'] as const) {
      const v = p.channels[key];
      if (Array.isArray(v) && v.length !== p.array.rows) {
        ctx.addIssue({
          code: 'custom',
          path: ['channels', key],
          message: `has ${v.length} entries but array.rows is ${p.array.rows}; give one number or exactly ${p.array.rows} entries`,
        });
      }
    }
    const sites = [
      ['programming', 'weights'],
      ['weight', 'weights'],
      ['input', 'dac'],
      ['read', 'adc'],
    ] as const;
    for (const [noise, conv] of sites) {
      const n = p.noise[noise];
      const ideal = n.p === undefined && converterPrecision(p[conv]) === 0;
      if (ideal && n.model === 'poisson') {
        ctx.addIssue({
          code: 'custom',
          path: ['noise', noise, 'p'],
          message: `poisson noise needs a precision (its rate is p * scale) but ${conv} is ideal (precision 0); add "p" here (e.g. "p": 16) or set ${conv}.precision`,
        });
      } else if (n.ep !== undefined && ideal) {
        ctx.addIssue({
          code: 'custom',
          path: ['noise', noise, 'ep'],
          message: `ep needs a precision but ${conv} is ideal (precision 0); add "p" here (e.g. "p": 16), set ${conv}.precision, or give "scale" instead`,
        });
      }
    }
  });

/** A validated profile (defaults filled in). */
export type Profile = z.output<typeof ProfileSchema>;
/** What may be written in a profile file (defaults optional). */
export type ProfileInput = z.input<typeof ProfileSchema>;
export type ConverterSpec = Profile['adc'];
export type ProfileNoiseSpec = z.output<typeof NoiseSpecSchema>;
export type Nonlinearity = z.output<typeof NonlinearitySchema>;

/** Precision p (steps per unit) of a converter, from `precision` or `bits`; 0 = ideal. */
export function converterPrecision(c: ConverterSpec): number {
  if (c.precision !== undefined) return c.precision;
  const bits = c.bits ?? 0;
  if (bits === 0) return 0;
  return (c.bitsConvention ?? 'log2p') === 'log2p'
    ? precisionFromBits(bits)
    : precisionFromBitsAnalogVNN(bits);
}

/** Bits of a converter for DeviceInfo: as given, or log2(p) (the paper's convention); 0 = ideal. */
export function converterBits(c: ConverterSpec): number {
  if (c.bits !== undefined) return c.bits;
  const p = c.precision ?? 0;
  return p === 0 ? 0 : bitsFromPrecision(p);
}

/** The published JSON Schema of a profile file (draft 2020-12), generated from the zod schema. */
export function profileJsonSchema(): Record<string, unknown> {
  const s = z.toJSONSchema(ProfileSchema, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return {
    ...s,
    $id: 'https://analoop.dev/schema/analoop.profile-1.json',
    title: 'analoop calibration profile',
    description:
      'Calibration profile of an analog matrix-product array for the analoop simulator. Precision p counts steps per unit value; precision 0 / bits 0 means ideal (no quantisation).',
  };
}

type JsonNode = Record<string, unknown>;

/** The JSON Schema description of the field at `path`, used as the "fix" hint in errors. */
function describeAt(path: readonly PropertyKey[]): string | undefined {
  let nodes: JsonNode[] = [profileJsonSchema()];
  let found: string | undefined;
  for (const key of path) {
    const next: JsonNode[] = [];
    const expand = (n: JsonNode): JsonNode[] => [
      n,
      ...(['anyOf', 'oneOf', 'allOf'] as const).flatMap((k) =>
        ((n[k] as JsonNode[] | undefined) ?? []).flatMap(expand),
      ),
    ];
    for (const n of nodes.flatMap(expand)) {
      if (typeof key === 'number') {
        const items = n.items;
        if (items && typeof items === 'object') next.push(items as JsonNode);
        const prefix = n.prefixItems as JsonNode[] | undefined;
        if (prefix?.[key]) next.push(prefix[key]);
      } else {
        const child = (n.properties as Record<string, JsonNode> | undefined)?.[String(key)];
        if (child) next.push(child);
      }
    }
    if (!next.length) break;
    nodes = next;
    found = next.map((n) => n.description).find((d): d is string => typeof d === 'string') ?? found;
  }
  return found;
}

function formatPath(path: readonly PropertyKey[]): string {
  let s = '';
  for (const k of path) s += typeof k === 'number' ? `[${k}]` : s ? `.${String(k)}` : String(k);
  return s || '(top level)';
}

function toIssues(error: z.ZodError): ProfileIssue[] {
  const out: ProfileIssue[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        out.push({
          path: formatPath(path),
          message: `unknown field "${key}"`,
          fix: `remove it or fix its spelling${describeAt(issue.path) ? ` (${formatPath(issue.path)}: ${describeAt(issue.path)})` : ''}`,
        });
      }
      continue;
    }
    if (issue.code === 'invalid_union' && 'errors' in issue) {
      // Report the branch that got furthest, rather than zod's bare "Invalid input".
      const branches = (issue.errors as z.core.$ZodIssue[][]).filter((b) => b.length);
      const best = branches.sort(
        (a, b) =>
          Math.max(...b.map((i) => i.path.length)) - Math.max(...a.map((i) => i.path.length)),
      )[0];
      if (best) {
        for (const sub of best) {
          const path = [...issue.path, ...sub.path];
          out.push({
            path: formatPath(path),
            message: sub.message,
            fix: describeAt(issue.path) ?? '',
          });
        }
        continue;
      }
    }
    const missing = issue.code === 'invalid_type' && issue.message.includes('received undefined');
    out.push({
      path: formatPath(issue.path),
      message: missing ? 'missing' : issue.message,
      // Custom (cross-field) messages already say how to fix them.
      fix:
        issue.code === 'custom'
          ? ''
          : `${missing ? 'add it: ' : ''}${describeAt(issue.path) ?? ''}`,
    });
  }
  return out;
}

/**
 * Validate a parsed JSON value as a profile. `source` (a path, "preset paper", ...) is quoted in
 * errors. Throws ProfileError listing every problem as `field.path: what is wrong; fix: ...`.
 */
export function parseProfile(json: unknown, source = 'profile'): Profile {
  const r = ProfileSchema.safeParse(json);
  if (r.success) return r.data;
  throw new ProfileError(source, toIssues(r.error));
}

/** Read and validate a profile file (JSON). */
export async function loadProfile(path: string): Promise<Profile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new ProfileError(path, [
      {
        path: '(file)',
        message: `cannot read: ${(e as Error).message}`,
        fix: 'check the path (relative paths start at the working directory)',
      },
    ]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ProfileError(path, [
      {
        path: '(file)',
        message: `not valid JSON: ${(e as Error).message}`,
        fix: 'fix the JSON syntax',
      },
    ]);
  }
  return parseProfile(json, path);
}

/** JSON with object keys sorted at every level: the canonical form hashed by profileId. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Content id of a profile: the first 16 hex digits of sha256 over its canonical JSON (keys
 * sorted). Independent of key order and formatting; recorded in DeviceInfo.profileId and run
 * manifests. Pass a validated profile so defaults written or omitted give the same id.
 */
export function profileId(profile: Profile | ProfileInput): string {
  return createHash('sha256').update(canonicalJson(profile)).digest('hex').slice(0, 16);
}
