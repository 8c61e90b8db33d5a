/**
 * Envelope <-> bytes, on the static code protobufjs generates from proto/analoop.proto
 * (proto/generate.sh). The rest of the driver uses the types from here, never the generated
 * module directly, so a regeneration touches one import.
 *
 * 64-bit fields (MatMulRequest.draw, row_offset and source_offset, Telemetry.uptime_ms,
 * Ping.nonce, Pong.nonce and uptime_ms) are JS numbers: exact up to 2^53 - 1, which no counter, clock or
 * nonce of ours reaches. protobufjs still decodes them as Long objects, so decodeEnvelope converts
 * them, and rejects a value above 2^53 - 1 rather than silently rounding it.
 */
import { analoop } from '../../proto/generated/analoop.js';

export { analoop };

/** The generated message classes and enums of package analoop.v1 (runtime values). */
export const v1 = analoop.v1;

// The generated types under short names. Message classes have every scalar field present after
// decoding (proto3 defaults); message-typed fields are null when absent.
export type Hello = analoop.v1.Hello;
export type DeviceInfo = Omit<analoop.v1.DeviceInfo, 'dac' | 'adc' | 'weight'> & {
  dac: Converter | null;
  adc: Converter | null;
  weight: Converter | null;
};
export type Converter = Omit<analoop.v1.Converter, 'range'> & { range: analoop.v1.Range | null };
export type Range = analoop.v1.Range;
export type ProgramWeights = analoop.v1.ProgramWeights;
export type ProgramAck = analoop.v1.ProgramAck;
export type MatMulRequest = analoop.v1.MatMulRequest;
export type MatMulResult = analoop.v1.MatMulResult;
export type TelemetryRequest = analoop.v1.TelemetryRequest;
export type Telemetry = analoop.v1.Telemetry;
export type ProbeRequest = analoop.v1.ProbeRequest;
export type ProbeResult = analoop.v1.ProbeResult;
export type Ping = analoop.v1.Ping;
export type Pong = analoop.v1.Pong;
export type Reset = analoop.v1.Reset;
export type ResetAck = analoop.v1.ResetAck;
/** The Error message (named so it does not shadow the global Error). */
export type ErrorReply = analoop.v1.Error;
export const ErrorCode = analoop.v1.ErrorCode;
export type ErrorCode = analoop.v1.ErrorCode;
export const DeviceKind = analoop.v1.DeviceKind;
export type DeviceKind = analoop.v1.DeviceKind;
export const InputConversion = analoop.v1.InputConversion;
export type InputConversion = analoop.v1.InputConversion;

/** The names of the Envelope's `body` oneof members, e.g. 'matmulRequest'. */
export type BodyKind = NonNullable<analoop.v1.Envelope['body']>;

/** The decoded message type of each body kind. */
export interface BodyTypes {
  hello: Hello;
  deviceInfo: DeviceInfo;
  programWeights: ProgramWeights;
  programAck: ProgramAck;
  matmulRequest: MatMulRequest;
  matmulResult: MatMulResult;
  telemetry: Telemetry;
  probeRequest: ProbeRequest;
  probeResult: ProbeResult;
  ping: Ping;
  pong: Pong;
  reset: Reset;
  resetAck: ResetAck;
  error: ErrorReply;
  telemetryRequest: TelemetryRequest;
}

// Compile-time check that BodyTypes lists exactly the oneof members of the generated code.
type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never]
  ? true
  : false;
const bodyTypesComplete: SameKeys<BodyTypes, Record<BodyKind, unknown>> = true;
void bodyTypesComplete;

/** Every body kind, in field-number order. */
export const BODY_KINDS: readonly BodyKind[] = [
  'hello',
  'deviceInfo',
  'programWeights',
  'programAck',
  'matmulRequest',
  'matmulResult',
  'telemetry',
  'probeRequest',
  'probeResult',
  'ping',
  'pong',
  'reset',
  'resetAck',
  'error',
  'telemetryRequest',
];

/**
 * A decoded envelope: `body` names the member that is set, and switching on it narrows the type,
 * e.g. `if (env.body === 'matmulResult') env.matmulResult.outputCodes`.
 */
export type Envelope = {
  [K in BodyKind]: { requestId: number; body: K } & { [P in K]: BodyTypes[P] } & {
    [P in Exclude<BodyKind, K>]?: null;
  };
}[BodyKind];

/**
 * What encodeEnvelope takes: a plain object with a request id and exactly one body member (the
 * generated narrowed shape; omitted fields take their proto3 defaults).
 */
export type EnvelopeInit = analoop.v1.Envelope.$Shape;

/** Invalid protobuf, an envelope without a body, or a message that cannot be encoded. */
export class CodecError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CodecError';
  }
}

/** Encodes an envelope; throws a CodecError if it has no body or a field has the wrong type. */
export function encodeEnvelope(msg: EnvelopeInit): Uint8Array {
  const problem = v1.Envelope.verify(msg);
  if (problem) throw new CodecError(`cannot encode envelope: ${problem}`);
  if (kindOf(msg) === undefined) throw new CodecError('cannot encode envelope: no body set');
  try {
    return v1.Envelope.encode(msg).finish();
  } catch (e) {
    throw new CodecError(`cannot encode envelope: ${(e as Error).message}`, { cause: e });
  }
}

/**
 * Decodes one envelope (a frame's payload). Throws a CodecError, and nothing else, on any input
 * that is not a valid Envelope with a body; unknown fields are skipped (forward compatibility).
 */
export function decodeEnvelope(bytes: Uint8Array): Envelope {
  let env: analoop.v1.Envelope;
  try {
    env = v1.Envelope.decode(bytes);
  } catch (e) {
    throw new CodecError(`invalid envelope (${bytes.length} bytes): ${describe(e)}`, { cause: e });
  }
  const kind = env.body;
  if (!kind) {
    throw new CodecError(
      `envelope (request id ${env.requestId}, ${bytes.length} bytes) has no body, or one this version does not know`,
    );
  }
  const fields = UINT64_FIELDS[kind];
  if (fields) {
    const body = env[kind] as unknown as Record<string, unknown>;
    for (const f of fields) body[f] = toSafeNumber(body[f], `${kind}.${f}`);
  }
  return env as unknown as Envelope;
}

/** Which body member is set: on a decoded envelope or an EnvelopeInit. Throws if none is. */
export function bodyKind(env: Envelope | EnvelopeInit): BodyKind {
  const kind = kindOf(env);
  if (kind === undefined) throw new CodecError('envelope has no body');
  return kind;
}

function kindOf(env: Envelope | EnvelopeInit): BodyKind | undefined {
  const named = (env as { body?: unknown }).body;
  if (typeof named === 'string' && (BODY_KINDS as readonly string[]).includes(named)) {
    return named as BodyKind;
  }
  const record = env as unknown as Record<string, unknown>;
  return BODY_KINDS.find((k) => record[k] != null);
}

/**
 * The 64-bit fields per body kind (camelCase). test/drivers/serial/codec.test.ts checks this table
 * against proto/analoop.proto, so a new 64-bit field cannot be missed.
 */
export const UINT64_FIELDS: Partial<Record<BodyKind, readonly string[]>> = {
  matmulRequest: ['draw', 'rowOffset', 'sourceOffset'],
  telemetry: ['uptimeMs'],
  ping: ['nonce'],
  pong: ['nonce', 'uptimeMs'],
};

interface LongLike {
  low: number;
  high: number;
  unsigned?: boolean;
}

function toSafeNumber(v: unknown, field: string): number {
  if (typeof v === 'number') return v;
  const l = v as LongLike;
  if (
    v === null ||
    typeof v !== 'object' ||
    typeof l.low !== 'number' ||
    typeof l.high !== 'number'
  ) {
    throw new CodecError(`${field}: expected a 64-bit integer, got ${String(v)}`);
  }
  const high = l.unsigned ? l.high >>> 0 : l.high;
  // 2^53 - 1 is high 0x1fffff, low 0xffffffff; beyond that a number would round.
  if (high > 0x1fffff || high < -0x200000) {
    throw new CodecError(`${field}: 64-bit value beyond 2^53 - 1 is not supported`);
  }
  return high * 2 ** 32 + (l.low >>> 0);
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
