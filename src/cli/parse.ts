import { InvalidArgumentError } from 'commander';

/** Commander argument parsers that reject bad values with a message naming the fix. */
export function integer(min: number, max = Number.MAX_SAFE_INTEGER) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
      throw new InvalidArgumentError(
        `expected an integer in [${min}, ${max === Number.MAX_SAFE_INTEGER ? '∞' : max}], got "${value}"`,
      );
    }
    return n;
  };
}

export function positiveNumber(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0) {
    throw new InvalidArgumentError(`expected a positive number (e.g. 1e-3), got "${value}"`);
  }
  return n;
}

export function nonNegativeNumber(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0) {
    throw new InvalidArgumentError(`expected a number >= 0, got "${value}"`);
  }
  return n;
}

/** `key=value` pairs collected into an object; numbers, booleans and JSON arrays/objects are converted. */
export function keyValue(
  value: string,
  previous: Record<string, unknown> = {},
): Record<string, unknown> {
  const m = /^([A-Za-z][\w-]*)=(.*)$/.exec(value);
  if (!m) throw new InvalidArgumentError(`expected key=value (e.g. convLayers=4), got "${value}"`);
  const raw = m[2];
  let v: unknown = raw;
  if (/^[[{]/.test(raw)) {
    try {
      v = JSON.parse(raw);
    } catch {
      throw new InvalidArgumentError(`${m[1]}: "${raw}" is not valid JSON (e.g. hidden=[256,128])`);
    }
  } else if (raw === 'true' || raw === 'false') v = raw === 'true';
  else if (raw.trim() !== '' && Number.isFinite(Number(raw))) v = Number(raw);
  return { ...previous, [m[1]]: v };
}

export function commaList(value: string): string[] {
  const items = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (items.length === 0)
    throw new InvalidArgumentError('expected a comma-separated list, got an empty one');
  return items;
}
