import type { ForwardContext, Layer } from '../../src/nn/layer.js';
import type { Tensor } from '../../src/nn/tensor.js';

/**
 * Central finite differences of the scalar L = sum(forward(x) * probe) against a layer's
 * analytic backward(probe), for the input and for every parameter. Run in float32 data, so
 * use eps ~ 1e-2..1e-3 and compare with a relative tolerance of a few 1e-3.
 */
export interface GradcheckResult {
  /** Largest |analytic - numeric| / max(1, |numeric|) over the checked entries. */
  maxRelError: number;
  worst: string;
}

function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

export async function gradcheck(
  layer: Layer,
  x: Tensor,
  ctx: ForwardContext,
  opts: { eps?: number; probeSeed?: number; maxEntries?: number } = {},
): Promise<GradcheckResult> {
  const eps = opts.eps ?? 1e-2;
  const maxEntries = opts.maxEntries ?? 64;
  const y0 = await layer.forward(x, ctx);
  // A fixed pseudo-random probe makes every output element matter.
  const probe = new Float32Array(y0.data.length);
  let s = (opts.probeSeed ?? 7) >>> 0;
  for (let i = 0; i < probe.length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    probe[i] = s / 2 ** 32 - 0.5;
  }
  for (const p of layer.params()) p.grad.fill(0);
  await layer.forward(x, ctx);
  const dx = layer.backward({ data: probe.slice(), shape: y0.shape });
  const analyticParams = layer.params().map((p) => p.grad.slice());

  const loss = async () => dot((await layer.forward(x, ctx)).data, probe);
  let maxRelError = 0;
  let worst = '';
  const check = async (
    name: string,
    arr: Float32Array,
    analytic: Float32Array,
    bump: () => void,
  ) => {
    const stride = Math.max(1, Math.floor(arr.length / maxEntries));
    for (let i = 0; i < arr.length; i += stride) {
      const orig = arr[i];
      arr[i] = orig + eps;
      bump();
      const lp = await loss();
      arr[i] = orig - eps;
      bump();
      const lm = await loss();
      arr[i] = orig;
      bump();
      const numeric = (lp - lm) / (2 * eps);
      const err = Math.abs(analytic[i] - numeric) / Math.max(1, Math.abs(numeric));
      if (err > maxRelError) {
        maxRelError = err;
        worst = `${name}[${i}]: analytic ${analytic[i]}, numeric ${numeric}`;
      }
    }
  };
  await check('input', x.data, dx.data, () => {});
  const params = layer.params();
  for (let k = 0; k < params.length; k++) {
    const p = params[k];
    await check(p.name, p.value, analyticParams[k], () => {
      p.version++;
    });
  }
  return { maxRelError, worst };
}
