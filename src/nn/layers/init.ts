import type { Param } from '../layer.js';

/**
 * Seeded parameter initialisation. Weights must be reproducible from the run seed alone (a
 * resumed or compared run starts from the same point), so init never touches Math.random.
 */

/** A small 32-bit generator (splitmix32): fast, seedable, good enough for initial weights. */
export function seededUniform(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    z = (z ^ (z >>> 16)) >>> 0;
    return z / 2 ** 32;
  };
}

/** Fill `out` with U(-bound, bound) from `next` (a [0,1) generator). */
export function fillUniformBound(out: Float32Array, bound: number, next: () => number): void {
  for (let i = 0; i < out.length; i++) out[i] = (2 * next() - 1) * bound;
}

/**
 * PyTorch's default for Linear and Conv2d: kaiming_uniform_(a = sqrt(5)) for the weight, which
 * works out to U(-1/sqrt(fanIn), 1/sqrt(fanIn)), and the same bound for the bias.
 */
export function defaultInit(
  weight: Float32Array,
  bias: Float32Array | undefined,
  fanIn: number,
  seed: number,
): void {
  const bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
  const next = seededUniform(seed);
  fillUniformBound(weight, bound, next);
  if (bias) fillUniformBound(bias, bound, next);
}

/** A zeroed parameter with a fresh gradient buffer. */
export function makeParam(name: string, shape: number[], value?: Float32Array): Param {
  let n = 1;
  for (const d of shape) n *= d;
  const v = value ?? new Float32Array(n);
  if (v.length !== n)
    throw new RangeError(`param ${name}: ${v.length} values for shape [${shape}]`);
  return { name, shape: [...shape], value: v, grad: new Float32Array(n), version: 0 };
}
