/**
 * The published package holds only package.json's "files". Every relative import of the shipped
 * code (src, simulator, drivers, bin, compiled into dist/) must land inside one of them, or an
 * installed analoop fails at its first import: dist/proto/generated was missing once.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const SHIPPED = ['src', 'simulator', 'drivers', 'bin'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return p.endsWith('.ts') && !p.endsWith('.d.ts') ? [p] : [];
  });
}

/** Relative specifiers of static and dynamic imports and of re-exports. */
function relativeImports(code: string): string[] {
  const found: string[] = [];
  const re = /(?:from\s+|import\s*\(\s*|import\s+)['"](\.{1,2}\/[^'"]+)['"]/g;
  for (let m = re.exec(code); m; m = re.exec(code)) found.push(m[1]!);
  return found;
}

describe('package.json "files"', () => {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    files: string[];
  };
  const covered = (rel: string) =>
    pkg.files.some((f) => !f.includes('*') && (rel === f || rel.startsWith(f + '/')));

  it('ships every folder the shipped code imports from, as compiled into dist/', () => {
    const missing = new Set<string>();
    for (const top of SHIPPED) {
      for (const file of sourceFiles(path.join(root, top))) {
        for (const spec of relativeImports(readFileSync(file, 'utf8'))) {
          // The compiled file sits at dist/<same relative path>; so does its import's target.
          const target = path.relative(root, path.resolve(path.dirname(file), spec));
          const shipped = path.join('dist', target).split(path.sep).join('/');
          if (!covered(shipped)) missing.add(`${path.relative(root, file)} imports ${spec}`);
        }
      }
    }
    expect([...missing]).toEqual([]);
  });

  it('names only paths that exist after a build (the C sources and headers included)', () => {
    for (const f of pkg.files.filter((f) => !f.includes('*') && !f.startsWith('dist/')))
      expect(existsSync(path.join(root, f)), f).toBe(true);
    expect(pkg.files).toEqual(expect.arrayContaining(['native/*.c', 'native/*.h']));
  });
});
