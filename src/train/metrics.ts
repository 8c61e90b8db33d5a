/** One line of metrics.jsonl per finished epoch. */
export interface EpochMetrics {
  event: 'epoch';
  epoch: number;
  step: number;
  lr: number;
  trainLoss: number;
  trainAccuracy: number;
  testLoss: number;
  /** Test accuracy with the device's noise on (the paper's evaluation). */
  testAccuracy: number;
  /** Test accuracy on the ideal device with the same weights, when evalNoiseOff is set. */
  testAccuracyNoiseOff?: number;
  seconds: number;
}

/** Progress within an epoch, for progress bars and JSON-lines logs. */
export interface BatchProgress {
  event: 'batch';
  epoch: number;
  batch: number;
  batches: number;
  loss: number;
  accuracy: number;
}

export interface RunSummary {
  event: 'end';
  epochs: number;
  maxTestAccuracy: number;
  bestEpoch: number;
  finalTrainLoss: number;
  finalTestLoss: number;
  stoppedEarly: string | null;
}
