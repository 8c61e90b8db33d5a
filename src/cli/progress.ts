import cliProgress from 'cli-progress';
import type { BatchProgress, EpochMetrics } from '../train/metrics.js';

/**
 * Renders training progress: a bar on a terminal, JSON lines otherwise (logs, pipes, CI), so a
 * script can follow a run without parsing a bar.
 */
export function progressReporter(opts: { json: boolean; label?: string }) {
  const prefix = opts.label ? `${opts.label} ` : '';
  if (opts.json) {
    let lastBatchLog = 0;
    return {
      update(e: BatchProgress | EpochMetrics) {
        if (e.event === 'batch') {
          // Batch lines at most once a second: enough to see a run is alive.
          const now = Date.now();
          if (now - lastBatchLog < 1000 && e.batch !== e.batches) return;
          lastBatchLog = now;
        }
        process.stdout.write(JSON.stringify(opts.label ? { run: opts.label, ...e } : e) + '\n');
      },
      stop() {},
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      format: `${prefix}epoch {epoch} |{bar}| {value}/{total} batches | loss {loss} | acc {acc}`,
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let active = false;
  return {
    update(e: BatchProgress | EpochMetrics) {
      if (e.event === 'batch') {
        if (!active) {
          bar.start(e.batches, 0, { epoch: e.epoch, loss: '-', acc: '-' });
          active = true;
        }
        bar.update(e.batch, {
          epoch: e.epoch,
          loss: e.loss.toFixed(4),
          acc: e.accuracy.toFixed(3),
        });
      } else {
        if (active) bar.stop();
        active = false;
        const off =
          e.testAccuracyNoiseOff !== undefined
            ? ` | test acc noise off ${(e.testAccuracyNoiseOff * 100).toFixed(2)}%`
            : '';
        process.stdout.write(
          `${prefix}epoch ${e.epoch}: train loss ${e.trainLoss.toFixed(4)}, acc ${(e.trainAccuracy * 100).toFixed(2)}% | ` +
            `test loss ${e.testLoss.toFixed(4)}, acc ${(e.testAccuracy * 100).toFixed(2)}%${off} | ${e.seconds.toFixed(1)} s\n`,
        );
      }
    },
    stop() {
      if (active) bar.stop();
      active = false;
    },
  };
}
