import { z } from 'zod';
import { DeviceError } from '../../src/device/errors.js';
import { numberParam, parseDeviceParams, type ParamForms } from '../../src/device/params.js';
import { registerDevice, type DeviceFactory } from '../../src/device/registry.js';
import { SerialDevice } from './serial-device.js';
import type { SerialBinding } from './transport.js';

/**
 * The `serial:` device scheme: a board on a serial port (or the emulator's pseudo-terminal).
 *
 *   serial:/dev/ttyUSB0?baud=921600&timeout=2000&retries=3
 *   serial:./board.tty
 */

const FORMS: ParamForms = {
  baud: 'baud=<line rate in bit/s>, e.g. baud=921600 (default 921600; a pty ignores it)',
  timeout:
    'timeout=<ms>, margin added to each request deadline on top of wire and board time (default 1000)',
  retries: 'retries=<0..20>, resends with the same request id before a timeout error (default 3)',
  heartbeat: 'heartbeat=<ms>, ping after this long idle; 0 = off (default 3000)',
  telemetry: 'telemetry=<ms>, request board telemetry this often; 0 = off (default 10000)',
  reconnect:
    'reconnect=<ms>, keep reopening a lost port this long; 0 = fail at once (default 30000)',
  lowLatency: 'lowLatency=0|1, ask for FTDI low-latency mode (default 1)',
  wexp: 'wexp=<0..30>, photonic boards: allow weights up to 2^wexp by power-of-two scaling (default 0)',
};

const nonNegativeInt = () => numberParam(z.number().int().min(0));

const Params = z.object({
  baud: numberParam(z.number().int().positive().max(20_000_000)).optional(),
  timeout: nonNegativeInt().optional(),
  retries: numberParam(z.number().int().min(0).max(20)).optional(),
  heartbeat: nonNegativeInt().optional(),
  telemetry: nonNegativeInt().optional(),
  reconnect: nonNegativeInt().optional(),
  lowLatency: z.enum(['0', '1', 'true', 'false']).optional(),
  wexp: numberParam(z.number().int().min(0).max(30)).optional(),
});

export interface SerialDriverOptions {
  /** serialport binding for every port this factory opens (tests: the mock). */
  binding?: SerialBinding;
}

/** A `serial:` factory; `registerSerialDriver` registers the default one. */
export function createSerialFactory(options: SerialDriverOptions = {}): DeviceFactory {
  return {
    describe: 'a board on a serial port (USB-serial or the emulator pty), wire protocol v1',
    example: 'serial:/dev/ttyUSB0?baud=921600',
    async open(target, params, uri = `serial:${target}`) {
      if (target === '') {
        throw new DeviceError(
          'bad-uri',
          `${uri}: name the port, e.g. "serial:/dev/ttyUSB0?baud=921600" or "serial:./board.tty"`,
        );
      }
      const o = parseDeviceParams(uri, params, Params, FORMS);
      return SerialDevice.open(target, {
        baudRate: o.baud ?? 921_600,
        source: uri,
        ...(options.binding ? { binding: options.binding } : {}),
        ...(o.timeout === undefined ? {} : { timeoutMs: o.timeout }),
        ...(o.retries === undefined ? {} : { retries: o.retries }),
        ...(o.heartbeat === undefined ? {} : { heartbeatMs: o.heartbeat }),
        ...(o.telemetry === undefined ? {} : { telemetryMs: o.telemetry }),
        ...(o.reconnect === undefined ? {} : { reconnectMs: o.reconnect }),
        ...(o.lowLatency === undefined
          ? {}
          : { lowLatency: o.lowLatency === '1' || o.lowLatency === 'true' }),
        ...(o.wexp === undefined ? {} : { weightExponent: o.wexp }),
      });
    },
  };
}

const defaultFactory = createSerialFactory();

/**
 * Register `serial:` with the device registry. Without options it is idempotent; with options
 * (e.g. a mock binding in tests) it replaces whatever `serial:` factory was registered.
 */
export function registerSerialDriver(options?: SerialDriverOptions): void {
  if (!options) registerDevice('serial', defaultFactory);
  else registerDevice('serial', createSerialFactory(options), { replace: true });
}
