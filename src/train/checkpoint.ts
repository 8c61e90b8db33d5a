import { readFile, rename, writeFile } from 'node:fs/promises';
import type { StateBuffer, Param } from '../nn/layer.js';
import { decodeFloat32, encodeFloat32, type Optimizer } from './optimizers.js';
import type { EpochMetrics } from './metrics.js';

const FORMAT = 'analoop-checkpoint/1';

/** Everything needed to continue a run exactly where an epoch ended. */
export interface Checkpoint {
  format: typeof FORMAT;
  /** Epochs completed (the next epoch to run is this number, 0-based). */
  epochs: number;
  /** Optimizer steps taken (the next training noise draw). */
  step: number;
  params: { name: string; length: number; data: string }[];
  buffers: { name: string; length: number; data: string }[];
  optimizer: unknown;
  history: EpochMetrics[];
}

export class CheckpointError extends Error {
  override name = 'CheckpointError';
}

function pack(items: { name: string; value: Float32Array }[]) {
  return items.map((p) => ({ name: p.name, length: p.value.length, data: encodeFloat32(p.value) }));
}

export function makeCheckpoint(
  epochs: number,
  step: number,
  params: Param[],
  buffers: StateBuffer[],
  optimizer: Optimizer,
  history: EpochMetrics[],
): Checkpoint {
  return {
    format: FORMAT,
    epochs,
    step,
    params: pack(params),
    buffers: pack(buffers),
    optimizer: optimizer.state(),
    history,
  };
}

/** Written to a temporary file and renamed, so a kill mid-write never leaves half a checkpoint. */
export async function saveCheckpoint(file: string, ckpt: Checkpoint): Promise<void> {
  const tmp = `${file}.tmp-${process.pid}`;
  await writeFile(tmp, JSON.stringify(ckpt));
  await rename(tmp, file);
}

export async function loadCheckpoint(file: string): Promise<Checkpoint> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new CheckpointError(
      `${file}: cannot read checkpoint (${(err as Error).message}); start without --resume`,
    );
  }
  let ckpt: Checkpoint;
  try {
    ckpt = JSON.parse(text) as Checkpoint;
  } catch {
    throw new CheckpointError(
      `${file}: not valid JSON; the checkpoint is corrupted, start without --resume`,
    );
  }
  if (ckpt.format !== FORMAT) {
    throw new CheckpointError(`${file}: format "${String(ckpt.format)}", expected "${FORMAT}"`);
  }
  return ckpt;
}

function restore(
  kind: string,
  saved: Checkpoint['params'],
  live: { name: string; value: Float32Array }[],
): void {
  if (saved.length !== live.length) {
    throw new CheckpointError(
      `checkpoint has ${saved.length} ${kind}, the model has ${live.length}: was the model changed?`,
    );
  }
  saved.forEach((s, i) => {
    const p = live[i];
    if (s.name !== p.name || s.length !== p.value.length) {
      throw new CheckpointError(
        `checkpoint ${kind} ${i} is ${s.name} (${s.length}), the model's is ${p.name} (${p.value.length}): was the model changed?`,
      );
    }
    p.value.set(decodeFloat32(s.data, s.length));
  });
}

/** Puts a checkpoint's weights, buffers and optimizer state back into a live model. */
export function restoreCheckpoint(
  ckpt: Checkpoint,
  params: Param[],
  buffers: StateBuffer[],
  optimizer: Optimizer,
): void {
  restore('params', ckpt.params, params);
  for (const p of params) p.version++;
  restore('buffers', ckpt.buffers, buffers);
  optimizer.load(ckpt.optimizer);
}
