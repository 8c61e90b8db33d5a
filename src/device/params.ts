import { z } from 'zod';
import { DeviceError } from './errors.js';

/**
 * Validation of URI query parameters with zod, shared by every device factory so that all
 * schemes report a bad parameter the same way: its name, the value given, and the valid form.
 */

/** How one parameter must be written, for error messages and `listDeviceSchemes()`. */
export type ParamForms = Record<string, string>;

/** A numeric query parameter: the string is parsed with Number() and then checked by `inner`. */
export function numberParam<T extends z.ZodType<number, number>>(inner: T) {
  return z
    .string()
    .trim()
    .min(1, 'empty value')
    .transform((s) => Number(s))
    .pipe(inner);
}

/**
 * Turn `params` into a typed object with `schema`. Unknown or repeated keys are errors (a typo
 * must not silently fall back to a default). `forms` lists every accepted key with its valid
 * form; `uri` is quoted in messages.
 */
export function parseDeviceParams<S extends z.ZodType<unknown, Record<string, string | undefined>>>(
  uri: string,
  params: URLSearchParams,
  schema: S,
  forms: ParamForms,
): z.output<S> {
  const raw: Record<string, string> = {};
  const allowed = Object.keys(forms);
  for (const [key, value] of params) {
    if (!Object.prototype.hasOwnProperty.call(forms, key)) {
      const list = allowed.length ? allowed.map((k) => `${k} (${forms[k]})`).join('; ') : 'none';
      throw new DeviceError(
        'bad-parameter',
        `${uri}: unknown parameter "${key}"; accepted parameters: ${list}`,
        { param: key },
      );
    }
    if (key in raw) {
      throw new DeviceError(
        'bad-parameter',
        `${uri}: parameter "${key}" is given twice; give it once`,
        {
          param: key,
        },
      );
    }
    raw[key] = value;
  }
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const key = String(issue.path[0] ?? '');
  if (!key) throw new DeviceError('bad-parameter', `${uri}: ${issue.message}`);
  const shown = key in raw ? `"${raw[key]}"` : 'missing';
  throw new DeviceError(
    'bad-parameter',
    `${uri}: parameter "${key}" = ${shown} is invalid (${issue.message}); valid form: ${forms[key] ?? key}`,
    { param: key },
  );
}
