import { DeviceError } from './errors.js';

/** A device URI split into its parts: `scheme:target?params`. */
export interface DeviceUri {
  /** Lower-case scheme without the colon, e.g. "sim". */
  scheme: string;
  /** Everything between the colon and the first "?", verbatim (a path, a preset name, or ""). */
  target: string;
  params: URLSearchParams;
}

const SCHEME = /^[a-z][a-z0-9+.-]*$/;

/**
 * Split `sim:paper?p=16&ep=0.5`, `sim:./profile.json?seed=1`, `ideal:`,
 * `serial:/dev/ttyUSB0?baud=921600`. The target is kept verbatim (not percent-decoded) so file
 * and port paths mean what they look like; query values are decoded as usual.
 */
export function parseDeviceUri(uri: string): DeviceUri {
  const colon = uri.indexOf(':');
  if (colon <= 0) {
    throw new DeviceError(
      'bad-uri',
      `device URI "${uri}" has no scheme; write scheme:target?key=value, e.g. "sim:paper?p=16&ep=0.5" or "ideal:"`,
    );
  }
  const scheme = uri.slice(0, colon).toLowerCase();
  if (!SCHEME.test(scheme)) {
    throw new DeviceError(
      'bad-uri',
      `device URI "${uri}": scheme "${scheme}" must start with a letter and contain only letters, digits, "+", "-" or "."`,
    );
  }
  const rest = uri.slice(colon + 1);
  const q = rest.indexOf('?');
  const target = q < 0 ? rest : rest.slice(0, q);
  const params = new URLSearchParams(q < 0 ? '' : rest.slice(q + 1));
  return { scheme, target, params };
}
