import { describe, expect, it } from 'vitest';
import { erf, erfc, erfcinv, erfcx, erfinv } from '../../src/noise/erf.js';
import { normalCdf, normalQuantile } from '../../src/noise/normal.js';

// Reference values: mpmath at 40-60 digits, rounded to 17 significant digits.
const ERF: [number, number, number][] = [
  // x, erf(x), erfc(x)
  [1e-10, 1.1283791670955126e-10, 0.99999999988716208],
  [0.1, 0.11246291601828489, 0.88753708398171511],
  [0.5, 0.52049987781304654, 0.47950012218695346],
  [0.9999, 0.84265927804875947, 0.15734072195124053],
  [1, 0.84270079294971487, 0.15729920705028513],
  [1.0001, 0.84274229954852033, 0.15725770045147967],
  [2, 0.99532226501895273, 0.0046777349810472658],
  [3, 0.99997790950300141, 2.2090496998585441e-5],
  [-0.7, -0.67780119383741847, 1.6778011938374185],
  [-2.5, -0.99959304798255504, 1.999593047982555],
  [5, 0.99999999999846254, 1.5374597944280349e-12],
  [10, 1, 2.0884875837625448e-45],
  [26, 1, 5.6631924088561428e-296],
];

describe('erf and erfc', () => {
  it('match the brief values to 1e-15', () => {
    expect(Math.abs(erf(0.5) - 0.5204998778130465)).toBeLessThan(1e-15);
    expect(Math.abs(erf(1) - 0.8427007929497149)).toBeLessThan(1e-15);
    expect(Math.abs(erf(2) - 0.9953222650189527)).toBeLessThan(1e-15);
  });

  it('match high-precision values (erf absolute 1e-15, erfc relative 1e-13)', () => {
    for (const [x, e, c] of ERF) {
      expect(Math.abs(erf(x) - e), `erf(${x})`).toBeLessThan(1e-15);
      expect(Math.abs(erfc(x) - c) / c, `erfc(${x})`).toBeLessThan(1e-13);
    }
  });

  it('keeps relative accuracy near zero and symmetry', () => {
    for (const x of [1e-300, 1e-20, 1e-8, 0.01]) {
      expect(Math.abs(erf(x) / ((2 / Math.sqrt(Math.PI)) * x) - 1)).toBeLessThan(x * x + 1e-15);
    }
    for (let x = -6; x <= 6; x += 0.37) {
      expect(erf(-x)).toBe(-erf(x));
      expect(Math.abs(erf(x) + erfc(x) - 1)).toBeLessThan(3e-16);
    }
  });

  it('is continuous across the internal switch at |x| = 1', () => {
    const below = 1 - 2 ** -52;
    const slope = (2 / Math.sqrt(Math.PI)) * Math.exp(-1);
    expect(Math.abs(erf(1) - erf(below) - slope * (1 - below))).toBeLessThan(4e-16);
    expect(Math.abs(erfc(-1) - erfc(-below) - slope * (1 - below))).toBeLessThan(4e-16);
  });

  it('handles the special values', () => {
    expect(erf(0)).toBe(0);
    expect(erf(Infinity)).toBe(1);
    expect(erf(-Infinity)).toBe(-1);
    expect(erfc(Infinity)).toBe(0);
    expect(erfc(-Infinity)).toBe(2);
    expect(erf(NaN)).toBeNaN();
    expect(erfc(NaN)).toBeNaN();
  });

  it('erfcx = exp(x^2) erfc(x) without underflow', () => {
    expect(Math.abs(erfcx(3) / 0.17900115118138995 - 1)).toBeLessThan(1e-14);
    expect(Math.abs(erfcx(100) / 0.0056416137829894329 - 1)).toBeLessThan(1e-14);
    expect(Math.abs(erfcx(0.5) / (Math.exp(0.25) * 0.47950012218695346) - 1)).toBeLessThan(1e-14);
  });
});

describe('erfinv and erfcinv', () => {
  it('match high-precision values (relative 1e-14)', () => {
    // References are for the float64 inputs (0.999999 is not exact, and erfinv amplifies that).
    const cases: [number, number][] = [
      [1e-12, 8.86226925452758e-13],
      [0.001, 0.00088622715746655212],
      [0.3, 0.27246271472675435],
      [0.5, 0.47693627620446987],
      [0.75, 0.81341984759761854],
      [0.9, 1.1630871536766742],
      [0.999, 2.3267537655135245],
      [0.999999, 3.4589107372754988],
    ];
    for (const [y, x] of cases) {
      expect(Math.abs(erfinv(y) / x - 1), `erfinv(${y})`).toBeLessThan(1e-14);
      expect(erfinv(-y)).toBe(-erfinv(y));
    }
  });

  it('resolves values next to +-1 (1 - 1e-10 as stored in float64)', () => {
    const y = 1 - 1e-10;
    expect(Math.abs(erfinv(y) / 4.5728249585449249 - 1)).toBeLessThan(1e-14);
    expect(Math.abs(erfc(erfinv(y)) / (1 - y) - 1)).toBeLessThan(1e-13);
    expect(Math.abs(erfinv(-y) / -4.5728249585449249 - 1)).toBeLessThan(1e-14);
    const top = 1 - 2 ** -53;
    expect(Math.abs(erfc(erfinv(top)) / 2 ** -53 - 1)).toBeLessThan(1e-12);
  });

  it('round-trips erf(erfinv(y)) = y over (-1, 1) to 1e-15', () => {
    let worst = 0;
    for (let i = 1; i < 20000; i++) {
      const y = -1 + i / 10000;
      worst = Math.max(worst, Math.abs(erf(erfinv(y)) - y));
    }
    expect(worst).toBeLessThan(1e-15);
  });

  it('erfcinv is accurate deep in the tail', () => {
    const cases: [number, number][] = [
      [1e-5, 3.123413274340875],
      [1e-10, 4.5728249673894853],
      [1e-20, 6.6015806223551426],
      [1e-50, 10.592090169527263],
      [1e-100, 15.065574702592646],
      [1e-300, 26.209469960516124],
      [0.25, 0.81341984759761854],
      [1.5, -0.47693627620446987],
    ];
    for (const [q, x] of cases)
      expect(Math.abs(erfcinv(q) / x - 1), `erfcinv(${q})`).toBeLessThan(1e-14);
    for (let e = -300; e <= 0; e += 7) {
      const q = 10 ** e;
      expect(Math.abs(erfc(erfcinv(q)) / q - 1), `q = 1e${e}`).toBeLessThan(1e-12);
    }
    expect(Number.isFinite(erfcinv(Number.MIN_VALUE))).toBe(true);
  });

  it('handles the edges', () => {
    expect(erfinv(1)).toBe(Infinity);
    expect(erfinv(-1)).toBe(-Infinity);
    expect(erfinv(0)).toBe(0);
    expect(erfinv(1.0000001)).toBeNaN();
    expect(erfinv(NaN)).toBeNaN();
    expect(erfcinv(0)).toBe(Infinity);
    expect(erfcinv(2)).toBe(-Infinity);
    expect(erfcinv(-0.1)).toBeNaN();
    expect(erfcinv(1)).toBe(0);
  });
});

describe('normalCdf and normalQuantile', () => {
  it('match known values', () => {
    expect(Math.abs(normalCdf(-3) / 0.0013498980316300945 - 1)).toBeLessThan(1e-14);
    expect(Math.abs(normalCdf(1) - 0.84134474606854295)).toBeLessThan(1e-15);
    const q: [number, number][] = [
      [0.975, 1.9599639845400542],
      [0.001, -3.0902323061678135],
      [1e-9, -5.9978070150076869],
    ];
    for (const [u, z] of q) expect(Math.abs(normalQuantile(u) / z - 1)).toBeLessThan(1e-14);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(1.1)).toBeNaN();
  });

  it('are inverse to each other', () => {
    // The lower tail is well conditioned; for z > 0, Phi(z) near 1 only keeps ~1e-16 / phi(z).
    for (let z = -30; z <= 0; z += 0.25)
      expect(Math.abs(normalQuantile(normalCdf(z)) - z)).toBeLessThan(1e-13);
    for (let z = 0; z <= 8; z += 0.25) {
      const phi = Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI);
      expect(Math.abs(normalQuantile(normalCdf(z)) - z)).toBeLessThan(1e-14 + 2.3e-16 / phi);
    }
  });
});
