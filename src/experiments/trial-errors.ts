/** A trial stopped by an abort (Ctrl-C, or the queue shutting down); it stays resumable. */
export class TrialInterrupted extends Error {
  override name = 'TrialInterrupted';
}

/** A trial worker failed; the message carries the worker's own error. */
export class TrialFailed extends Error {
  override name = 'TrialFailed';
}
