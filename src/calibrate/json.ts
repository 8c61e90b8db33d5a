/**
 * Measurement records made JSON-friendly for a profile's meta: typed arrays become arrays, Maps
 * and functions are dropped, non-finite numbers become null, and numbers keep 6 significant
 * digits (the estimates are nowhere near that precise, and the file stays readable).
 */
export function roundSig(x: number, digits = 6): number {
  if (!Number.isFinite(x) || x === 0) return x;
  return Number(x.toPrecision(digits));
}

export function jsonSafe(value: unknown, digits = 6): unknown {
  if (typeof value === 'number') return Number.isFinite(value) ? roundSig(value, digits) : null;
  if (value === null || typeof value !== 'object') {
    return typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint'
      ? undefined
      : value;
  }
  if (ArrayBuffer.isView(value))
    return Array.from(value as unknown as ArrayLike<number>, (v) => jsonSafe(v, digits));
  if (Array.isArray(value)) return value.map((v) => jsonSafe(v, digits) ?? null);
  if (value instanceof Map || value instanceof Set) return undefined;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const j = jsonSafe(v, digits);
    if (j !== undefined) out[k] = j;
  }
  return out;
}
