/**
 * The in-process simulator: the simulated and ideal devices (driven by src/profile's
 * calibration profiles), and registerSimulator() which adds the `sim:` and `ideal:` URI schemes.
 */
export { SimDevice, type SimDeviceOptions } from './sim-device.js';
export { IdealDevice, IDEAL_DEFAULT_SIZE, type IdealDeviceOptions } from './ideal-device.js';
export { idealFactory, registerSimulator, simFactory } from './register.js';
