/**
 * How much of the simulator's conversion chains is noise generation (counter hash, normal
 * sample, the add and its float32 rounding) and how much is quantisation (clamp, RP). Issue 7
 * bounds "noise generation"; bench/train meters whole chains, which do both in one pass, so
 * this splits them: each chain of the MLP step on the paper device (p = 16, EP = 0.5) is timed at
 * its per-step size with its noise and again without it (the same chain minus the noise stage),
 * by CPU time, best of a few rounds, in this process. The noise fraction of the chains times
 * their measured share of the step estimates the noise generation's share.
 */
import { compileChain, type CompiledChain } from '../src/noise/fused.js';
import { deriveKey } from '../src/noise/rng.js';
import { paperProfile } from '../src/profile/index.js';
import { SimDevice } from '../simulator/sim-device.js';
import { round } from './baseline.js';

/** Elements per MLP step (784-256-128-10, batch 128) through each chain of the simulator. */
const MLP_STEP = {
  programWeight: 784 * 256 + 256 * 128 + 128 * 10,
  input: 128 * (784 + 256 + 128),
  read: 128 * (256 + 128 + 10),
} as const;

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** CPU ms of one apply over x, best of `rounds` (each round `reps` applies). */
function best(c: CompiledChain, x: Float32Array, out: Float32Array, rounds = 5, reps = 20): number {
  const key = deriveKey(1, 2, 3);
  let min = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t0 = cpuMs();
    for (let i = 0; i < reps; i++) c.apply(x, key, i * x.length, out);
    min = Math.min(min, (cpuMs() - t0) / reps);
  }
  return min;
}

export interface ChainSplit {
  what: string;
  /** Per chain: CPU ms per step with noise and without. */
  chains: Record<string, { elements: number; msWithNoise: number; msQuantisationOnly: number }>;
  /** (with noise - without) / with noise, over the step's chains. */
  noiseFraction: number;
}

export function chainSplit(): ChainSplit {
  const device = new SimDevice(paperProfile({ p: 16, ep: 0.5 }));
  // A benchmark-only peek at the device's compiled chains, as bench/train's meter does.
  const chains = (device as unknown as { chains: Record<string, CompiledChain> }).chains;
  const out: ChainSplit['chains'] = {};
  let withNoise = 0;
  let without = 0;
  for (const [name, n] of Object.entries(MLP_STEP)) {
    const chain = chains[name]!;
    const quantOnly = compileChain({ pre: chain.chain.pre, post: chain.chain.post });
    const x = Float32Array.from({ length: n }, (_, i) => 1.2 * Math.sin(i * 0.37));
    const y = new Float32Array(n);
    const a = best(chain, x, y);
    const b = best(quantOnly, x, y);
    out[name] = { elements: n, msWithNoise: round(a, 3), msQuantisationOnly: round(b, 3) };
    withNoise += a;
    without += b;
  }
  void device.close();
  return {
    what: "the MLP step's chains on sim:paper?p=16&ep=0.5 at their per-step sizes, with and without their noise stage (CPU ms, best of 5 x 20 applies)",
    chains: out,
    noiseFraction: round(Math.max(0, withNoise - without) / withNoise, 3),
  };
}
