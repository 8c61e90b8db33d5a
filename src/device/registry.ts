import type { Device } from './device.js';
import { DeviceError } from './errors.js';
import { parseDeviceUri } from './uri.js';

/**
 * The URI -> Device registry. Implementations outside `src/` (the simulator, the serial driver,
 * replay) register a factory for their scheme, so `src/` never imports them; the CLI wires them
 * in by calling their `register*()` function once.
 */

export interface DeviceFactory {
  /** One line: what this scheme opens. */
  describe: string;
  /** A URI that works, shown when a user gets the scheme wrong. */
  example: string;
  /**
   * Open a device. `target` is the URI between "scheme:" and "?"; `params` the query.
   * Validate params with `parseDeviceParams` so errors have the common shape.
   */
  open(target: string, params: URLSearchParams, uri: string): Promise<Device>;
}

export interface DeviceSchemeInfo {
  scheme: string;
  describe: string;
  example: string;
}

const factories = new Map<string, DeviceFactory>();

/**
 * Register `factory` for `scheme` (without the colon, case-insensitive). Registering a different
 * factory for a taken scheme is an error unless `replace` is set; registering the same factory
 * object again is a no-op, so register functions may be called more than once.
 */
export function registerDevice(
  scheme: string,
  factory: DeviceFactory,
  options: { replace?: boolean } = {},
): void {
  const key = scheme.replace(/:$/, '').toLowerCase();
  if (!/^[a-z][a-z0-9+.-]*$/.test(key)) {
    throw new DeviceError(
      'bad-uri',
      `cannot register scheme "${scheme}": use letters, digits, "+", "-", "."`,
    );
  }
  const existing = factories.get(key);
  if (existing && existing !== factory && !options.replace) {
    throw new DeviceError(
      'duplicate-scheme',
      `device scheme "${key}:" is already registered (${existing.describe}); pass { replace: true } to override it`,
    );
  }
  factories.set(key, factory);
}

/** Remove a scheme (mainly for tests and plugins that unload). Returns whether it existed. */
export function unregisterDevice(scheme: string): boolean {
  return factories.delete(scheme.replace(/:$/, '').toLowerCase());
}

/** The registered schemes with their description and example URI, sorted by scheme. */
export function listDeviceSchemes(): DeviceSchemeInfo[] {
  return [...factories.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([scheme, f]) => ({ scheme, describe: f.describe, example: f.example }));
}

/**
 * Open the device a URI names, e.g. `sim:paper?p=16&ep=0.5&seed=3`, `sim:./profile.json`,
 * `ideal:`. Throws `DeviceError` ('bad-uri', 'unknown-scheme' listing the registered schemes
 * with examples, or whatever the factory reports, typically 'bad-parameter').
 */
export async function openDevice(uri: string): Promise<Device> {
  const { scheme, target, params } = parseDeviceUri(uri);
  const factory = factories.get(scheme);
  if (!factory) {
    const known = listDeviceSchemes();
    const list = known.length
      ? known.map((s) => `  ${s.scheme}: ${s.describe} (e.g. ${s.example})`).join('\n')
      : '  (none: the simulator and drivers register themselves, e.g. registerSimulator())';
    throw new DeviceError(
      'unknown-scheme',
      `unknown device scheme "${scheme}:" in "${uri}"; registered schemes:\n${list}`,
    );
  }
  return factory.open(target, params, uri);
}
