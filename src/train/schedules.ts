/**
 * Learning-rate schedules as pure functions of the training position, so a resumed run gets
 * exactly the rate an uninterrupted one would (no scheduler object whose state must be saved).
 *
 * Spec strings (CLI `--schedule`), case-insensitive:
 *
 *   constant                  lr = base
 *   step:k[:gamma]            lr = base * gamma^floor(epoch / k)           (gamma defaults to 0.1)
 *   cosine[:min[:epochs]]     lr = min + (base - min) (1 + cos(pi e / E)) / 2, e the fractional
 *                             epoch (updated every iteration), E = `epochs` or the run's length;
 *                             min (absolute, default 0) is held once e >= E
 *   ...+warmup:w              any of the above times a linear ramp over the first w epochs
 *                             (w may be fractional): factor (g + 1) / W at global iteration g,
 *                             W = round(w * itersPerEpoch), so the first step is not wasted at 0
 *
 * Examples: `step:30:0.1`, `cosine`, `cosine:1e-5`, `cosine:0:200+warmup:5`.
 */

export type ScheduleSpec = (
  | { kind: 'constant' }
  | { kind: 'step'; every: number; gamma: number }
  /** epochs: the cosine's length; undefined = the run's number of epochs. */
  | { kind: 'cosine'; minLr: number; epochs?: number }
) & {
  /** Length of the linear warm-up, in epochs; 0 for none. */
  warmupEpochs: number;
};

/** Where training is: epoch and iteration are 0-based. */
export interface SchedulePosition {
  epoch: number;
  /** Batch index within the epoch. */
  iteration: number;
  itersPerEpoch: number;
  /** Total epochs of the run (the default length of a cosine). */
  epochs: number;
}

export const SCHEDULE_FORMS: readonly string[] = [
  'constant',
  'step:k[:gamma]',
  'cosine[:min[:epochs]]',
  "suffix '+warmup:w' (w epochs of linear warm-up) on any of them",
];

export class ScheduleSpecError extends Error {
  override name = 'ScheduleSpecError';
}

/** The learning rate at a position, for a base (peak) rate. */
export function learningRate(spec: ScheduleSpec, baseLr: number, at: SchedulePosition): number {
  const ipe = Math.max(1, at.itersPerEpoch);
  const e = at.epoch + at.iteration / ipe;
  let lr: number;
  switch (spec.kind) {
    case 'constant':
      lr = baseLr;
      break;
    case 'step':
      lr = baseLr * spec.gamma ** Math.floor(e / spec.every);
      break;
    case 'cosine': {
      const total = spec.epochs ?? at.epochs;
      lr =
        e >= total || !(total > 0)
          ? spec.minLr
          : spec.minLr + (baseLr - spec.minLr) * 0.5 * (1 + Math.cos((Math.PI * e) / total));
      break;
    }
  }
  if (spec.warmupEpochs > 0) {
    const w = Math.max(1, Math.round(spec.warmupEpochs * ipe));
    const g = at.epoch * ipe + at.iteration;
    if (g < w) lr *= (g + 1) / w;
  }
  return lr;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function fail(text: string, problem: string): never {
  throw new ScheduleSpecError(
    `invalid schedule '${text}': ${problem}. Valid forms: ${SCHEDULE_FORMS.join(', ')}`,
  );
}

function num(
  text: string,
  arg: string,
  what: string,
  ok: (v: number) => boolean,
  need: string,
): number {
  if (!NUMBER.test(arg)) fail(text, `${what} '${arg}' is not a number`);
  const v = Number(arg);
  if (!Number.isFinite(v) || !ok(v)) fail(text, `${what} ${arg} must be ${need}`);
  return v;
}

/** Parses a CLI schedule string (see the module comment for the grammar). */
export function parseSchedule(text: string): ScheduleSpec {
  const src = text.trim().toLowerCase();
  if (src === '') fail(text, 'empty string');
  // Split before '+<letter>' only, so '1e+5' stays a number.
  const parts = src.split(/\+(?=[a-z])/);
  let warmupEpochs = 0;
  for (const extra of parts.slice(1)) {
    const [key, ...args] = extra.split(':');
    if (key !== 'warmup' || args.length !== 1) {
      fail(text, `'+${extra}' not understood; the only suffix is '+warmup:w'`);
    }
    warmupEpochs = num(text, args[0], 'warm-up epochs w', (v) => v >= 0, '>= 0');
  }
  const [family, ...args] = parts[0].split(':');
  const nargs = (max: number, usage: string) => {
    if (args.length > max) fail(text, `'${family}' takes ${usage}`);
  };
  switch (family) {
    case 'constant':
      nargs(0, 'no arguments');
      return { kind: 'constant', warmupEpochs };
    case 'step': {
      nargs(2, 'k (epochs between decays) and an optional gamma');
      if (args.length < 1) fail(text, "'step' needs k, the epochs between decays (step:30:0.1)");
      const every = num(text, args[0], 'k', (v) => v > 0, '> 0');
      const gamma = args.length > 1 ? num(text, args[1], 'gamma', (v) => v > 0, '> 0') : 0.1;
      return { kind: 'step', every, gamma, warmupEpochs };
    }
    case 'cosine': {
      nargs(2, 'an optional minimum lr and an optional length in epochs');
      const minLr = args.length > 0 ? num(text, args[0], 'minimum lr', (v) => v >= 0, '>= 0') : 0;
      const spec: ScheduleSpec = { kind: 'cosine', minLr, warmupEpochs };
      if (args.length > 1) spec.epochs = num(text, args[1], 'epochs', (v) => v > 0, '> 0');
      return spec;
    }
    default:
      fail(text, `unknown schedule '${family}'`);
  }
}

/** The canonical spec string; parseSchedule(scheduleName(s)) equals s. */
export function scheduleName(spec: ScheduleSpec): string {
  let s: string;
  switch (spec.kind) {
    case 'constant':
      s = 'constant';
      break;
    case 'step':
      s = `step:${spec.every}:${spec.gamma}`;
      break;
    case 'cosine':
      s = 'cosine';
      if (spec.minLr !== 0 || spec.epochs !== undefined) s += `:${spec.minLr}`;
      if (spec.epochs !== undefined) s += `:${spec.epochs}`;
      break;
  }
  return spec.warmupEpochs > 0 ? `${s}+warmup:${spec.warmupEpochs}` : s;
}
