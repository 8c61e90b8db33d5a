/**
 * The assumed hardware path of method.md section 5, computed on the host:
 *
 *   x~ = RP(Clamp(Noise(x))),  w~ = RP(Clamp(Noise(w))),  z~ = RP(Clamp(Noise(x~ w~)))
 *
 * Clamp to [-1, 1], RP at precision p, Noise at error probability EP for the chosen model. The
 * noise is drawn the way an array sees it (and the way the paper's own script draws it): each
 * x value gets one input-noise sample per draw, shared by its whole row of products, each w
 * value one weight-noise sample per draw, shared by its column, and each product its own output
 * noise. So a draw has the structure of one physical forward pass, and a Device produces the
 * same structure (device-products.ts). All noise is counter-based: draw d of grid g uses the keys
 * deriveKey(seed, site, g, d), so a map is reproducible from its seed alone.
 */
import {
  addNoise,
  clamp,
  deriveKey,
  reducePrecision,
  resolveNoise,
  type NoiseModel,
  type NoiseSpec,
} from '../noise/index.js';
import type { GridProducts, ProductSource } from './product-source.js';

/** Noise sites (the second part of every key). */
const SITE = { input: 1, weight: 2, output: 3 } as const;

export interface AssumedModelOptions {
  /** Precision (steps per unit) of every RP. */
  p: number;
  /** Error probability of every noise block; 0 = quantisation only. */
  ep: number;
  model?: NoiseModel;
  seed?: number;
}

/** The noise spec the chain uses, resolved from (model, EP, p). */
export function assumedNoiseSpec(options: AssumedModelOptions): NoiseSpec {
  const { p, ep, model = 'gaussian' } = options;
  if (!(Number.isFinite(p) && p > 0))
    throw new RangeError(`assumed model: p must be > 0, got ${p}`);
  if (model === 'none' || ep === 0) return { model: 'none', scale: 0 };
  const r = resolveNoise({ model, ep, p });
  return { model: r.model, scale: r.scale, p };
}

/** Clamp[-1, 1] then RP(p), in place. */
function quantise(v: Float32Array, p: number): Float32Array {
  return reducePrecision(clamp(v, -1, 1), p);
}

/** The assumed chain as a ProductSource. */
export function assumedModelProducts(options: AssumedModelOptions): ProductSource {
  const { p, ep, model = 'gaussian', seed = 0 } = options;
  const spec = assumedNoiseSpec(options);
  return {
    label: `assumed ${spec.model === 'none' ? 'noise-free' : model} chain, p=${p}, EP=${ep}`,
    async grid(xs, ws, gridId): Promise<GridProducts> {
      const nx = xs.length;
      const nw = ws.length;
      return {
        async draw(d) {
          const x = Float32Array.from(xs);
          const w = Float32Array.from(ws);
          quantise(addNoise(spec, x, deriveKey(seed, SITE.input, gridId, d), 0), p);
          quantise(addNoise(spec, w, deriveKey(seed, SITE.weight, gridId, d), 0), p);
          const z = new Float32Array(nx * nw);
          for (let i = 0; i < nx; i++) {
            const xi = x[i]!;
            const o = i * nw;
            for (let j = 0; j < nw; j++) z[o + j] = xi * w[j]!;
          }
          return quantise(addNoise(spec, z, deriveKey(seed, SITE.output, gridId, d), 0), p);
        },
      };
    },
  };
}
