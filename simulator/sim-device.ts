import { Subject } from 'rxjs';
import type {
  Device,
  DeviceInfo,
  ProductContext,
  ProgramContext,
  SourceRows,
  Telemetry,
  TileId,
} from '../src/device/device.js';
import { DeviceError } from '../src/device/errors.js';
import type { Kernels } from '../src/compute/kernels.js';
import { getKernels } from '../src/compute/registry.js';
import { loadNativeAddon, type NativeAddon } from '../src/compute/native-addon.js';
import { deriveKey, resolveNoise, type NoiseKey, type NoiseSpec } from '../src/noise/index.js';
import {
  applyChainReference,
  compileChain,
  type NoiseChain,
  type CompiledChain,
} from '../src/noise/fused.js';
import {
  checkContext,
  checkMatmulArgs,
  checkProgramContext,
  checkSourceContext,
  checkSourceValues,
  checkProgramArgs,
  closedError,
  copyProgramWeights,
  resultArray,
} from './checks.js';
import { gemmProduct, gemmProductByChunks, tileProduct } from './product.js';
import {
  converterBits,
  converterPrecision,
  parseProfile,
  profileId,
  type ConverterSpec,
  type Nonlinearity,
  type Profile,
  type ProfileNoiseSpec,
} from '../src/profile/index.js';

/**
 * Noise streams, the second part of every noise key: (seed, stream, tile, draw). Draws made
 * without a ProductContext use the AUTO_* streams so they never collide with explicit draws.
 */
const STREAM = { program: 1, weight: 2, input: 3, read: 4, inputSource: 5 } as const;
const AUTO = 16;
/** Largest span of source indices one matmul may touch (bounds the per-call noise buffer). */
const MAX_SOURCE_SPAN = 1 << 28;

export interface SimDeviceOptions {
  /** Overrides the profile's seed (the effective profile, and so profileId, carries it). */
  seed?: number;
  /** Milliseconds clock for drift; inject a fake one in tests. Default Date.now. */
  clock?: () => number;
  /** Where the device came from (its URI), for telemetry. */
  source?: string;
  /**
   * The product z = X_d W_d^T: 'gemm' (default), float32 through the Kernels provider, fast
   * and bit-reproducible for a given provider; 'float64', exact float64 sums in plain JS,
   * identical on every machine but ~30x slower.
   */
  product?: 'gemm' | 'float64';
  /** Kernels for the 'gemm' product; default getKernels() (the fastest that loads). */
  kernels?: Kernels;
  /**
   * How the conversion chains run; all three give identical bits. 'fused' (default): one pass,
   * native when the addon is built; 'fused-js': one pass in JS; 'reference': the separate
   * clamp, reducePrecision and addNoise calls (for benchmarks and cross-checks).
   */
  chains?: 'fused' | 'fused-js' | 'reference';
  /**
   * Check on every per-source call with ProductContext.sourceValues that the caller kept its
   * contract (X[i] is sourceValues[inputSource[i]], bit for bit): a pass over X, for tests.
   */
  checkSourceValues?: boolean;
}

/** The key of chains that draw no noise (quantisation only); never read. */
const NO_KEY: NoiseKey = { k0: 0, k1: 0 };

type Chain = Pick<CompiledChain, 'apply'>;

function makeChain(chain: NoiseChain, how: SimDeviceOptions['chains']): Chain {
  if (how === 'reference') {
    compileChain(chain); // the same validation
    return { apply: (x, key, start, out) => applyChainReference(chain, x, key, start, out) };
  }
  return compileChain(chain, { native: how !== 'fused-js' });
}

interface TileState {
  /** The weights as written (a copy): converted when a product first needs them. */
  raw: Float32Array;
  /** The array the next program() of this shape copies into (the previous raw weights). */
  spare?: Float32Array;
  rows: number;
  cols: number;
  programmedAt: number;
  /** Key of this programming's noise (drawn once per program() call). */
  programKey: NoiseKey;
  /** Programmed weights (clamped, quantised, programming noise), once computed from raw. */
  programmed?: Float32Array;
  /** The array `programmed` is computed into (reused across programmings of one shape). */
  programmedArray?: Float32Array;
  /** Weights with the last draw's weight noise, reused while chunks of one draw arrive. */
  cached?: { stream: number; draw: number; W: Float32Array };
}

function perChannel(v: number | number[], rows: number): Float64Array {
  return typeof v === 'number' ? new Float64Array(rows).fill(v) : Float64Array.from(v);
}

function nonlinearityFn(n: Nonlinearity | undefined): ((y: number) => number) | undefined {
  if (!n) return undefined;
  if (n.kind === 'cubic') {
    const a3 = n.a3;
    return (y) => y + a3 * y * y * y;
  }
  const c = n.coefficients;
  return (y) => {
    let s = 0;
    for (let k = c.length - 1; k >= 0; k--) s = s * y + c[k]!; // Horner
    return s;
  };
}

/**
 * The simulated array, driven by a calibration profile. Per tile and draw it computes
 *
 *   program:  W_p = Clamp_w(W) -> RP(p_w) -> + programming noise      (once per program())
 *   weights:  W_d = W_p + weight noise                                 (fresh every draw)
 *   inputs:   X_d = Clamp_dac(X) -> RP(p_dac) -> + input noise         (the paper's doa)
 *   analog:   z = X_d W_d^T (float32 gemm);  y = gain_r (1 + drift_r t) z + offset_r;  y = f(y)
 *   outputs:  Y = y + read noise -> Clamp_adc -> RP(p_adc)            (the paper's aod)
 *
 * where t is hours since the tile was programmed and f the optional nonlinearity. All noise is
 * counter-based, keyed on (seed, stream, tile, draw) and indexed by the element's global
 * position: input element (rowOffset + b) * cols + c, output (rowOffset + b) * rows + r, weight
 * r * cols + c. So an element's noise does not depend on how a batch is chunked, and a product
 * is bit-reproducible for a given seed, call sequence, clock and Kernels provider (product.ts
 * keeps the gemm chunk-invariant too; `product: 'float64'` makes it machine-independent).
 * Without a ProductContext each call is a fresh draw from a per-device counter, with rowOffset 0.
 *
 * Each conversion chain runs fused (src/noise/fused.ts: one pass over memory, natively when the
 * addon is built), bit-identical to the separate clamp / reducePrecision / addNoise calls.
 * program() only checks and copies W; the weights are converted when a product needs them, and
 * without programming noise the program and weight chains run as one pass (a training run
 * re-programs every tile every step, so this halves the passes over the weights).
 *
 * With `dac.conversion: 'per-source'` (the paper preset) the input noise is keyed on
 * (seed, stream, ctx.sourceTile, draw) and indexed by the source, ctx.sourceOffset +
 * ctx.inputSource[i], so every copy of a pixel carries the same noise, and a -1 entry is
 * converted as exactly 0. Without a map the element position is used, as 'per-element' does.
 * With ctx.sourceValues the sources are converted from there, not gathered from X's copies (the
 * same bits: each source's value and noise index are the same).
 */
export class SimDevice implements Device {
  readonly telemetry$ = new Subject<Telemetry>();
  /** The effective profile (seed override applied). */
  readonly profile: Profile;
  readonly profileId: string;
  private readonly infoValue: DeviceInfo;
  private readonly seed: number;
  private readonly clock: () => number;
  private readonly source: string;
  private readonly noise: {
    programming: NoiseSpec;
    weight: NoiseSpec;
    input: NoiseSpec;
    read: NoiseSpec;
  };
  private readonly pIn: number;
  private readonly pOut: number;
  private readonly pW: number;
  private readonly gain: Float64Array;
  private readonly offset: Float64Array;
  private readonly drift: Float64Array;
  private readonly hasDrift: boolean;
  private readonly nonlinearity: ((y: number) => number) | undefined;
  private readonly perSource: boolean;
  private readonly chains: {
    /** Clamp_w -> RP(p_w) -> programming noise. */
    program: Chain;
    /** Weight noise on the programmed weights. */
    weight: Chain;
    /**
     * Clamp_w -> RP(p_w) -> weight noise: program then weight in one pass, used when programming
     * adds no noise (then the programmed weights are just the quantised ones).
     */
    programWeight: Chain;
    /** Clamp_dac -> RP(p_dac) -> input noise. */
    input: Chain;
    /** Clamp_dac -> RP(p_dac) alone, and the input noise alone (per-source conversion). */
    inputQuant: Chain;
    inputNoise: Chain;
    /** Read noise -> Clamp_adc -> RP(p_adc). */
    read: Chain;
  };
  /** Programming adds no noise: chains.programWeight replaces program then weight. */
  private readonly fuseProgramWeight: boolean;
  private readonly productKind: 'gemm' | 'float64';
  /** Unit gain, zero offset, no drift or nonlinearity, and an ADC that quantises. */
  private readonly plainResponse: boolean;
  private kernels: Kernels | undefined;
  private readonly tiles = new Map<TileId, TileState>();
  private readonly programCount = new Map<TileId, number>();
  /**
   * Per-call working arrays (converted inputs, source buffer, raw product), reused between calls:
   * a fresh large array costs more in page faults than the loops that fill it.
   */
  private readonly scratchArrays = new Map<string, Float32Array>();
  private autoDraw = 0;
  private closed = false;
  private readonly checkValues: boolean;

  constructor(profile: Profile, options: SimDeviceOptions = {}) {
    // Re-validated: a profile built in code gets the same checks as one read from a file.
    this.profile = parseProfile(
      options.seed === undefined ? profile : { ...profile, seed: options.seed },
      options.source ?? `profile "${profile.name}"`,
    );
    this.profileId = profileId(this.profile);
    this.seed = this.profile.seed;
    this.clock = options.clock ?? Date.now;
    this.source = options.source ?? `sim:${this.profile.name}`;
    const pr = this.profile;
    this.pIn = converterPrecision(pr.dac);
    this.pOut = converterPrecision(pr.adc);
    this.pW = converterPrecision(pr.weights);
    // A scale is used as given; an ep is turned into a scale at the block's precision (the
    // converter's, unless the profile names one). Poisson always needs p (its rate is p * scale).
    const resolve = (n: ProfileNoiseSpec, conv: ConverterSpec): NoiseSpec => {
      const pc = n.p ?? converterPrecision(conv);
      const p = pc > 0 ? pc : undefined;
      if (n.model === 'none') return { model: 'none', scale: 0 };
      if (n.scale !== undefined)
        return p === undefined
          ? { model: n.model, scale: n.scale }
          : { model: n.model, scale: n.scale, p };
      const r = resolveNoise({ model: n.model, ep: n.ep!, ...(p === undefined ? {} : { p }) });
      return r.p === undefined
        ? { model: r.model, scale: r.scale }
        : { model: r.model, scale: r.scale, p: r.p };
    };
    this.noise = {
      programming: resolve(pr.noise.programming, pr.weights),
      weight: resolve(pr.noise.weight, pr.weights),
      input: resolve(pr.noise.input, pr.dac),
      read: resolve(pr.noise.read, pr.adc),
    };
    const rows = pr.array.rows;
    this.gain = perChannel(pr.channels.gain, rows);
    this.offset = perChannel(pr.channels.offset, rows);
    this.drift = perChannel(pr.channels.gainDriftPerHour, rows);
    this.hasDrift = this.drift.some((d) => d !== 0);
    this.nonlinearity = nonlinearityFn(pr.nonlinearity);
    this.perSource = pr.dac.conversion === 'per-source';
    this.infoValue = {
      kind: 'simulated',
      model: `sim-${pr.name}`,
      firmware: 'analoop-sim/1',
      serial: this.profileId,
      rows,
      cols: pr.array.cols,
      inputBits: converterBits(pr.dac),
      outputBits: converterBits(pr.adc),
      weightBits: converterBits(pr.weights),
      inputRange: [pr.dac.range[0], pr.dac.range[1]],
      outputRange: [pr.adc.range[0], pr.adc.range[1]],
      weightRange: [pr.weights.range[0], pr.weights.range[1]],
      maxBatch: pr.array.maxBatch,
      profileId: this.profileId,
      inputConversion: this.perSource ? 'per-source' : 'per-element',
    };
    const info = this.infoValue;
    const dac = { lo: info.inputRange[0], hi: info.inputRange[1], p: this.pIn };
    const weightQuant = { lo: info.weightRange[0], hi: info.weightRange[1], p: this.pW };
    const how = options.chains ?? 'fused';
    this.chains = {
      program: makeChain({ pre: weightQuant, noise: this.noise.programming }, how),
      weight: makeChain({ noise: this.noise.weight }, how),
      // Bit-identical to program then weight without programming noise: each stage rounds to
      // float32 as the programmed array's stores did.
      programWeight: makeChain({ pre: weightQuant, noise: this.noise.weight }, how),
      input: makeChain({ pre: dac, noise: this.noise.input }, how),
      inputQuant: makeChain({ pre: dac }, how),
      inputNoise: makeChain({ noise: this.noise.input }, how),
      read: makeChain(
        {
          noise: this.noise.read,
          post: { lo: info.outputRange[0], hi: info.outputRange[1], p: this.pOut },
        },
        how,
      ),
    };
    this.fuseProgramWeight =
      this.noise.programming.model === 'none' || this.noise.programming.scale === 0;
    this.productKind = options.product ?? 'gemm';
    this.checkValues = options.checkSourceValues ?? false;
    this.kernels = options.kernels;
    // y = 1 * z + 0 changes nothing but -0 into +0, which the ADC's RP does anyway.
    const adcRp = this.pOut > 0 && this.pOut < Infinity;
    this.plainResponse =
      adcRp &&
      !this.nonlinearity &&
      !this.hasDrift &&
      this.gain.every((v) => v === 1) &&
      this.offset.every((v) => v === 0);
  }

  info(): DeviceInfo {
    return { ...this.infoValue };
  }

  /** The noise each block uses after resolving EP to a scale (for reports and tests). */
  resolvedNoise(): Readonly<SimDevice['noise']> {
    return this.noise;
  }

  private key(stream: number, tile: TileId, draw: number): NoiseKey {
    return deriveKey(this.seed, stream, tile, draw);
  }

  async program(
    tile: TileId,
    W: Float32Array,
    rows: number,
    cols: number,
    ctx?: ProgramContext,
  ): Promise<void> {
    if (this.closed) throw closedError('program');
    checkProgramArgs(this.infoValue, tile, W, rows, cols);
    const draw = ctx ? checkProgramContext(ctx.draw) : undefined;
    // A training run re-programs every tile every step: a re-write of the same shape reuses the
    // previous programming's arrays (a fresh array would cost more in page faults). The copy
    // goes to the spare array, so a rejected W leaves the tile as it was.
    const prev = this.tiles.get(tile);
    const same = (a: Float32Array | undefined) => (a?.length === W.length ? a : undefined);
    const raw = copyProgramWeights(tile, W, same(prev?.spare) ?? new Float32Array(W.length));
    const count = this.programCount.get(tile) ?? 0;
    this.programCount.set(tile, count + 1);
    const state: TileState = {
      raw,
      rows,
      cols,
      programmedAt: this.clock(),
      // Programming noise is a fresh draw per programming: the caller's (the training step, so
      // a resumed run re-programs as the uninterrupted one did), else one per program() call
      // (a re-write lands differently). The two never share a key.
      programKey:
        draw !== undefined
          ? this.key(STREAM.program, tile, draw)
          : this.key(STREAM.program + AUTO, tile, count),
    };
    const spare = same(prev?.raw);
    if (spare) state.spare = spare;
    const programmedArray = same(prev?.programmedArray);
    if (programmedArray) state.programmedArray = programmedArray;
    // The noisy weights of the previous programming are stale; their array is reused.
    const cached = same(prev?.cached?.W);
    if (cached) state.cached = { stream: -1, draw: -1, W: cached };
    this.tiles.set(tile, state);
    this.telemetry$.next({
      time: Date.now(),
      source: this.source,
      event: `programmed tile ${tile} (${rows}x${cols})`,
    });
  }

  /** The programmed weights of `t`: converted from the raw copy on first use. */
  private programmed(t: TileState): Float32Array {
    if (!t.programmed) {
      t.programmedArray ??= new Float32Array(t.raw.length);
      t.programmed = this.chains.program.apply(t.raw, t.programKey, 0, t.programmedArray);
    }
    return t.programmed;
  }

  private drawWeights(tile: TileId, t: TileState, auto: boolean, draw: number): Float32Array {
    if (this.noise.weight.model === 'none') return this.programmed(t);
    const stream = STREAM.weight + (auto ? AUTO : 0);
    if (t.cached && t.cached.stream === stream && t.cached.draw === draw) return t.cached.W;
    // The previous draw's array is reused: only this call reads it, synchronously.
    const into = t.cached?.W ?? new Float32Array(t.raw.length);
    const key = this.key(stream, tile, draw);
    // Without programming noise, program and weight chains run as one pass over the raw copy.
    const W = this.fuseProgramWeight
      ? this.chains.programWeight.apply(t.raw, key, 0, into)
      : this.chains.weight.apply(this.programmed(t), key, 0, into);
    t.cached = { stream, draw, W };
    return W;
  }

  /** X is read unless the sources are converted from ctx.sourceValues (and not checked). */
  needsX(ctx: ProductContext): boolean {
    return !this.sourceValuesOf(ctx) || this.checkValues;
  }

  /**
   * ctx.sourceValues when matmul converts from them: per source, with a map, and no longer than
   * the gather may span (a longer array takes the gather, which reads X and reports the span).
   */
  private sourceValuesOf(ctx: ProductContext | undefined): Float32Array | undefined {
    const values = ctx?.sourceValues;
    return this.perSource && ctx?.inputSource && values && values.length <= MAX_SOURCE_SPAN
      ? values
      : undefined;
  }

  async matmul(
    tile: TileId,
    X: Float32Array,
    batch: number,
    ctx?: ProductContext,
  ): Promise<Float32Array> {
    if (this.closed) throw closedError('matmul');
    const t = this.tiles.get(tile);
    if (!t) throw new DeviceError('not-programmed', `matmul: tile ${tile} was never programmed`);
    checkMatmulArgs(this.infoValue, tile, t.cols, X, batch);
    // The only await: everything below runs in one go, so the scratch arrays cannot be shared
    // by two calls in flight.
    if (this.productKind === 'gemm') this.kernels ??= await getKernels();
    const auto = ctx === undefined;
    const draw = ctx ? ctx.draw : this.autoDraw++;
    const rowOffset = ctx ? ctx.rowOffset : 0;
    checkContext(draw, rowOffset);
    const a = auto ? AUTO : 0;
    const { rows, cols } = t;
    const result = resultArray(tile, ctx, batch, rows);

    const W = this.drawWeights(tile, t, auto, draw);

    // DAC (doa): clip, quantise, then the input noise.
    const src = this.perSource ? ctx?.inputSource : undefined;
    let Xd: Float32Array | undefined;
    // Per source, the converted sources; the gemm product scatters them chunk by chunk, after
    // prepare (when there is one) converted the sources of that chunk's elements.
    let converted: Converted | undefined;
    if (src) {
      checkSourceContext(tile, src, X.length, ctx!.sourceOffset, ctx!.sourceTile);
      const key = this.key(STREAM.inputSource + a, ctx!.sourceTile ?? tile, draw);
      const values = this.sourceValuesOf(ctx);
      if (values) {
        if (this.checkValues) checkSourceValues(tile, X, src, values, ctx!.sourceRows, batch);
        converted = this.sourceValuesConvert(
          tile,
          values,
          src,
          cols,
          ctx!.sourceOffset ?? 0,
          key,
          ctx!.sourceRows,
        );
      } else {
        const c = this.sourceConvert(tile, X, src, ctx!.sourceOffset ?? 0, key);
        converted = c && {
          fill: (b, take, into) =>
            sourceScatter(c.buf, src.subarray(b * cols, (b + take) * cols), c.min, into),
        };
      }
      if (!converted) Xd = this.scratch('xd', X.length).fill(0);
      else if (this.productKind !== 'gemm') {
        Xd = this.scratch('xd', X.length);
        converted.fill(0, batch, Xd);
        converted = undefined;
      }
    } else {
      const keyTile = this.perSource ? (ctx?.sourceTile ?? tile) : tile;
      if (keyTile !== tile) checkSourceContext(tile, undefined, X.length, undefined, keyTile);
      const key = this.key(STREAM.input + a, keyTile, draw);
      Xd = this.chains.input.apply(X, key, rowOffset * cols, this.scratch('xd', X.length));
    }

    // The analog product and the per-channel response.
    let z: Float32Array | Float64Array;
    if (this.productKind === 'float64') z = tileProduct(Xd!, W, batch, rows, cols);
    else if (converted) {
      // Each chunk of rows filled just before its gemms: X_d is never written whole.
      const fill = converted.fill;
      const grow = (n: number) => this.scratch('xd', n);
      const out = this.scratch('z', batch * rows);
      z = gemmProductByChunks(this.kernels!, fill, grow, W, batch, rows, cols, rowOffset, out);
    } else {
      const out = this.scratch('z', batch * rows);
      z = gemmProduct(this.kernels!, Xd!, W, batch, rows, cols, rowOffset, out);
    }
    // The response is written over the gemm's own scratch (the float64 product needs float32).
    let y: Float32Array;
    if (z instanceof Float32Array && this.plainResponse) y = z;
    else {
      y = z instanceof Float32Array ? z : this.scratch('y', batch * rows);
      const hours = this.hasDrift ? (this.clock() - t.programmedAt) / 3_600_000 : 0;
      const g = new Float64Array(rows);
      for (let r = 0; r < rows; r++) g[r] = this.gain[r]! * (1 + this.drift[r]! * hours);
      const off = this.offset;
      const f = this.nonlinearity;
      for (let b = 0; b < batch; b++) {
        const o = b * rows;
        if (f) for (let r = 0; r < rows; r++) y[o + r] = f(g[r]! * z[o + r]! + off[r]!);
        else for (let r = 0; r < rows; r++) y[o + r] = g[r]! * z[o + r]! + off[r]!;
      }
    }

    // ADC (aod): read noise, clip, quantise, into ctx.out or a fresh array (the caller keeps it).
    const key = this.key(STREAM.read + a, tile, draw);
    return this.chains.read.apply(y, key, rowOffset * rows, result);
  }

  /**
   * The DAC once per source: the copies of each source are gathered into one buffer over the span
   * of sources this call touches (checking that they agree), converted there (clamp, quantise,
   * then the input noise as elements sourceOffset + min .. sourceOffset + max of the stream, so
   * the noise of a source does not depend on which call or chunk holds it), and scattered back.
   * Converting the buffer rather than every copy does the chain's work once per source (a 3x3
   * conv has ~9 copies of each pixel). Structural zeros (-1) become 0. Works for
   * signal-dependent noise (Poisson) too, since copies hold the same value. Returns the converted
   * buffer (buf[s - min] for source s) for the caller to scatter, or undefined when every entry
   * is -1 (X_d is all zeros).
   */
  private sourceConvert(
    tile: TileId,
    X: Float32Array,
    src: Int32Array,
    sourceOffset: number,
    key: NoiseKey,
  ): { buf: Float32Array; min: number } | undefined {
    const { min, max, bad } = sourceRange(src);
    if (bad >= 0) {
      throw new DeviceError(
        'bad-shape',
        `matmul(tile ${tile}): inputSource[${bad}] = ${src[bad]}; use a source index >= 0 or -1 (structural zero)`,
      );
    }
    if (max < 0) return undefined;
    const span = max - min + 1;
    if (span > MAX_SOURCE_SPAN) {
      throw new DeviceError(
        'bad-shape',
        `matmul(tile ${tile}): inputSource spans ${span} sources (more than ${MAX_SOURCE_SPAN}); send fewer rows per call`,
      );
    }
    // NaN marks a slot no copy has written yet (a NaN input is its own, harmless, exception).
    const buf = this.scratch('buf', span).fill(NaN);
    if (sourceGather(X, src, min, buf) >= 0) {
      // Raw copies differ; they may still agree once quantised, which is all the contract asks:
      // compare the quantised copies instead (and report the first that disagrees).
      const Xq = this.chains.inputQuant.apply(X, NO_KEY, 0, new Float32Array(X.length));
      buf.fill(NaN);
      const i = sourceGather(Xq, src, min, buf);
      if (i >= 0) {
        throw new DeviceError(
          'bad-shape',
          `matmul(tile ${tile}): inputSource maps elements with different values (${buf[src[i]! - min]}, ${Xq[i]}) to source ${src[i]}; copies of one source must be equal`,
        );
      }
    } else {
      this.chains.inputQuant.apply(buf, NO_KEY, 0);
    }
    this.chains.inputNoise.apply(buf, key, sourceOffset + min);
    return { buf, min };
  }

  /**
   * The DAC once per source from ctx.sourceValues (the caller's sources themselves): no gather
   * and no agreement check, as the caller guarantees the copies. Slot s of the converted buffer
   * is sourceValues[s] clamped, quantised, then given the input noise of element sourceOffset + s
   * of the stream: what sourceConvert puts in slot s - min, bit for bit. With several copies per
   * source (WHOLE_SOURCES_RATIO) every slot is converted up front; otherwise on demand, the slots
   * each chunk of rows reads (found from the map, or from rows.span) when it is filled, so a call
   * touching a few images of a long sourceValues (a TiledMatrix chunk) converts only those. A
   * chunk's rows are laid out by the caller's rows.fill when given (a conv's im2row: no read of
   * the map, which is as large as X), else scattered through the map, checking it on the way.
   */
  private sourceValuesConvert(
    tile: TileId,
    values: Float32Array,
    src: Int32Array,
    cols: number,
    sourceOffset: number,
    key: NoiseKey,
    rows: SourceRows | undefined,
  ): Converted {
    const buf = this.scratch('buf', values.length);
    const convert = (a: number, b: number) => {
      const part = this.chains.inputQuant.apply(
        values.subarray(a, b),
        NO_KEY,
        0,
        buf.subarray(a, b),
      );
      this.chains.inputNoise.apply(part, key, sourceOffset + a);
    };
    // The map's entries are checked on the way: by the range passes, or by the scatter itself.
    const badEntry = (r: { max: number; bad: number }, i0: number) => {
      if (r.bad >= 0) {
        const i = i0 + r.bad;
        throw new DeviceError(
          'bad-shape',
          `matmul(tile ${tile}): inputSource[${i}] = ${src[i]}; use a source index >= 0 or -1 (structural zero)`,
        );
      }
      if (r.max >= values.length) {
        throw new DeviceError(
          'bad-shape',
          `matmul(tile ${tile}): inputSource holds source ${r.max}, outside sourceValues (${values.length} values)`,
        );
      }
    };
    const wholeSources = values.length * WHOLE_SOURCES_RATIO <= src.length;
    if (rows) {
      // The caller's own layout (a conv's im2row of the converted pixels): no read of the map.
      if (wholeSources) {
        convert(0, values.length);
        return { fill: (b, take, into) => rows.fill(buf, b, take, into) };
      }
      const covered = this.onDemand(convert);
      return {
        fill: (b, take, into) => {
          const [lo, hi] = rows.span(b, take);
          if (hi > lo) covered(lo, hi);
          rows.fill(buf, b, take, into);
        },
      };
    }
    const native = sourceAddon(SOURCE_NATIVE_MIN) as
      (NativeAddon & CheckedScatterAddon) | undefined;
    if (native?.sourceScatterChecked && wholeSources) {
      // Few sources for many copies (a conv call within maxBatch): converting them all costs
      // less than finding which the map touches (a pass over the map, as long as the scatter's).
      convert(0, values.length);
      return {
        fill: (b, take, into) => {
          if (
            native.sourceScatterChecked!(buf, src.subarray(b * cols, (b + take) * cols), into) >= 0
          ) {
            // Report as the range passes would, over the whole map.
            badEntry(sourceRange(src), 0);
            throw new DeviceError('bad-shape', `matmul(tile ${tile}): bad inputSource`);
          }
        },
      };
    }
    const covered = this.onDemand(convert);
    return {
      fill: (b, take, into) => {
        const part = src.subarray(b * cols, (b + take) * cols);
        const r = sourceRange(part);
        badEntry(r, b * cols);
        if (r.max >= 0) covered(r.min, r.max + 1);
        sourceScatter(buf, part, 0, into);
      },
    };
  }

  /**
   * convert(a, b) of slots on demand: covered(a, b) converts those of [a, b) not converted yet,
   * keeping one converted interval (a gap between two requests is converted too; nothing reads
   * it).
   */
  private onDemand(convert: (a: number, b: number) => void): (a: number, b: number) => void {
    // Slots [lo, hi) are converted (none while hi <= lo).
    let lo = 0;
    let hi = 0;
    return (a, b) => {
      if (hi <= lo) {
        convert(a, b);
        lo = a;
        hi = b;
        return;
      }
      if (a < lo) {
        convert(a, lo);
        lo = a;
      }
      if (b > hi) {
        convert(hi, b);
        hi = b;
      }
    };
  }

  /** Scratch `name` of exactly n elements (a view of a buffer grown as needed). */
  private scratch(name: string, n: number): Float32Array {
    let a = this.scratchArrays.get(name);
    if (!a || a.length < n) {
      a = new Float32Array(n);
      this.scratchArrays.set(name, a);
    }
    return a.subarray(0, n);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.tiles.clear();
    this.scratchArrays.clear();
    this.telemetry$.next({ time: Date.now(), source: this.source, event: 'closed' });
    this.telemetry$.complete();
  }
}

/** A per-source call's converted inputs, handed out chunk by chunk as rows of X_d. */
interface Converted {
  /** Rows [b, b + take) of X_d into `into` (take x cols), converting what they need first. */
  fill(b: number, take: number, into: Float32Array): void;
}

/**
 * sourceValuesConvert converts every source up front (no range passes) when the map holds at
 * least this many entries per source: then the conversion of unused sources costs less than the
 * passes (a 3x3 conv call has ~9 copies per pixel; a TiledMatrix chunk of a long call ~1).
 */
const WHOLE_SOURCES_RATIO = 4;

/** The scatter that also checks the map (native/sources.c). */
interface CheckedScatterAddon {
  /**
   * out[i] = src[i] < 0 ? 0 : buf[src[i]]; returns -1, or the first i (of some range) whose
   * entry is below -1 or past buf (out is then partly written).
   */
  sourceScatterChecked?(buf: Float32Array, src: Int32Array, out: Float32Array): number;
}

// Per-source gather and scatter: the addon's loops when it is built (several times faster on
// the ~10^8 copies of a convnet step), else these, which do the same.

const SOURCE_NATIVE_MIN = 4096;

function sourceAddon(n: number): NativeAddon | undefined {
  if (n < SOURCE_NATIVE_MIN) return undefined;
  const a = loadNativeAddon();
  return a.ok && a.addon.sourceGather ? a.addon : undefined;
}

/** min and max of the entries >= 0 of src, or bad = the first index holding less than -1. */
function sourceRange(src: Int32Array): { min: number; max: number; bad: number } {
  const native = sourceAddon(src.length);
  if (native?.sourceRange) {
    const [a, b] = native.sourceRange(src);
    return b === -2 ? { min: 0, max: -1, bad: a } : { min: a, max: b, bad: -1 };
  }
  let min = 0x7fffffff;
  let max = -1;
  for (let i = 0; i < src.length; i++) {
    const s = src[i]!;
    if (s < 0) {
      if (s !== -1) return { min: 0, max: -1, bad: i };
      continue;
    }
    if (s < min) min = s;
    if (s > max) max = s;
  }
  return { min, max, bad: -1 };
}

/** buf[src[i] - min] = X[i] for src[i] >= 0; returns -1, or the first i disagreeing with its slot. */
function sourceGather(X: Float32Array, src: Int32Array, min: number, buf: Float32Array): number {
  const native = sourceAddon(src.length);
  if (native?.sourceGather) return native.sourceGather(X, src, min, buf);
  for (let i = 0; i < src.length; i++) {
    const s = src[i]!;
    if (s < 0) continue;
    const j = s - min;
    const prev = buf[j]!;
    const v = X[i]!;
    if (prev !== prev) buf[j] = v;
    else if (prev !== v) return i;
  }
  return -1;
}

/** out[i] = src[i] < 0 ? 0 : buf[src[i] - min]. */
function sourceScatter(buf: Float32Array, src: Int32Array, min: number, out: Float32Array): void {
  const native = sourceAddon(src.length);
  if (native?.sourceScatter) {
    native.sourceScatter(buf, src, min, out);
    return;
  }
  for (let i = 0; i < src.length; i++) {
    const s = src[i]!;
    out[i] = s < 0 ? 0 : buf[s - min]!;
  }
}
