/**
 * SGD, Adam and AdamW with PyTorch's update formulas (torch.optim, non-foreach semantics), so a
 * run here is comparable with the paper's PyTorch runs. Updates are computed in float64 per
 * element and stored in the float32 parameter and state arrays.
 *
 * Optimiser state is positional, as in PyTorch: the k-th param of the first step() after load()
 * gets the k-th saved slot. Names and lengths are checked so a model change is an error, not a
 * silent mismatch. Hyperparameters are not part of the state: they come from the constructor.
 *
 * Serialised form (state()): plain JSON,
 *   { format: 'analoop-optimizer/1', kind: 'sgd' | 'adam' | 'adamw',
 *     slots: [{ name, length, step, buffers: { <name>: <base64> } }] }
 * where each buffer is the float32 array's bytes, little-endian, in base64: exact (bit for bit)
 * and a third of the size of a decimal number array.
 */
import type { Param } from '../nn/layer.js';
import { nativeOptimizerKernels } from './native-optimizers.js';

export interface Optimizer {
  readonly kind: string;
  /** Updates every param from its grad at learning rate lr, and increments its version. */
  step(params: Param[], lr: number): void;
  /** A JSON-serialisable snapshot for checkpoints. */
  state(): OptimizerState;
  /** Restores a snapshot from state() (possibly after JSON round trip). */
  load(state: unknown): void;
}

export interface OptimizerState {
  format: typeof STATE_FORMAT;
  kind: string;
  slots: SlotState[];
}

export interface SlotState {
  name: string;
  length: number;
  step: number;
  buffers: Record<string, string>;
}

const STATE_FORMAT = 'analoop-optimizer/1';

/** Sets every param's gradient to zero (before accumulating the next batch's). */
export function zeroGrad(params: Param[]): void {
  for (const p of params) p.grad.fill(0);
}

// ---------------------------------------------------------------------------------------------
// Float32Array <-> base64, little-endian whatever the host.

const HOST_LE = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

function swap4(b: Uint8Array): void {
  for (let k = 0; k < b.length; k += 4) {
    let t = b[k];
    b[k] = b[k + 3];
    b[k + 3] = t;
    t = b[k + 1];
    b[k + 1] = b[k + 2];
    b[k + 2] = t;
  }
}

export function encodeFloat32(a: Float32Array): string {
  const bytes = new Uint8Array(a.buffer.slice(a.byteOffset, a.byteOffset + a.byteLength));
  if (!HOST_LE) swap4(bytes);
  return Buffer.from(bytes).toString('base64');
}

export function decodeFloat32(text: string, length: number): Float32Array {
  const buf = Buffer.from(text, 'base64');
  if (buf.length !== length * 4) {
    throw new RangeError(
      `optimizer state: buffer holds ${buf.length} bytes, expected ${length * 4}`,
    );
  }
  const out = new Float32Array(length);
  const bytes = new Uint8Array(out.buffer);
  bytes.set(buf);
  if (!HOST_LE) swap4(bytes);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Per-param state bookkeeping shared by the optimisers.

interface Slot {
  name: string;
  length: number;
  step: number;
  buffers: Map<string, Float32Array>;
}

class SlotTable {
  private slots: Slot[] = [];
  private bound = new Map<Param, Slot>();
  /** Slots from load() waiting to be matched, by position, with the next step's params. */
  private pending = false;

  constructor(private readonly kind: string) {}

  slotsFor(params: Param[]): Slot[] {
    if (this.pending) {
      this.pending = false;
      if (params.length !== this.slots.length) {
        throw new Error(
          `${this.kind}: loaded state has ${this.slots.length} param slots, step() got ${params.length} params`,
        );
      }
      params.forEach((p, k) => {
        const s = this.slots[k];
        if (s.name !== p.name || s.length !== p.value.length) {
          throw new Error(
            `${this.kind}: loaded state slot ${k} is '${s.name}' (${s.length} values), ` +
              `param ${k} is '${p.name}' (${p.value.length} values)`,
          );
        }
        this.bound.set(p, s);
      });
    }
    return params.map((p) => {
      let s = this.bound.get(p);
      if (!s) {
        s = { name: p.name, length: p.value.length, step: 0, buffers: new Map() };
        this.slots.push(s);
        this.bound.set(p, s);
      }
      if (p.grad.length !== p.value.length) {
        throw new RangeError(
          `${this.kind}: param '${p.name}' has ${p.value.length} values, ${p.grad.length} grads`,
        );
      }
      return s;
    });
  }

  state(): OptimizerState {
    return {
      format: STATE_FORMAT,
      kind: this.kind,
      slots: this.slots.map((s) => ({
        name: s.name,
        length: s.length,
        step: s.step,
        buffers: Object.fromEntries([...s.buffers].map(([k, v]) => [k, encodeFloat32(v)])),
      })),
    };
  }

  load(state: unknown): void {
    const st = state as Partial<OptimizerState> | null;
    if (!st || typeof st !== 'object' || st.format !== STATE_FORMAT || !Array.isArray(st.slots)) {
      throw new Error(`${this.kind}: not an optimizer state (expected format '${STATE_FORMAT}')`);
    }
    if (st.kind !== this.kind) {
      throw new Error(`${this.kind}: the state was saved by a '${String(st.kind)}' optimizer`);
    }
    this.slots = st.slots.map((s, k) => {
      if (typeof s.name !== 'string' || !Number.isInteger(s.length) || !Number.isInteger(s.step)) {
        throw new Error(`${this.kind}: malformed state slot ${k}`);
      }
      const buffers = new Map<string, Float32Array>();
      for (const [key, text] of Object.entries(s.buffers ?? {})) {
        buffers.set(key, decodeFloat32(text, s.length));
      }
      return { name: s.name, length: s.length, step: s.step, buffers };
    });
    this.bound = new Map();
    this.pending = true;
  }
}

function buffer(slot: Slot, key: string): { arr: Float32Array; fresh: boolean } {
  let arr = slot.buffers.get(key);
  const fresh = arr === undefined;
  if (!arr) {
    arr = new Float32Array(slot.length);
    slot.buffers.set(key, arr);
  }
  return { arr, fresh };
}

function checkLr(kind: string, lr: number): void {
  if (!(Number.isFinite(lr) && lr >= 0))
    throw new RangeError(`${kind}: learning rate ${lr} is not finite and >= 0`);
}

/** Which params get weight decay; by default all (pass e.g. p => p.shape.length > 1 to spare biases). */
export type DecayFilter = (p: Param) => boolean;

// ---------------------------------------------------------------------------------------------

export interface SgdOptions {
  momentum?: number;
  /** Dampening of the gradient in the momentum average (PyTorch's `dampening`). */
  dampening?: number;
  nesterov?: boolean;
  /** L2 penalty added to the gradient (coupled, as PyTorch's SGD). */
  weightDecay?: number;
  decayFilter?: DecayFilter;
}

/**
 * PyTorch's SGD: g = grad + wd p; with momentum mu, buf = g on the first step and
 * buf = mu buf + (1 - dampening) g after; g = nesterov ? g + mu buf : buf; p -= lr g.
 */
export class SGD implements Optimizer {
  readonly kind = 'sgd';
  private readonly table = new SlotTable('sgd');
  private readonly mu: number;
  private readonly damp: number;
  private readonly nesterov: boolean;
  private readonly wd: number;
  private readonly decay: DecayFilter;

  constructor(opts: SgdOptions = {}) {
    this.mu = opts.momentum ?? 0;
    this.damp = opts.dampening ?? 0;
    this.nesterov = opts.nesterov ?? false;
    this.wd = opts.weightDecay ?? 0;
    this.decay = opts.decayFilter ?? (() => true);
    if (!(this.mu >= 0)) throw new RangeError(`sgd: momentum ${this.mu} must be >= 0`);
    if (!(this.wd >= 0)) throw new RangeError(`sgd: weight decay ${this.wd} must be >= 0`);
    if (this.nesterov && (this.mu <= 0 || this.damp !== 0)) {
      throw new RangeError('sgd: nesterov needs momentum > 0 and dampening 0');
    }
  }

  step(params: Param[], lr: number): void {
    checkLr(this.kind, lr);
    const slots = this.table.slotsFor(params);
    const native = nativeOptimizerKernels();
    params.forEach((p, k) => {
      const slot = slots[k];
      slot.step++;
      const w = p.value;
      const grad = p.grad;
      const wd = this.decay(p) ? this.wd : 0;
      const mu = this.mu;
      if (mu === 0) {
        if (native) native.sgdStep(w, grad, null, lr, wd, 0, 1, false, false);
        else for (let j = 0; j < w.length; j++) w[j] = w[j] - lr * (grad[j] + wd * w[j]);
      } else {
        const { arr: buf, fresh } = buffer(slot, 'momentum');
        const keep = 1 - this.damp;
        if (native) native.sgdStep(w, grad, buf, lr, wd, mu, keep, fresh, this.nesterov);
        else
          for (let j = 0; j < w.length; j++) {
            const g = grad[j] + wd * w[j];
            const b = fresh ? g : mu * buf[j] + keep * g;
            buf[j] = b;
            const upd = this.nesterov ? g + mu * Math.fround(b) : Math.fround(b);
            w[j] = w[j] - lr * upd;
          }
      }
      p.version++;
    });
  }

  state(): OptimizerState {
    return this.table.state();
  }

  load(state: unknown): void {
    this.table.load(state);
  }
}

// ---------------------------------------------------------------------------------------------

export interface AdamOptions {
  beta1?: number;
  beta2?: number;
  eps?: number;
  /** Adam: L2 penalty added to the gradient. AdamW: decoupled decay p *= 1 - lr wd. */
  weightDecay?: number;
  decayFilter?: DecayFilter;
}

/**
 * PyTorch's Adam: t += 1; g = grad + wd p; m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g^2;
 * p -= (lr / (1 - b1^t)) m / (sqrt(v) / sqrt(1 - b2^t) + eps).
 */
export class Adam implements Optimizer {
  readonly kind: string = 'adam';
  protected readonly table: SlotTable;
  protected readonly b1: number;
  protected readonly b2: number;
  protected readonly eps: number;
  protected readonly wd: number;
  protected readonly decay: DecayFilter;
  /** AdamW decays the weights directly instead of adding wd p to the gradient. */
  protected readonly decoupled: boolean;

  constructor(opts: AdamOptions = {}, decoupled = false) {
    this.decoupled = decoupled;
    const kind = decoupled ? 'adamw' : 'adam';
    this.table = new SlotTable(kind);
    this.b1 = opts.beta1 ?? 0.9;
    this.b2 = opts.beta2 ?? 0.999;
    this.eps = opts.eps ?? 1e-8;
    this.wd = opts.weightDecay ?? (decoupled ? 1e-2 : 0);
    this.decay = opts.decayFilter ?? (() => true);
    for (const [name, b] of [
      ['beta1', this.b1],
      ['beta2', this.b2],
    ] as const) {
      if (!(b >= 0 && b < 1)) throw new RangeError(`${kind}: ${name} ${b} must be in [0, 1)`);
    }
    if (!(this.eps >= 0)) throw new RangeError(`${kind}: eps ${this.eps} must be >= 0`);
    if (!(this.wd >= 0)) throw new RangeError(`${kind}: weight decay ${this.wd} must be >= 0`);
  }

  step(params: Param[], lr: number): void {
    checkLr(this.kind, lr);
    const slots = this.table.slotsFor(params);
    const { b1, b2, eps } = this;
    const native = nativeOptimizerKernels();
    params.forEach((p, k) => {
      const slot = slots[k];
      const t = ++slot.step;
      const m = buffer(slot, 'm').arr;
      const v = buffer(slot, 'v').arr;
      const w = p.value;
      const grad = p.grad;
      const wd = this.decay(p) ? this.wd : 0;
      const shrink = this.decoupled ? 1 - lr * wd : 1;
      const l2 = this.decoupled ? 0 : wd;
      const stepSize = lr / (1 - b1 ** t);
      const bc2Sqrt = Math.sqrt(1 - b2 ** t);
      if (native) native.adamStep(w, grad, m, v, b1, b2, eps, shrink, l2, stepSize, bc2Sqrt);
      else
        for (let j = 0; j < w.length; j++) {
          const wj = Math.fround(w[j] * shrink);
          const g = grad[j] + l2 * wj;
          const mj = Math.fround(b1 * m[j] + (1 - b1) * g);
          const vj = Math.fround(b2 * v[j] + (1 - b2) * g * g);
          m[j] = mj;
          v[j] = vj;
          w[j] = wj - (stepSize * mj) / (Math.sqrt(vj) / bc2Sqrt + eps);
        }
      p.version++;
    });
  }

  state(): OptimizerState {
    return this.table.state();
  }

  load(state: unknown): void {
    this.table.load(state);
  }
}

/**
 * PyTorch's AdamW (Loshchilov & Hutter): p *= 1 - lr wd first, then the Adam step on the raw
 * gradient. Default weight decay 1e-2 as in PyTorch.
 */
export class AdamW extends Adam {
  override readonly kind: string = 'adamw';
  constructor(opts: AdamOptions = {}) {
    super(opts, true);
  }
}

export type OptimizerName = 'sgd' | 'adam' | 'adamw';

/** Builds an optimiser by name (for configs and the CLI). */
export function createOptimizer(
  name: OptimizerName,
  opts: SgdOptions & AdamOptions = {},
): Optimizer {
  switch (name) {
    case 'sgd':
      return new SGD(opts);
    case 'adam':
      return new Adam(opts);
    case 'adamw':
      return new AdamW(opts);
    default:
      throw new RangeError(`unknown optimizer '${String(name)}'; valid: sgd, adam, adamw`);
  }
}
