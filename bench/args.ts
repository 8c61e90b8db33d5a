/**
 * The benchmarks' command lines: node:util parseArgs (strict), with what a person at a terminal
 * needs on top. A bad flag or value ends the process with one line naming the problem and the
 * fix, exit code 2, no stack trace (parseArgs' own errors are thrown, so a typo printed a stack);
 * `--help` prints one line per option and exits 0. Each script declares its options once, with a
 * description, so the parser and the help cannot drift apart.
 */
import { parseArgs } from 'node:util';

/** A parseArgs option plus a one-line description and the value's name in the help (`<n>`). */
export type CliOption = {
  type: 'string' | 'boolean';
  short?: string;
  default?: string | boolean;
  help: string;
  arg?: string;
};
type Options = Record<string, CliOption>;
/** What parseArgs returns for these options (strict): an option without a default may be absent. */
type Values<O extends Options> = {
  [K in keyof O]:
    | (O[K]['type'] extends 'string' ? string : boolean)
    | (O[K] extends { default: string | boolean } ? never : undefined);
};

// parseArgs ignores keys it does not know (`help`, `arg`), so the declarations go to it as they are.
const HELP = { help: { type: 'boolean', short: 'h', help: 'print this help and exit' } } as const;
const SEE = '(see --help or bench/README.md)';

/** The `--help` text: what the script does, then one line per option with its default. */
export function usage(script: string, about: string, options: Options): string {
  const all: Options = { ...options, ...HELP };
  const flag = (name: string, o: CliOption) =>
    `${o.short ? `-${o.short}, ` : ''}--${name}${o.type === 'string' ? ` <${o.arg ?? 'value'}>` : ''}`;
  const width = Math.max(...Object.entries(all).map(([n, o]) => flag(n, o).length)) + 2;
  const lines = Object.entries(all).map(
    ([n, o]) =>
      `  ${flag(n, o).padEnd(width)}${o.help}` +
      (o.type === 'string' && o.default !== undefined ? ` (default ${String(o.default)})` : ''),
  );
  const head = `usage: node dist/${script}.js [options]\n${about}\n\n`;
  return `${head}${lines.join('\n')}\n\nSee bench/README.md.\n`;
}

/** parseArgs' error as one line; not one of its errors: undefined (a bug, let it throw). */
function describe(e: unknown, options: Options): string | undefined {
  const code = (e as { code?: string }).code;
  const valid = Object.keys({ ...options, ...HELP }).map((n) => `--${n}`);
  const quoted = /'([^']*)'/.exec((e as Error).message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
    return `unknown option '${quoted}'; valid options: ${valid.join(', ')}`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
    return `unexpected argument '${quoted}': this script takes only options (${valid.join(', ')})`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    // "Option '--steps <value>' argument missing", "... is ambiguous.\nDid you forget ...".
    const m = (e as Error).message.replace(/\s*\n\s*/g, ' ').replace(/\.$/, '');
    return m.charAt(0).toLowerCase() + m.slice(1);
  }
  return undefined;
}

/**
 * Parses argv against `options` (plus `--help`). Returns the values and checkers for them; each
 * checker, like `fail`, ends the process with exit code 2 on a bad value.
 */
export function parseCli<const O extends Options>(
  script: string,
  about: string,
  options: O,
  argv: readonly string[] = process.argv.slice(2),
) {
  const fail = (problem: string): never => {
    process.stderr.write(`${script}: ${problem} ${SEE}\n`);
    return process.exit(2);
  };
  const parse = () => {
    try {
      const all: Options = { ...options, ...HELP };
      return parseArgs({ args: argv, options: all, strict: true }).values as Values<O> & {
        help?: boolean;
      };
    } catch (e) {
      const problem = describe(e, options);
      if (problem === undefined) throw e;
      return fail(problem);
    }
  };
  const values = parse();
  if (values.help) {
    process.stdout.write(usage(script, about, options));
    process.exit(0);
  }
  /** The option's string: the user's or its default (every checked option has one). */
  const raw = (name: keyof O & string): string => {
    const v = (values as Record<string, unknown>)[name];
    if (typeof v !== 'string') throw new Error(`${script}: --${name} has no value or default`);
    return v;
  };
  // Number() alone let `--steps abc` through as NaN (and '' as 0).
  const toInt = (what: string, s: string, min: number, max: number): number => {
    const n = s.trim() === '' ? NaN : Number(s);
    if (Number.isInteger(n) && n >= min && n <= max) return n;
    const range = max === Infinity ? `>= ${min}` : `from ${min} to ${max}`;
    return fail(`${what} must be an integer ${range}, got '${s}'`);
  };
  return {
    values,
    fail,
    /** An integer option in [min, max]. */
    int: (name: keyof O & string, min = 1, max = Infinity) =>
      toInt(`--${name}`, raw(name), min, max),
    /** A comma-separated list of integers >= min. */
    ints: (name: keyof O & string, min = 1) =>
      raw(name)
        .split(',')
        .map((s) => toInt(`each of --${name}`, s, min, Infinity)),
    /** A finite number > 0. */
    positive: (name: keyof O & string) => {
      const s = raw(name);
      const n = s.trim() === '' ? NaN : Number(s);
      return Number.isFinite(n) && n > 0 ? n : fail(`--${name} must be a number > 0, got '${s}'`);
    },
  };
}
