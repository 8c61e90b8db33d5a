/**
 * Which Kernels provider this process uses. Providers register with a priority (as tfjs
 * backends do) and the highest one that loads wins; the choice is made once and cached, and
 * every attempt is kept so that `analoop doctor` can say what was tried and how to enable it.
 * Registration stays open: other providers can register themselves from their own modules.
 */
import type { Kernels, KernelsProvider } from './kernels.js';
import { jsProvider } from './js-kernels.js';
import { openblasProvider } from './openblas-kernels.js';
import { tfjsNodeProvider } from './tfjs-node-kernels.js';
import { tfjsWasmProvider } from './tfjs-wasm-kernels.js';

/** The environment variable that forces a provider by name ("auto" or empty: no preference). */
export const KERNELS_ENV = 'ANALOOP_KERNELS';

/** One provider tried during selection. */
export interface KernelsAttempt {
  name: string;
  priority: number;
  ok: boolean;
  /** Why it failed to load (absent when ok). */
  reason?: string;
  /** The provider's own advice for making it available (absent when ok). */
  howToEnable?: string;
}

export interface KernelsSelection {
  kernels: Kernels;
  /** In the order tried: highest priority first, ending with the winner. */
  attempts: KernelsAttempt[];
}

export interface SelectKernelsOptions {
  /** Force this provider; otherwise `ANALOOP_KERNELS`, otherwise the highest that loads. */
  prefer?: string;
}

/** Selection failed: the forced provider is unknown or did not load, or none loaded. */
export class KernelsSelectionError extends Error {
  override name = 'KernelsSelectionError';
  constructor(
    message: string,
    readonly attempts: KernelsAttempt[],
  ) {
    super(message);
  }
}

function reasonOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** A set of providers and the cached choice among them. The module holds the default one. */
export class KernelsRegistry {
  private readonly providers = new Map<string, KernelsProvider>();
  /** Keyed by the effective preference ('' for automatic); promises, so concurrent callers share one load. */
  private readonly selections = new Map<string, Promise<KernelsSelection>>();

  /** Adds or replaces (by name) a provider; forgets cached choices so it is considered. */
  register(p: KernelsProvider): void {
    this.providers.set(p.name, p);
    this.selections.clear();
  }

  /** Providers, highest priority first. */
  list(): KernelsProvider[] {
    return [...this.providers.values()].sort((a, b) => b.priority - a.priority);
  }

  /** Forgets cached choices (tests, or after the environment changed). */
  reset(): void {
    this.selections.clear();
  }

  select(opts: SelectKernelsOptions = {}): Promise<KernelsSelection> {
    const raw = opts.prefer ?? process.env[KERNELS_ENV] ?? '';
    const prefer = raw.trim() === 'auto' ? '' : raw.trim();
    let pending = this.selections.get(prefer);
    if (!pending) {
      const started = prefer ? this.forced(prefer, opts.prefer !== undefined) : this.automatic();
      // A failed selection is not cached: the caller may fix the environment and retry.
      started.catch(() => {
        if (this.selections.get(prefer) === started) this.selections.delete(prefer);
      });
      this.selections.set(prefer, started);
      pending = started;
    }
    return pending;
  }

  private names(): string {
    return this.list()
      .map((p) => p.name)
      .join(', ');
  }

  private async tryLoad(
    p: KernelsProvider,
  ): Promise<{ attempt: KernelsAttempt; kernels?: Kernels }> {
    try {
      const kernels = await p.load();
      return { attempt: { name: p.name, priority: p.priority, ok: true }, kernels };
    } catch (e) {
      const attempt: KernelsAttempt = {
        name: p.name,
        priority: p.priority,
        ok: false,
        reason: reasonOf(e),
      };
      if (p.howToEnable) attempt.howToEnable = p.howToEnable;
      return { attempt };
    }
  }

  private async forced(name: string, fromOption: boolean): Promise<KernelsSelection> {
    const source = fromOption ? 'requested' : `requested by ${KERNELS_ENV}`;
    const p = this.providers.get(name);
    if (!p) {
      throw new KernelsSelectionError(
        `unknown compute provider "${name}" (${source}); available: ${this.names()}`,
        [],
      );
    }
    const { attempt, kernels } = await this.tryLoad(p);
    if (!kernels) {
      const how = attempt.howToEnable ? `; to enable it: ${attempt.howToEnable}` : '';
      throw new KernelsSelectionError(
        `compute provider "${name}" (${source}) failed to load: ${attempt.reason}${how}` +
          `; available: ${this.names()}`,
        [attempt],
      );
    }
    return { kernels, attempts: [attempt] };
  }

  private async automatic(): Promise<KernelsSelection> {
    const attempts: KernelsAttempt[] = [];
    for (const p of this.list()) {
      const { attempt, kernels } = await this.tryLoad(p);
      attempts.push(attempt);
      if (kernels) return { kernels, attempts };
    }
    throw new KernelsSelectionError(
      `no compute provider loaded: ${attempts.map((a) => `${a.name}: ${a.reason}`).join('; ')}`,
      attempts,
    );
  }
}

/** The process-wide registry, holding the built-in providers. */
export const kernelsRegistry = new KernelsRegistry();
kernelsRegistry.register(openblasProvider);
kernelsRegistry.register(tfjsNodeProvider);
kernelsRegistry.register(tfjsWasmProvider);
kernelsRegistry.register(jsProvider);

/** Adds a provider to the process-wide registry (e.g. a native BLAS addon at priority 400). */
export function registerKernelsProvider(p: KernelsProvider): void {
  kernelsRegistry.register(p);
}

/** Registered providers, highest priority first. */
export function listKernelsProviders(): KernelsProvider[] {
  return kernelsRegistry.list();
}

/**
 * Chooses the kernels: `prefer` (or `ANALOOP_KERNELS`) forces one provider and rejects with a
 * KernelsSelectionError listing the available names if it is unknown or fails to load;
 * otherwise the highest priority that loads wins. Cached per preference.
 */
export function selectKernels(opts?: SelectKernelsOptions): Promise<KernelsSelection> {
  return kernelsRegistry.select(opts);
}

/** The selected kernels (selection runs once per process). */
export async function getKernels(): Promise<Kernels> {
  return (await kernelsRegistry.select()).kernels;
}
