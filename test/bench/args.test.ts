import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseCli, usage, type CliOption } from '../../bench/args.js';

const OPTIONS = {
  steps: { type: 'string', arg: 'n', default: '30', help: 'timed steps' },
  only: { type: 'string', help: 'a subset' },
  quick: { type: 'boolean', default: false, help: 'fewer steps' },
} satisfies Record<string, CliOption>;

class Exit extends Error {
  constructor(readonly code: number | undefined) {
    super(`exit ${code}`);
  }
}

/** Runs `parse` with process.exit turned into a throw, capturing stdout and stderr. */
function run<T>(parse: () => T): { code?: number; value?: T; out: string; err: string } {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  vi.spyOn(process, 'exit').mockImplementation((code) => {
    throw new Exit(code as number | undefined);
  });
  try {
    return { value: parse(), out, err };
  } catch (e) {
    if (e instanceof Exit) return { code: e.code, out, err };
    throw e;
  } finally {
    vi.restoreAllMocks();
  }
}

const cli = (...argv: string[]) => parseCli('bench/x', 'What x does.', OPTIONS, argv);

afterEach(() => vi.restoreAllMocks());

describe('bench/args', () => {
  it('parses options, with their defaults', () => {
    const r = run(() => cli('--only', 'a', '--quick'));
    expect(r.value?.values).toMatchObject({ steps: '30', only: 'a', quick: true });
    expect(r.value?.int('steps')).toBe(30);
  });

  it('--help prints one line per option and exits 0', () => {
    const r = run(() => cli('--help'));
    expect(r.code).toBe(0);
    expect(r.out).toBe(usage('bench/x', 'What x does.', OPTIONS));
    expect(r.out).toMatch(/^usage: node dist\/bench\/x\.js \[options\]\nWhat x does\./);
    expect(r.out).toMatch(/^ {2}--steps <n> +timed steps \(default 30\)$/m);
    expect(r.out).toMatch(/^ {2}--only <value> +a subset$/m);
    expect(r.out).toMatch(/^ {2}--quick +fewer steps$/m);
    expect(r.out).toMatch(/^ {2}-h, --help +print this help and exit$/m);
    expect(run(() => cli('-h')).code).toBe(0);
  });

  it('an unknown option exits 2 with one line naming it and the valid ones', () => {
    const r = run(() => cli('--bogus'));
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      "bench/x: unknown option '--bogus'; valid options: --steps, --only, --quick, --help " +
        '(see --help or bench/README.md)\n',
    );
  });

  it('a positional, a missing value or a value for a boolean exit 2 with one line', () => {
    for (const [argv, re] of [
      [['extra'], /unexpected argument 'extra'/],
      [['--steps'], /option '--steps <value>' argument missing/],
      [['--steps', '--quick'], /option '--steps' argument is ambiguous/],
      [['--quick=1'], /option '--quick' does not take an argument/],
    ] as const) {
      const r = run(() => cli(...argv));
      expect(r.code).toBe(2);
      expect(r.err).toMatch(re);
      expect(r.err.trimEnd().split('\n')).toHaveLength(1);
    }
  });

  it('a non-numeric or out-of-range value exits 2 instead of becoming NaN', () => {
    const bad = (check: (c: ReturnType<typeof cli>) => unknown, ...argv: string[]) => {
      const r = run(() => check(cli(...argv)));
      expect(r.code).toBe(2);
      return r.err;
    };
    expect(bad((c) => c.int('steps'), '--steps', 'abc')).toBe(
      "bench/x: --steps must be an integer >= 1, got 'abc' (see --help or bench/README.md)\n",
    );
    expect(bad((c) => c.int('steps'), '--steps', '')).toMatch(/got ''/);
    expect(bad((c) => c.int('steps', 1, 8), '--steps', '9')).toMatch(/integer from 1 to 8/);
    expect(bad((c) => c.ints('only'), '--only', '1,x')).toMatch(/each of --only .* got 'x'/);
    expect(bad((c) => c.positive('only'), '--only', '0')).toMatch(/--only must be a number > 0/);
    expect(run(() => cli('--only', '1,16').ints('only')).value).toEqual([1, 16]);
    expect(run(() => cli('--only', '0.5').positive('only')).value).toBe(0.5);
  });
});
