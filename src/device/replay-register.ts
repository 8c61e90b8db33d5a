import { DeviceError } from './errors.js';
import { parseDeviceParams } from './params.js';
import { registerDevice, type DeviceFactory } from './registry.js';
import { ReplayDevice } from './replay-device.js';
import { z } from 'zod';

/** `replay:<trace.jsonl>`: answer products from a trace written by RecordingDevice. */
export const replayFactory: DeviceFactory = {
  describe: 'answers from a recorded trace (RecordingDevice), for exact re-runs in CI',
  example: 'replay:./bench-session.trace.jsonl',
  async open(target, params, uri = `replay:${target}`) {
    parseDeviceParams(uri, params, z.object({}), {});
    if (target === '') {
      throw new DeviceError(
        'bad-uri',
        `${uri}: name the trace file, e.g. "replay:./session.trace.jsonl"`,
      );
    }
    return ReplayDevice.open(target);
  },
};

/** Register the `replay:` scheme. Safe to call more than once. */
export function registerReplay(): void {
  registerDevice('replay', replayFactory);
}
