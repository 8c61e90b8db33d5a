/** A dense row-major float32 tensor. Shapes are [batch, ...] for activations. */
export interface Tensor {
  data: Float32Array;
  shape: number[];
}

export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

export function tensor(shape: number[], data?: Float32Array): Tensor {
  const n = sizeOf(shape);
  if (data && data.length !== n) {
    throw new RangeError(`tensor: data has ${data.length} elements, shape [${shape}] needs ${n}`);
  }
  return { data: data ?? new Float32Array(n), shape: [...shape] };
}
