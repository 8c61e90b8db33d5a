import { setEmulatorServer } from '../../src/cli/emulate.js';
import { parseFaultSpec } from './faults.js';
import { servePty } from './serve-pty.js';

/** Plugs the pty board emulator into `analoop emulate`. Safe to call more than once. */
export function registerBoardEmulator(): void {
  setEmulatorServer(async (req) => {
    const server = await servePty({
      link: req.link,
      profile: req.profile,
      faults: parseFaultSpec(req.faults ?? ''),
      telemetryIntervalMs: req.telemetryIntervalMs,
      reconnectDelayMs: req.reconnectDelayMs,
      log: req.log,
      ...(req.seed === undefined ? {} : { seed: req.seed }),
      ...(req.baud === undefined ? {} : { baud: req.baud }),
      ...(req.creditWindow === undefined ? {} : { creditWindow: req.creditWindow }),
    });
    return { closed: server.closed, stop: () => server.stop() };
  });
}
