import type { NoiseModel } from '../noise/index.js';
import { parseProfile, PROFILE_SCHEMA_ID, type Profile, type ProfileInput } from './profile.js';

export interface PaperProfileOptions {
  /** Precision p: steps per unit value for inputs, weights and outputs (16 = 4 bits in the paper's convention). 0 = ideal. */
  p: number;
  /** Error probability in [0, 1) of every noise block; 0 = no noise. */
  ep: number;
  /** Noise distribution of every block; default 'gaussian' (the paper's). */
  model?: NoiseModel;
  /** Array size; default PAPER_ARRAY_SIZE (see there for why it is large). */
  rows?: number;
  cols?: number;
  /** Largest batch per call; default PAPER_MAX_BATCH. */
  maxBatch?: number;
  seed?: number;
}

/**
 * Default array size of the paper preset. The paper quantises each layer's whole product once
 * (one aod block per layer). A tiled device instead converts every column tile's partial sum
 * separately and adds them digitally, which quantises and adds noise several times: a different
 * experiment. 8192 x 8192 holds every layer of the paper's models in one tile (the widest is
 * VGG's 3x3 conv over 512 channels, 4608 inputs), so the preset behaves like the paper. Memory
 * is only used for the matrices actually programmed. Pass rows/cols to study tiling effects.
 */
export const PAPER_ARRAY_SIZE = 8192;
/** Default largest batch of the paper preset (the paper trains with batch 1024 at most). */
export const PAPER_MAX_BATCH = 4096;

/**
 * The paper's quantised-noise setting from (p, EP) alone, as a profile:
 * inputs (doa) Clamp[-1, 1] -> RP(p) -> Noise(EP, p); weights Clamp[-1, 1] -> RP(p) -> Noise(EP, p)
 * re-sampled every draw; outputs (aod) Noise(EP, p) -> Clamp[-1, 1] -> RP(p). No programming
 * noise, unit gain, zero offset, no nonlinearity, no drift. The DAC converts 'per-source': the
 * paper adds input noise once per input element, before a convolution, so every im2col copy of
 * a pixel carries the same noise and padding stays an exact 0 (method.md section 3).
 */
export function paperProfile(options: PaperProfileOptions): Profile {
  const { p, ep, model = 'gaussian', seed = 0 } = options;
  const noisy = model !== 'none' && ep !== 0;
  const block = noisy ? ({ model, ep } as const) : ({ model: 'none' } as const);
  const conv = { range: [-1, 1] as [number, number], precision: p };
  const input: ProfileInput = {
    schema: PROFILE_SCHEMA_ID,
    name: `paper-p${p}-ep${ep}-${noisy ? model : 'none'}`,
    description:
      'Shah & Youngblood quantised-noise blocks: doa Clamp->RP->Noise, weights Clamp->RP->Noise per draw, aod Noise->Clamp->RP',
    array: {
      rows: options.rows ?? PAPER_ARRAY_SIZE,
      cols: options.cols ?? PAPER_ARRAY_SIZE,
      maxBatch: options.maxBatch ?? PAPER_MAX_BATCH,
    },
    dac: { ...conv, conversion: 'per-source' },
    adc: conv,
    weights: conv,
    noise: { programming: { model: 'none' }, weight: block, input: block, read: block },
    channels: { gain: 1, offset: 0, gainDriftPerHour: 0 },
    seed,
  };
  return parseProfile(input, `preset paper (p=${p}, ep=${ep}, model=${model})`);
}
