import { describe, expect, it } from 'vitest';
import { RecycledBuffer } from '../../src/nn/recycled-buffer.js';

describe('RecycledBuffer', () => {
  it('hands the released array back, and a fresh one while the last is still lent', () => {
    const r = new RecycledBuffer();
    const a = r.take(8);
    expect(a.length).toBe(8);
    const b = r.take(8); // `a` was never released: it may still be read
    expect(b).not.toBe(a);
    r.release();
    expect(r.take(8)).toBe(b);
  });

  it('a different length gets a new array; release twice is harmless', () => {
    const r = new RecycledBuffer();
    const a = r.take(4);
    r.release();
    r.release();
    const b = r.take(5);
    expect(b).not.toBe(a);
    expect(b.length).toBe(5);
    r.release();
    expect(r.take(5)).toBe(b);
  });
});
