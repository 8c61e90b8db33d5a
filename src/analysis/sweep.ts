/**
 * Parameter grids for the analysis commands: `a:b:step` sweeps, comma lists, and linspace. A
 * sweep is computed as a + k step (not by repeated addition) and rounded to 12 significant
 * digits, so `0:1:0.1` gives exactly 0, 0.1, ..., 1 and the end point is never lost to
 * floating-point drift.
 */

/** n evenly spaced values from lo to hi inclusive (n >= 2; n = 1 gives [lo]). */
export function linspace(lo: number, hi: number, n: number): Float64Array {
  if (!Number.isInteger(n) || n < 1)
    throw new RangeError(`linspace: n must be an integer >= 1, got ${n}`);
  const out = new Float64Array(n);
  if (n === 1) {
    out[0] = lo;
    return out;
  }
  const step = (hi - lo) / (n - 1);
  for (let k = 0; k < n; k++) out[k] = lo + k * step;
  out[n - 1] = hi;
  return out;
}

function tidy(v: number): number {
  return Number(v.toPrecision(12));
}

/** Values of the sweep `start:stop:step` (inclusive of stop when it lies on the grid). */
export function sweepValues(start: number, stop: number, step: number): number[] {
  if (![start, stop, step].every(Number.isFinite) || step <= 0 || stop < start) {
    throw new RangeError(
      `sweep ${start}:${stop}:${step}: need finite numbers with step > 0 and stop >= start (e.g. 0:1:0.1)`,
    );
  }
  const n = Math.floor((stop - start) / step + 1e-9);
  if (n > 1_000_000)
    throw new RangeError(`sweep ${start}:${stop}:${step} has more than 10^6 values`);
  const out: number[] = [];
  for (let k = 0; k <= n; k++) out.push(tidy(start + k * step));
  return out;
}

/**
 * Parses `a:b:step` (a sweep) or `v1,v2,...` (a list) into numbers. A single number is a
 * one-element list.
 */
export function parseNumberSpec(text: string): number[] {
  const s = text.trim();
  if (s.includes(':')) {
    const parts = s.split(':');
    if (parts.length !== 3)
      throw new RangeError(`"${text}": a sweep is start:stop:step, e.g. 0:1:0.1`);
    const [a, b, c] = parts.map((p) => parseNumber(p, text));
    return sweepValues(a!, b!, c!);
  }
  const items = s
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (items.length === 0)
    throw new RangeError(`"${text}": expected a number list (0.2,0.5) or a sweep (0:1:0.1)`);
  return items.map((p) => parseNumber(p, text));
}

function parseNumber(p: string, whole: string): number {
  const v = Number(p.trim());
  if (p.trim() === '' || !Number.isFinite(v)) {
    throw new RangeError(
      `"${whole}": "${p}" is not a number (use a list 0.2,0.5 or a sweep 0:1:0.1)`,
    );
  }
  return v;
}
