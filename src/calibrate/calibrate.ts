/**
 * `calibrate(device)`: run the probing steps within a product budget, fit a profile, replay
 * random products on the device and on the fitted profile (goodness of fit), and return the
 * profile with everything measured in its `meta.calibration`. The profile's content hash
 * (profileId, computed over the file as written, meta included) is the calibration id that runs
 * on `sim:<profile.json>` record.
 */
import type { Device } from '../device/device.js';
import { profileId, parseProfile, type Profile } from '../profile/index.js';
import {
  planReplay,
  randomReplayDesign,
  replayCompare,
  type MismatchReport,
  type MismatchThresholds,
} from './compare.js';
import { fitProfile, type FittedProfile, type StepResults } from './fit-profile.js';
import { inferGrid } from './grid.js';
import { jsonSafe } from './json.js';
import { initialKnowledge, type Knowledge } from './knowledge.js';
import { ProbeSession, type ProbeProgress } from './probe-session.js';
import { sweepDac } from './procedures/dac-sweep.js';
import { measureDrift } from './procedures/drift.js';
import { measureEnob } from './procedures/enob.js';
import { measureNoiseSources } from './procedures/noise-sources.js';
import { fitReadNoise, measureReadNoise, type ReadNoiseData } from './procedures/read-noise.js';
import { measureResponse } from './procedures/response-sweep.js';
import { measureWeightError } from './procedures/weight-error.js';
import { simulateProfile, type SimulateProfile } from './simulate.js';
import {
  allocateBudget,
  DEFAULT_BUDGET,
  resolveSteps,
  STEP_NAMES,
  type StepName,
} from './steps.js';
import { unitWeight } from './stimulus.js';
import { summarizeStep } from './summaries.js';

export interface CalibrateOptions {
  /** Total products all steps may spend. Default DEFAULT_BUDGET. */
  budget?: number;
  /** Steps to run (dependencies are added). Default all. */
  steps?: readonly string[];
  /** Tile probed: channels x inputs. Default all rows x min(cols, 16). */
  tileRows?: number;
  tileCols?: number;
  tile?: number;
  /** Seeds the random stimuli (and the simulator noise draws). Default 1. */
  seed?: number;
  clock?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Drift series: total duration and number of measurement times. Default 10 s, 5 points. */
  driftDurationMs?: number;
  driftPoints?: number;
  /** DAC inputs swept (one at a time). Default 1. */
  dacInputs?: number;
  /** How the goodness-of-fit step gets a simulator for the fitted profile. Default `sim:` via the registry. */
  simulate?: SimulateProfile;
  thresholds?: MismatchThresholds;
  /** Profile name, and the device URI recorded in meta. */
  name?: string;
  source?: string;
  onProgress?: (e: ProbeProgress) => void;
  onStep?: (report: StepReport) => void;
}

export interface StepReport {
  step: StepName;
  /** Products spent and allowed. */
  products: number;
  allowance: number;
  seconds: number;
  summary: string;
}

export interface CalibrationResult {
  profile: Profile;
  /** profileId(profile): the calibration id runs record. */
  profileId: string;
  /** profileId of the profile without meta: changes only when a fitted parameter does. */
  physicsId: string;
  steps: StepReport[];
  results: StepResults;
  gof?: MismatchReport;
  assumed: string[];
  totalProducts: number;
  /** Dependencies added to the requested steps. */
  addedSteps: StepName[];
}

export async function calibrate(
  device: Device,
  options: CalibrateOptions = {},
): Promise<CalibrationResult> {
  const { steps, added } = resolveSteps(options.steps ?? STEP_NAMES);
  const session = new ProbeSession(device, {
    ...(options.tileRows === undefined ? {} : { tileRows: options.tileRows }),
    ...(options.tileCols === undefined ? {} : { tileCols: options.tileCols }),
    ...(options.tile === undefined ? {} : { tile: options.tile }),
    seed: options.seed ?? 1,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.sleep ? { sleep: options.sleep } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const info = session.info;
  const budget = options.budget ?? DEFAULT_BUDGET;
  const driftPoints = options.driftPoints ?? 5;
  const driftDurationMs = options.driftDurationMs ?? 10_000;
  const allowance = allocateBudget(budget, steps, session.cols, driftPoints);
  const knowledge: Knowledge = initialKnowledge(info);
  const results: StepResults & { gof?: MismatchReport | { skipped: string } } = {};
  const reports: StepReport[] = [];
  let zeroData: ReadNoiseData | undefined;
  let gof: MismatchReport | undefined;
  let fitted: FittedProfile | undefined;

  const finalFit = () => {
    // The ADC grid from every value seen: the zero products alone may miss adjacent codes, and
    // without the noise step DeviceInfo's bits are only a guess.
    const grid = inferGrid(session.outputs);
    if (grid.distinct >= 3 && grid.precision !== knowledge.adc.precision) {
      knowledge.adc = { precision: grid.precision, range: knowledge.adc.range };
      if (zeroData) results.noise = fitReadNoise(zeroData, knowledge.adc);
    }
    return fitProfile(info, knowledge, results, {
      ...(options.name ? { name: options.name } : {}),
    });
  };

  for (const step of steps) {
    const allowed = allowance[step];
    session.beginStep(step, allowed);
    const t0 = performance.now();
    switch (step) {
      case 'noise': {
        const m = await measureReadNoise(session, knowledge, allowed);
        results.noise = m.result;
        zeroData = m.data;
        break;
      }
      case 'dac':
        results.dac = await sweepDac(session, knowledge, allowed, {
          inputs: options.dacInputs ?? 1,
        });
        break;
      case 'gain':
        results.gain = await measureResponse(session, knowledge, allowed);
        break;
      case 'weights':
        results.weights = await measureWeightError(session, knowledge, allowed);
        if (results.gain) {
          const w0 = unitWeight(info.weightRange);
          results.gain.gainProgrammingRelSe =
            results.weights.programmingSd / (w0 * Math.sqrt(session.cols * results.gain.programs));
        }
        break;
      case 'sources':
        results.sources = await measureNoiseSources(session, knowledge, allowed);
        break;
      case 'enob':
        results.enob = await measureEnob(session, knowledge, allowed);
        break;
      case 'drift':
        results.drift = await measureDrift(session, knowledge, allowed, {
          durationMs: driftDurationMs,
          points: driftPoints,
        });
        break;
      case 'gof': {
        fitted = finalFit();
        const simulate = options.simulate ?? simulateProfile;
        let sim: Device | undefined;
        try {
          sim = await simulate(fitted.profile);
        } catch (e) {
          results.gof = {
            skipped: `no simulator for the fitted profile (${(e as Error).message})`,
          };
        }
        if (sim) {
          try {
            const plan = planReplay(allowed);
            const design = randomReplayDesign(
              session,
              plan.vectors,
              Math.floor(allowed / plan.vectors),
            );
            gof = await replayCompare(session, sim, design, options.thresholds);
            results.gof = gof;
          } finally {
            await sim.close();
          }
        }
        break;
      }
    }
    const products = session.endStep();
    const report: StepReport = {
      step,
      products,
      allowance: allowed,
      seconds: (performance.now() - t0) / 1000,
      summary: summarizeStep(step, results),
    };
    reports.push(report);
    options.onStep?.(report);
  }

  fitted ??= finalFit();
  const physicsId = profileId(fitted.profile);
  const { gof: _gof, ...measured } = results;
  void _gof;
  const meta = {
    calibration: jsonSafe({
      tool: 'analoop calibrate',
      date: new Date().toISOString(),
      device: { ...(options.source ? { uri: options.source } : {}), ...info },
      settings: {
        budget,
        steps,
        addedSteps: added,
        tile: { rows: session.rows, cols: session.cols, id: session.tile },
        seed: options.seed ?? 1,
        driftDurationMs: steps.includes('drift') ? driftDurationMs : undefined,
        driftPoints: steps.includes('drift') ? driftPoints : undefined,
        allowance,
      },
      products: Object.fromEntries([
        ...reports.map((r) => [r.step, r.products]),
        ['total', session.totalProducts],
      ]),
      physicsId,
      measured: {
        ...measured,
        ...(measured.gain ? { gain: { ...measured.gain, fit: undefined } } : {}),
      },
      goodnessOfFit: {
        response: results.gain
          ? {
              chi2: results.gain.chi2,
              dof: results.gain.dof,
              standardisedResiduals: results.gain.standardised,
              residuals: results.gain.residuals,
            }
          : undefined,
        dacSweep: results.dac
          ? { residualSd: results.dac.residualSd, table: results.dac.choice.table }
          : undefined,
        weightReadback: results.weights
          ? {
              errorMean: results.weights.errorMean,
              errorRms: results.weights.errorRms,
              readbackSe: results.weights.readbackSe,
            }
          : undefined,
        replay: results.gof ?? { skipped: 'the gof step was not run' },
      },
      assumed: fitted.assumed,
    }),
  };
  // Round-trip through JSON so the id is that of the file as written and read back.
  const profile = parseProfile(
    JSON.parse(JSON.stringify({ ...fitted.profile, meta })),
    'fitted profile',
  );
  return {
    profile,
    profileId: profileId(profile),
    physicsId,
    steps: reports,
    results,
    ...(gof ? { gof } : {}),
    assumed: fitted.assumed,
    totalProducts: session.totalProducts,
    addedSteps: added,
  };
}
