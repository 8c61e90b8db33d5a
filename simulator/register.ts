import { z } from 'zod';
import { DeviceError } from '../src/device/errors.js';
import { numberParam, parseDeviceParams, type ParamForms } from '../src/device/params.js';
import { registerDevice, type DeviceFactory } from '../src/device/registry.js';
import { IdealDevice } from './ideal-device.js';
import { loadProfile, paperProfile, PROFILE_NOISE_MODELS } from '../src/profile/index.js';
import { SimDevice } from './sim-device.js';

/**
 * The simulator's URI schemes:
 *   sim:paper?p=16&ep=0.5[&model=gaussian][&seed=3][&rows=..&cols=..&maxBatch=..]
 *   sim:<profile.json>[?seed=1]
 *   ideal:[?rows=..&cols=..&maxBatch=..]
 */

const positiveInt = () => numberParam(z.number().int().positive());
const seedParam = () => numberParam(z.number().int().min(0).max(0xffffffff));

const SEED_FORM = 'seed=<integer 0..4294967295>, e.g. seed=3';
const SIZE_FORMS: ParamForms = {
  rows: 'rows=<positive integer>, outputs per tile, e.g. rows=256',
  cols: 'cols=<positive integer>, inputs per tile, e.g. cols=256',
  maxBatch: 'maxBatch=<positive integer>, e.g. maxBatch=1024',
};

const PAPER_FORMS: ParamForms = {
  p: 'p=<steps per unit, >= 0; 0 = ideal>, e.g. p=16 (4 bits, b = log2 p)',
  ep: 'ep=<error probability in [0, 1); 0 = no noise>, e.g. ep=0.5',
  model: 'model=none|gaussian|laplace|uniform|poisson (default gaussian)',
  seed: SEED_FORM,
  ...SIZE_FORMS,
};
const PaperParams = z.object({
  p: numberParam(z.number().finite().min(0)),
  ep: numberParam(z.number().min(0).lt(1)),
  model: z.enum(PROFILE_NOISE_MODELS).optional(),
  seed: seedParam().optional(),
  rows: positiveInt().optional(),
  cols: positiveInt().optional(),
  maxBatch: positiveInt().optional(),
});

const PROFILE_FORMS: ParamForms = { seed: `${SEED_FORM} (overrides the profile's seed)` };
const ProfileParams = z.object({ seed: seedParam().optional() });

const IdealParams = z.object({
  rows: positiveInt().optional(),
  cols: positiveInt().optional(),
  maxBatch: positiveInt().optional(),
});

export const simFactory: DeviceFactory = {
  describe: 'in-process simulator: the paper preset from (p, EP), or a calibration profile',
  example: 'sim:paper?p=16&ep=0.5&seed=3',
  async open(target, params, uri = `sim:${target}`) {
    if (target === 'paper') {
      const o = parseDeviceParams(uri, params, PaperParams, PAPER_FORMS);
      if (o.ep > 0 && o.p === 0 && (o.model ?? 'gaussian') !== 'none') {
        throw new DeviceError(
          'bad-parameter',
          `${uri}: parameter "ep" = ${o.ep} needs a precision, but p=0; give p > 0 (e.g. p=16) or ep=0`,
          {
            param: 'ep',
          },
        );
      }
      return new SimDevice(paperProfile(o), { source: uri });
    }
    if (target === '') {
      throw new DeviceError(
        'bad-uri',
        `${uri}: say what to simulate: "sim:paper?p=16&ep=0.5" or "sim:<profile.json>"`,
      );
    }
    const o = parseDeviceParams(uri, params, ProfileParams, PROFILE_FORMS);
    const profile = await loadProfile(target);
    return new SimDevice(profile, {
      source: uri,
      ...(o.seed === undefined ? {} : { seed: o.seed }),
    });
  },
};

export const idealFactory: DeviceFactory = {
  describe: 'exact float products, no noise or quantisation',
  example: 'ideal:',
  async open(target, params, uri = `ideal:${target}`) {
    if (target !== '') {
      throw new DeviceError(
        'bad-uri',
        `${uri}: ideal takes no target; write "ideal:" or "ideal:?rows=3&cols=5&maxBatch=4"`,
      );
    }
    return new IdealDevice(parseDeviceParams(uri, params, IdealParams, SIZE_FORMS));
  },
};

/** Register `sim:` and `ideal:` with the device registry. Safe to call more than once. */
export function registerSimulator(): void {
  registerDevice('sim', simFactory);
  registerDevice('ideal', idealFactory);
}
