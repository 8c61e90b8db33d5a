import type { Kernels } from '../compute/kernels.js';
import type { Device } from '../device/device.js';
import type { Tensor } from './tensor.js';

/** A trainable array with its gradient (same length), accumulated by backward(). */
export interface Param {
  name: string;
  shape: number[];
  value: Float32Array;
  grad: Float32Array;
  /** Incremented whenever `value` changes, so analog layers know when to re-program a tile. */
  version: number;
}

/** What a forward pass needs beyond its input. */
export interface ForwardContext {
  training: boolean;
  /** Noise draw (training step, or evaluation pass id) for counter-based noise. */
  draw: number;
  /** Global index of the batch's first sample within the draw. */
  rowOffset: number;
  /** Run seed, for dropout masks and digital-side noise layers. */
  seed: number;
  /**
   * Which programming the weights belong to, should an analog layer write them to its device:
   * the optimizer steps taken so far (the trainer sets it, so an evaluation and the next step,
   * which share the weights, share their programming, and a resumed run programs as the
   * uninterrupted one did). Default: draw.
   */
  programDraw?: number;
}

/** Shared machinery the layers use: the digital kernels and (for analog layers) the device. */
export interface Runtime {
  kernels: Kernels;
  device: Device;
}

/**
 * A layer with an explicit async forward (a board is remote) and explicit synchronous backward.
 * forward() keeps what backward() needs; backward(dy) returns dx and accumulates param grads.
 */
export interface Layer {
  readonly kind: string;
  forward(x: Tensor, ctx: ForwardContext): Promise<Tensor>;
  backward(dy: Tensor): Tensor;
  params(): Param[];
  /** Analog products in this layer (for the run manifest): true when it uses the device. */
  readonly analog?: boolean;
  /** Direct sub-layers of a container (Sequential, Residual, blocks), for walking a model. */
  children?(): Layer[];
  /** Non-trainable state a checkpoint must keep (e.g. BatchNorm running statistics). */
  buffers?(): StateBuffer[];
  /**
   * Present on layers that can skip their input gradient (Linear, Conv2d): set false when
   * nothing uses it, as for a network's first weight layer in training (skipInputGradient in
   * model.ts). backward() then still accumulates the parameter gradients but returns zeros of the
   * input's shape instead of dx. Default true.
   */
  inputGradNeeded?: boolean;
}

/** A named non-trainable array (saved and restored with checkpoints). */
export interface StateBuffer {
  name: string;
  value: Float32Array;
}
