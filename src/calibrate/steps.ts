/**
 * The calibration steps, their order and dependencies, and how a product budget is shared
 * among them. Every step has a minimum below which its estimate is meaningless; past the
 * minimums the budget is split by fixed shares, weighted toward the steps whose estimates
 * the simulator's fidelity depends on most (gain and offset, then the noise sources).
 */
export const STEP_NAMES = [
  'noise',
  'dac',
  'gain',
  'weights',
  'sources',
  'enob',
  'drift',
  'gof',
] as const;
export type StepName = (typeof STEP_NAMES)[number];

export const STEP_DESCRIPTIONS: Record<StepName, string> = {
  noise: 'read noise and ADC grid from repeated all-zero products',
  dac: 'DAC transfer sweep: one input over its range, precision from the staircase',
  gain: 'per-channel gain and offset and the output nonlinearity, from a level sweep',
  weights: 'weight precision and programming error, read back with basis inputs',
  sources: 'input noise and weight noise, from what they multiply',
  enob: 'effective number of bits of the output path, from single products',
  drift: 'gain and offset over a timed series after one programming',
  gof: 'goodness of fit: random products replayed on the device and on the fitted profile',
};

/** Steps a step needs first (what it reads from Knowledge). */
export const STEP_DEPENDS: Record<StepName, readonly StepName[]> = {
  noise: [],
  dac: [],
  gain: ['noise', 'dac'],
  weights: ['gain'],
  sources: ['noise', 'gain'],
  enob: ['gain'],
  drift: ['gain'],
  gof: [],
};

const SHARE: Record<StepName, number> = {
  noise: 0.12,
  dac: 0.1,
  gain: 0.24,
  weights: 0.16,
  sources: 0.16,
  enob: 0.04,
  drift: 0.1,
  gof: 0.08,
};

/** Default total budget: about 10 s on a 921600 baud line for a 16 x 16 tile at 8-bit codes. */
export const DEFAULT_BUDGET = 40_000;

export function isStepName(s: string): s is StepName {
  return (STEP_NAMES as readonly string[]).includes(s);
}

/** The requested steps plus their dependencies, in execution order; `added` lists the dependencies pulled in. */
export function resolveSteps(requested: readonly string[]): {
  steps: StepName[];
  added: StepName[];
} {
  const bad = requested.filter((s) => !isStepName(s));
  if (bad.length) {
    throw new RangeError(
      `unknown calibration step${bad.length > 1 ? 's' : ''} ${bad.map((b) => `"${b}"`).join(', ')}; steps are ${STEP_NAMES.join(', ')}`,
    );
  }
  const want = new Set<StepName>();
  const visit = (s: StepName) => {
    if (want.has(s)) return;
    want.add(s);
    for (const d of STEP_DEPENDS[s]) visit(d);
  };
  for (const s of requested as StepName[]) visit(s);
  const steps = STEP_NAMES.filter((s) => want.has(s));
  return { steps, added: steps.filter((s) => !requested.includes(s)) };
}

/** The fewest products each step can work with on a tile with `cols` inputs. */
export function minimumProducts(step: StepName, cols: number, driftPoints: number): number {
  switch (step) {
    case 'noise':
    case 'dac':
    case 'gain':
      return 64;
    case 'weights':
      return 2 * cols;
    case 'sources':
      return 128;
    case 'enob':
      return 32;
    case 'drift':
      return 2 * Math.max(2, driftPoints) * 6;
    case 'gof':
      return 32;
  }
}

/**
 * Products per step: each its minimum, and the rest of the budget by share. Throws, naming the
 * smallest workable budget, when the minimums do not fit.
 */
export function allocateBudget(
  budget: number,
  steps: readonly StepName[],
  cols: number,
  driftPoints: number,
): Record<StepName, number> {
  const mins = steps.map((s) => minimumProducts(s, cols, driftPoints));
  const need = mins.reduce((a, b) => a + b, 0);
  if (!(budget >= need)) {
    throw new RangeError(
      `--budget ${budget} is too small for steps ${steps.join(',')} on a tile with ${cols} inputs: they need at least ${need} products; raise --budget to ${need} or more, or run fewer --steps`,
    );
  }
  const shares = steps.reduce((a, s) => a + SHARE[s], 0);
  const spare = budget - need;
  const out = {} as Record<StepName, number>;
  steps.forEach((s, i) => (out[s] = mins[i]! + Math.floor((spare * SHARE[s]) / shares)));
  return out;
}
