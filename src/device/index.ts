/**
 * The device seam: the Device interface, the URI registry that implementations register into,
 * and the tiling helper every analog layer uses.
 */
export type {
  Device,
  DeviceInfo,
  DeviceKind,
  InputConversion,
  ProductContext,
  Range,
  Telemetry,
  TileId,
} from './device.js';
export { DeviceError, type DeviceErrorCode } from './errors.js';
export { parseDeviceUri, type DeviceUri } from './uri.js';
export { numberParam, parseDeviceParams, type ParamForms } from './params.js';
export {
  listDeviceSchemes,
  openDevice,
  registerDevice,
  unregisterDevice,
  type DeviceFactory,
  type DeviceSchemeInfo,
} from './registry.js';
export { getTileAllocator, TileAllocator, TiledMatrix } from './tiling.js';
