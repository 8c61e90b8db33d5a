import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A run directory: manifest.json (what ran, on what), metrics.jsonl (append-only, one JSON object
 * per line), checkpoint.json (the latest finished epoch).
 */
export class RunDir {
  constructor(readonly path: string) {}

  get manifestFile(): string {
    return join(this.path, 'manifest.json');
  }
  get metricsFile(): string {
    return join(this.path, 'metrics.jsonl');
  }
  get checkpointFile(): string {
    return join(this.path, 'checkpoint.json');
  }

  hasCheckpoint(): boolean {
    return existsSync(this.checkpointFile);
  }

  async create(): Promise<void> {
    await mkdir(this.path, { recursive: true });
  }

  async writeManifest(manifest: unknown): Promise<void> {
    await writeFile(this.manifestFile, JSON.stringify(manifest, null, 2) + '\n');
  }

  async readManifest(): Promise<Record<string, unknown>> {
    try {
      return JSON.parse(await readFile(this.manifestFile, 'utf8')) as Record<string, unknown>;
    } catch (err) {
      throw new Error(
        `${this.manifestFile}: cannot read the run manifest (${(err as Error).message})`,
      );
    }
  }

  async append(record: object): Promise<void> {
    await appendFile(this.metricsFile, JSON.stringify(record) + '\n');
  }
}
