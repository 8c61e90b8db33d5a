/**
 * A computation written once as a generator that yields its gemm calls, run either on the
 * calling thread (runGemmPlan) or letting the event loop turn (runGemmPlanAsync). Layers write
 * their backward pass this way, so the synchronous Layer.backward and the variant the trainer
 * uses while a board is attached share one body and give the same bits.
 */
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { Kernels } from './kernels.js';

/** One gemm call's arguments, in Kernels.gemm's order. */
export type GemmCall = Parameters<Kernels['gemm']>;

/** Yields gemm calls (each must have run before the generator resumes) and returns T. */
export type GemmPlan<T> = Generator<GemmCall, T, void>;

/** Runs the plan here, each product through kernels.gemm. */
export function runGemmPlan<T>(kernels: Kernels, plan: GemmPlan<T>): T {
  for (;;) {
    const r = plan.next();
    if (r.done) return r.value;
    kernels.gemm(...r.value);
  }
}

/**
 * Turns of the event loop, at most one per `sliceMs` of work: often enough that I/O callbacks
 * (a board's replies, heartbeats) wait a few milliseconds at most, rarely enough to cost nothing
 * measurable. A turn after every small step does cost: each one lets other work in and the caches
 * cool (measured: +7% on the ConvNet's backward with a turn after every product).
 */
export class LoopTurns {
  private last = performance.now();

  constructor(readonly sliceMs = 4) {}

  /** A turn if the slice is used up; call between two pieces of work. */
  async maybe(): Promise<void> {
    if (performance.now() - this.last < this.sliceMs) return;
    await yieldToLoop();
    this.last = performance.now();
  }

  /** Work that ran elsewhere (the event loop was free meanwhile) restarts the slice. */
  restart(): void {
    this.last = performance.now();
  }
}

/**
 * Products at least this large (2 M N K) go to kernels.gemmAsync when the provider has it: ~4 ms
 * and more at the rates OpenBLAS reaches. Smaller ones run here, between turns: a hop to the
 * thread pool costs more than they take (measured on a loaded 2-core machine: +40% on the
 * ConvNet's backward with every product on the pool, the pool thread waiting for a core).
 */
export const ASYNC_GEMM_MIN_FLOP = 2e8;

/**
 * Runs the plan letting the event loop turn: large products on libuv's thread pool
 * (kernels.gemmAsync, the same bits), the rest here with a turn whenever `turns` says the slice
 * is used up. The work between two products runs on this thread, so a plan should keep those
 * stretches short.
 */
export async function runGemmPlanAsync<T>(
  kernels: Kernels,
  plan: GemmPlan<T>,
  turns: LoopTurns = new LoopTurns(),
): Promise<T> {
  for (;;) {
    const r = plan.next();
    if (r.done) return r.value;
    const [, , M, N, K] = r.value;
    if (kernels.gemmAsync && 2 * M * N * K >= ASYNC_GEMM_MIN_FLOP) {
      await kernels.gemmAsync(...r.value);
      turns.restart();
    } else {
      kernels.gemm(...r.value);
      await turns.maybe();
    }
  }
}
