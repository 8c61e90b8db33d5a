import { z } from 'zod';

/**
 * A training run's resolved configuration: everything that decides its result. It is written to
 * the run manifest and compared on --resume, so a resumed run cannot silently change course.
 */
export const TrainConfigSchema = z
  .object({
    model: z.string().min(1),
    modelOptions: z.record(z.string(), z.unknown()).default({}),
    analog: z.enum(['all', 'none', 'all-but-head']).default('all'),
    activation: z.string().min(1).default('relu'),
    device: z.string().min(1).default('sim:paper?p=16&ep=0.5'),
    dataset: z.string().min(1).default('mnist'),
    grey: z.boolean().default(false),
    augment: z.boolean().default(false),
    /** Use only the first n training / test samples (0 = all): quick runs and tests. */
    trainLimit: z.number().int().min(0).default(0),
    testLimit: z.number().int().min(0).default(0),
    epochs: z.number().int().min(1),
    batchSize: z.number().int().min(1).default(128),
    optimizer: z.enum(['sgd', 'adam', 'adamw']).default('adam'),
    lr: z.number().positive().default(1e-3),
    momentum: z.number().min(0).max(1).default(0.9),
    weightDecay: z.number().min(0).default(0),
    schedule: z.string().default('constant'),
    /** Clip the global gradient norm to this value (0 = off). */
    clipNorm: z.number().min(0).default(0),
    seed: z.number().int().min(0).max(0xffffffff).default(1),
    /** Also evaluate with noise off (the same weights on the ideal device), each epoch. */
    evalNoiseOff: z.boolean().default(false),
    /** Stop when max test accuracy has not improved for this many epochs (0 = never). */
    patience: z.number().int().min(0).default(0),
  })
  .strict();

export type TrainConfig = z.infer<typeof TrainConfigSchema>;
export type TrainConfigInput = z.input<typeof TrainConfigSchema>;

/** Validates a config, with an error that names each bad field. */
export function resolveTrainConfig(input: TrainConfigInput): TrainConfig {
  const r = TrainConfigSchema.safeParse(input);
  if (!r.success) {
    const lines = r.error.issues.map((i) => `  ${i.path.join('.') || '(config)'}: ${i.message}`);
    throw new RangeError(`invalid training config:\n${lines.join('\n')}`);
  }
  return r.data;
}
