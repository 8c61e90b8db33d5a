import { describe, expect, it } from 'vitest';
import {
  ScheduleSpecError,
  type SchedulePosition,
  learningRate,
  parseSchedule,
  scheduleName,
} from '../../src/train/schedules.js';

const at = (epoch: number, iteration = 0, itersPerEpoch = 10, epochs = 100): SchedulePosition => ({
  epoch,
  iteration,
  itersPerEpoch,
  epochs,
});

describe('learningRate', () => {
  it('constant', () => {
    const s = parseSchedule('constant');
    for (const e of [0, 1, 99]) expect(learningRate(s, 1e-3, at(e, 3))).toBe(1e-3);
  });

  it('step:30:0.1 decays by gamma every 30 epochs, constant within an epoch', () => {
    const s = parseSchedule('step:30:0.1');
    expect(learningRate(s, 1, at(0))).toBe(1);
    expect(learningRate(s, 1, at(29, 9))).toBe(1);
    expect(learningRate(s, 1, at(30))).toBeCloseTo(0.1, 15);
    expect(learningRate(s, 1, at(59, 9))).toBeCloseTo(0.1, 15);
    expect(learningRate(s, 1, at(65))).toBeCloseTo(0.01, 15);
    expect(learningRate(parseSchedule('step:2'), 1, at(2))).toBeCloseTo(0.1, 15); // gamma 0.1
  });

  it('cosine from base to min over the run, updated every iteration', () => {
    const s = parseSchedule('cosine:0.1');
    expect(learningRate(s, 1, at(0))).toBe(1);
    // e = 25 of 100: 0.1 + 0.9 (1 + cos(pi/4)) / 2 = 0.1 + 0.9 * 0.8535533905932737
    expect(learningRate(s, 1, at(25))).toBeCloseTo(0.1 + 0.9 * 0.8535533905932737, 14);
    expect(learningRate(s, 1, at(50))).toBeCloseTo(0.55, 14);
    expect(learningRate(s, 1, at(49, 5))).toBeLessThan(learningRate(s, 1, at(49, 4)));
    expect(learningRate(s, 1, at(100))).toBe(0.1);
    expect(learningRate(s, 1, at(120))).toBe(0.1);
    // Fixed length independent of the run: cosine:0:10 reaches 0 at epoch 10 of a 100-epoch run.
    const f = parseSchedule('cosine:0:10');
    expect(learningRate(f, 2, at(5))).toBeCloseTo(1, 14);
    expect(learningRate(f, 2, at(10))).toBe(0);
    // Half-way through a one-epoch cosine, by iteration.
    expect(learningRate(parseSchedule('cosine'), 1, at(0, 5, 10, 1))).toBeCloseTo(0.5, 14);
  });

  it('linear warm-up over w epochs multiplies the schedule, never starting at 0', () => {
    const s = parseSchedule('constant+warmup:2');
    // 10 iterations per epoch: W = 20 iterations, factor (g + 1) / 20.
    expect(learningRate(s, 1, at(0, 0))).toBeCloseTo(1 / 20, 15);
    expect(learningRate(s, 1, at(0, 9))).toBeCloseTo(10 / 20, 15);
    expect(learningRate(s, 1, at(1, 9))).toBe(1);
    expect(learningRate(s, 1, at(2, 0))).toBe(1);
    const c = parseSchedule('cosine+warmup:0.5');
    expect(learningRate(c, 1, at(0, 0, 10, 10))).toBeCloseTo(0.2, 15);
    expect(learningRate(c, 1, at(0, 5, 10, 10))).toBeCloseTo(
      0.5 * (1 + Math.cos(Math.PI * 0.05)),
      14,
    );
  });
});

describe('parseSchedule / scheduleName', () => {
  it('parses and prints canonically', () => {
    expect(parseSchedule('step:30:0.1')).toEqual({
      kind: 'step',
      every: 30,
      gamma: 0.1,
      warmupEpochs: 0,
    });
    expect(parseSchedule('cosine')).toEqual({ kind: 'cosine', minLr: 0, warmupEpochs: 0 });
    expect(parseSchedule('Cosine:1e-5:200+warmup:5')).toEqual({
      kind: 'cosine',
      minLr: 1e-5,
      epochs: 200,
      warmupEpochs: 5,
    });
    expect(parseSchedule('cosine:1e+0')).toMatchObject({ kind: 'cosine', minLr: 1 });
    const names: [string, string][] = [
      ['constant', 'constant'],
      ['step:30', 'step:30:0.1'],
      ['step:30:0.5+warmup:1', 'step:30:0.5+warmup:1'],
      ['cosine:0', 'cosine'],
      ['cosine:1e-5', 'cosine:0.00001'],
      ['cosine:0:50', 'cosine:0:50'],
      ['constant+warmup:0', 'constant'],
    ];
    for (const [text, name] of names) {
      const spec = parseSchedule(text);
      expect(scheduleName(spec), text).toBe(name);
      expect(parseSchedule(scheduleName(spec))).toEqual(spec);
    }
  });

  it('rejects bad strings, naming the problem and listing the valid forms', () => {
    const bad: [string, RegExp][] = [
      ['', /empty/],
      ['linear', /unknown schedule 'linear'/],
      ['step', /needs k/],
      ['step:0', /k 0 must be > 0/],
      ['step:30:0.1:2', /'step' takes/],
      ['constant:1', /'constant' takes no arguments/],
      ['cosine:-1', /minimum lr -1 must be >= 0/],
      ['cosine+warmup', /'\+warmup' not understood/],
      ['cosine+warmup:x', /'x' is not a number/],
      ['cosine+cooldown:3', /not understood/],
    ];
    for (const [text, message] of bad) {
      let err: unknown;
      try {
        parseSchedule(text);
      } catch (e) {
        err = e;
      }
      expect(err, text).toBeInstanceOf(ScheduleSpecError);
      expect((err as Error).message, text).toMatch(message);
      expect((err as Error).message, text).toMatch(/Valid forms: constant, step:k\[:gamma\]/);
    }
  });
});
