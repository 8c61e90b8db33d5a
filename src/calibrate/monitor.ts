/**
 * The training monitor: a Device wrapper that passes every call through, and for a sampled
 * fraction of the products compares the board's outputs with what the calibration profile
 * predicts (predict.ts). Per output channel it keeps exponentially weighted averages over the
 * last `window` sampled products of
 * - the mean error in predicted standard deviations (offset mismatch),
 * - the relative gain error (regression of the error on the predicted signal),
 * - the noise ratio (spread of the standardised error),
 * and when one drifts past its threshold it emits a telemetry event and logs one line suggesting
 * recalibration, once per excursion. The trainer can install it through a wrapDevice hook; it is
 * equally usable by hand: `device = monitorDevice(board, profile)`.
 */
import { merge, Subject, type Observable } from 'rxjs';
import { hash32, splitmix32, type Rng } from '../data/prng.js';
import type { Device, DeviceInfo, ProductContext, Telemetry, TileId } from '../device/device.js';
import type { Profile } from '../profile/index.js';
import { ProfilePredictor } from './predict.js';

export interface MonitorOptions {
  /** Fraction of products compared (0..1). Default 0.02. */
  fraction?: number;
  /** Averaging window, in sampled products per channel. Default 200. */
  window?: number;
  /** Sampled products per channel before any warning. Default the window. */
  warmup?: number;
  /** Largest |mean error| in predicted standard deviations. Default 1. */
  biasThreshold?: number;
  /** Largest |relative gain error|. Default 0.05. */
  gainThreshold?: number;
  /** Largest noise ratio, or 1 / it. Default 1.5. */
  noiseRatio?: number;
  /** Seeds the sampling. Default 1. */
  seed?: number;
  /** Milliseconds clock, for the profile's drift since programming. Default Date.now. */
  clock?: () => number;
  /** Where the warning line goes. Default stderr. */
  log?: (line: string) => void;
  /** The device URI, named in warnings and telemetry. */
  source?: string;
}

export interface ChannelMonitor {
  channel: number;
  samples: number;
  /** EWMA of (y - predicted mean) / predicted sd. */
  bias: number;
  /** Relative gain error estimate. */
  gainError: number;
  /** sqrt(EWMA of the squared standardised error - bias^2). */
  noiseRatio: number;
}

export interface MonitorStatus {
  sampled: number;
  channels: ChannelMonitor[];
  /** Whether a mismatch is past its threshold now. */
  drifting: boolean;
  warnings: number;
  /** The last warning text. */
  lastWarning?: string;
}

interface TileImage {
  Wq: Float64Array;
  rows: number;
  cols: number;
  programmedAt: number;
}

class Ewma {
  samples = 0;
  private b = 0; // standardised error
  private q = 0; // its square
  private eg = 0; // error x centred prediction
  private gg = 0; // centred prediction squared
  constructor(private readonly alpha: number) {}
  add(r: number, err: number, centred: number): void {
    // Start as a plain average, then forget at rate alpha.
    const a = Math.max(this.alpha, 1 / ++this.samples);
    this.b += a * (r - this.b);
    this.q += a * (r * r - this.q);
    this.eg += a * (err * centred - this.eg);
    this.gg += a * (centred * centred - this.gg);
  }
  get bias(): number {
    return this.b;
  }
  get gainError(): number {
    return this.gg > 0 ? this.eg / this.gg : 0;
  }
  get noiseRatio(): number {
    return Math.sqrt(Math.max(0, this.q - this.b * this.b));
  }
}

export class CalibrationMonitor implements Device {
  readonly telemetry$: Observable<Telemetry>;
  private readonly own = new Subject<Telemetry>();
  private readonly predictor: ProfilePredictor;
  private readonly tiles = new Map<TileId, TileImage>();
  private readonly stats: Ewma[];
  private readonly rng: Rng;
  private readonly o: Required<Omit<MonitorOptions, 'source' | 'seed'>> & { source: string };
  private sampled = 0;
  private warnings = 0;
  private drifting = false;
  private lastWarning: string | undefined;

  constructor(
    private readonly inner: Device,
    profile: Profile,
    options: MonitorOptions = {},
  ) {
    const window = options.window ?? 200;
    this.o = {
      fraction: options.fraction ?? 0.02,
      window,
      warmup: options.warmup ?? window,
      biasThreshold: options.biasThreshold ?? 1,
      gainThreshold: options.gainThreshold ?? 0.05,
      noiseRatio: options.noiseRatio ?? 1.5,
      clock: options.clock ?? Date.now,
      log: options.log ?? ((line) => process.stderr.write(`${line}\n`)),
      source: options.source ?? inner.info().model,
    };
    this.predictor = new ProfilePredictor(profile);
    this.stats = Array.from({ length: profile.array.rows }, () => new Ewma(1 / window));
    this.rng = splitmix32(hash32(options.seed ?? 1, 0x30a1));
    this.telemetry$ = merge(inner.telemetry$, this.own);
  }

  info(): DeviceInfo {
    return this.inner.info();
  }

  async program(tile: TileId, W: Float32Array, rows: number, cols: number): Promise<void> {
    await this.inner.program(tile, W, rows, cols);
    this.tiles.set(tile, {
      Wq: this.predictor.programmed(W),
      rows,
      cols,
      programmedAt: this.o.clock(),
    });
  }

  async matmul(
    tile: TileId,
    X: Float32Array,
    batch: number,
    ctx?: ProductContext,
  ): Promise<Float32Array> {
    const Y = await this.inner.matmul(tile, X, batch, ctx);
    const t = this.tiles.get(tile);
    if (!t || t.rows > this.stats.length || this.o.fraction <= 0) return Y;
    const hours = (this.o.clock() - t.programmedAt) / 3_600_000;
    const [lo, hi] = this.predictor.profile.adc.range;
    for (let b = 0; b < batch; b++) {
      if (this.rng() / 0x100000000 >= this.o.fraction) continue;
      this.sampled++;
      const x = X.subarray(b * t.cols, (b + 1) * t.cols);
      const p = this.predictor.predict(t.Wq, t.rows, t.cols, x, hours);
      for (let r = 0; r < t.rows; r++) {
        const y = Y[b * t.rows + r]!;
        const m = p.mean[r]!;
        const s = p.sd[r]!;
        // Near the rails the output is clipped and the Gaussian picture does not hold.
        if (m - 3 * s <= lo || m + 3 * s >= hi || y <= lo || y >= hi || !(s > 0)) continue;
        const err = y - m;
        this.stats[r]!.add(err / s, err, m - this.offsetOf(r));
      }
    }
    this.evaluate();
    return Y;
  }

  private offsetOf(r: number): number {
    const o = this.predictor.profile.channels.offset;
    return typeof o === 'number' ? o : o[r]!;
  }

  /** The current mismatch per channel. */
  status(): MonitorStatus {
    return {
      sampled: this.sampled,
      channels: this.stats.map((s, channel) => ({
        channel,
        samples: s.samples,
        bias: s.bias,
        gainError: s.gainError,
        noiseRatio: s.noiseRatio,
      })),
      drifting: this.drifting,
      warnings: this.warnings,
      ...(this.lastWarning ? { lastWarning: this.lastWarning } : {}),
    };
  }

  private evaluate(): void {
    const o = this.o;
    const problems: string[] = [];
    this.stats.forEach((s, r) => {
      if (s.samples < o.warmup) return;
      if (Math.abs(s.bias) > o.biasThreshold)
        problems.push(
          `channel ${r} mean error ${s.bias.toFixed(2)} sd (threshold ${o.biasThreshold})`,
        );
      if (Math.abs(s.gainError) > o.gainThreshold)
        problems.push(
          `channel ${r} gain off by ${(100 * s.gainError).toFixed(1)}% (threshold ${(100 * o.gainThreshold).toFixed(1)}%)`,
        );
      const nr = s.noiseRatio;
      if (nr > o.noiseRatio || nr < 1 / o.noiseRatio)
        problems.push(
          `channel ${r} noise ${nr.toFixed(2)}x the profile's (threshold ${o.noiseRatio}x)`,
        );
    });
    const now = problems.length > 0;
    if (now && !this.drifting) {
      this.warnings++;
      const shown =
        problems.slice(0, 3).join('; ') +
        (problems.length > 3 ? `; and ${problems.length - 3} more` : '');
      const text = `calibration mismatch on ${o.source}: ${shown}, over the last ~${o.window} sampled products; the profile no longer describes the device: recalibrate with analoop calibrate --device <uri> --out <profile.json>`;
      this.lastWarning = text;
      this.own.next({ time: Date.now(), source: o.source, event: text });
      o.log(`analoop: warning: ${text}`);
    }
    this.drifting = now;
  }

  async close(): Promise<void> {
    await this.inner.close();
    this.own.complete();
  }
}

/** Wrap `device` in a calibration monitor for `profile` (a trainer's wrapDevice hook). */
export function monitorDevice(
  device: Device,
  profile: Profile,
  options?: MonitorOptions,
): CalibrationMonitor {
  return new CalibrationMonitor(device, profile, options);
}
