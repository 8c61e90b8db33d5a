/**
 * The board emulator: the board side of the analoop wire protocol with the simulator's physics,
 * in memory (BoardEmulator) or on a socat pseudo-terminal (servePty, `analoop emulate`).
 */
export {
  BoardEmulator,
  MAX_PROBE_REPEATS,
  type BoardCounters,
  type BoardEmulatorOptions,
} from './board-emulator.js';
export {
  bitsFor,
  IDEAL_BITS,
  wireConverter,
  wireConverters,
  type WireConverters,
} from './converters.js';
export {
  FAULT_SPEC_SYNTAX,
  FaultInjector,
  FaultSpecError,
  NO_FAULTS,
  parseFaultSpec,
  type FaultSpec,
  type RequestFate,
  type StallFault,
} from './faults.js';
export { LineRate } from './line-rate.js';
export { openPtyPair, SocatMissingError, type PtyPair } from './pty-pair.js';
export { registerBoardEmulator } from './register.js';
export { ReplyCache } from './reply-cache.js';
export { servePty, type PtyServeOptions, type PtyServer } from './serve-pty.js';
