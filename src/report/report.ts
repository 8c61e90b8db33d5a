/**
 * `analoop report`: one self-contained HTML page over a directory of runs, for a lab member who
 * was not there: for each sweep its results table and figures, for every run its outcome,
 * learning curve, device, calibration profile id and full manifest (collapsed). Figures are
 * inline SVG images and the stylesheet is inline, so the file opens offline as it is.
 */
import { writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { accuracyFigure } from '../analysis/figures/accuracy.js';
import { renderSvg } from '../analysis/figures/render.js';
import type { FigureProvenance } from '../analysis/figures/theme.js';
import { collectSweep, type SweepTable } from '../experiments/collect.js';
import { pivotTable } from '../experiments/pivot.js';
import { sweepFigures, wrapCaption, type SweepFigure } from '../experiments/sweep-figures.js';
import {
  placedTrials,
  readSweepRecord,
  trainingNote,
  type SweepRecord,
} from '../experiments/sweep.js';
import { learningCurvesFigure } from './curves-figure.js';
import { esc, htmlTable, svgImage } from './html.js';
import { findRuns, readRunInfo, type RunInfo } from './run-info.js';
import { REPORT_CSS } from './style.js';

export interface ReportOptions {
  /** Shown in the header; default "analoop report". */
  title?: string;
  /** analoop version, for the header. */
  version?: string;
  /** The time shown as generated (tests pin it). */
  now?: Date;
}

export interface ReportResult {
  html: string;
  runs: number;
  sweeps: number;
  figures: number;
}

/** A set of runs shown together: one sweep, or the runs outside any sweep. */
interface Group {
  id: string;
  /** Run names in tables are relative to this. */
  base: string;
  title: string;
  runs: RunInfo[];
  sweep?: { dir: string; record: SweepRecord; table: SweepTable };
}

const pct = (v: number | undefined | null) =>
  v === undefined || v === null ? '–' : (v * 100).toFixed(2);

function num(v: unknown): string {
  return typeof v === 'number' ? String(Number(v.toPrecision(6))) : v === undefined ? '–' : esc(v);
}

function distinct<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}

function facts(items: [string, string][]): string {
  return `<dl class="facts">${items.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v}</dd>`).join('')}</dl>`;
}

function runStatus(r: RunInfo): string {
  if (r.manifestError) return '<span class="bad">no readable manifest</span>';
  if (r.summary?.stoppedEarly) return `stopped early: ${esc(r.summary.stoppedEarly)}`;
  if (r.summary) return `finished${r.resumes ? ` (resumed ${r.resumes}×)` : ''}`;
  const planned = typeof r.config.epochs === 'number' ? r.config.epochs : '?';
  return `<span class="bad">unfinished</span> (${r.epochs.length}/${planned} epochs)`;
}

function deviceOf(r: RunInfo): string {
  return String(
    r.config.device ?? (r.manifest?.device as { model?: string } | undefined)?.model ?? '?',
  );
}

function profileOf(r: RunInfo): string | null {
  const id = r.manifest?.calibrationProfileId;
  return typeof id === 'string' ? id : null;
}

/** One line per run; `base` shortens the names (a sweep's runs/ folder), empty columns are left out. */
function runsTable(runs: readonly RunInfo[], base: string): string {
  const header = [
    'run',
    'model',
    'activation',
    'i',
    'EP',
    'p',
    'depth',
    'seed',
    'epochs',
    'max acc (%)',
    'best epoch',
    'time (s)',
    'calibration id',
    'status',
  ];
  const numeric = header.map((_, k) => k >= 3 && k <= 11);
  const rows = runs.map((r) => {
    const seconds = r.epochs.reduce((a, e) => a + e.seconds, 0);
    return [
      `<a href="#run-${esc(anchor(r.name))}"><code>${esc(relative(base, r.dir) || r.name)}</code></a>`,
      esc(r.config.model ?? '?'),
      `<code>${esc(r.config.activation ?? '?')}</code>`,
      num(r.row?.i),
      num(r.row?.ep),
      num(r.row?.p),
      num(r.row?.depth),
      num(r.config.seed),
      `${r.epochs.length}/${num(r.config.epochs)}`,
      pct(r.summary?.maxTestAccuracy),
      r.summary ? String(r.summary.bestEpoch) : '–',
      seconds > 0 ? seconds.toFixed(1) : '–',
      profileOf(r) ? `<code>${esc(profileOf(r))}</code>` : '<span class="muted">none</span>',
      runStatus(r),
    ];
  });
  return `<div class="scroll">${compactTable(header, rows, { numeric, className: 'runs' })}</div>`;
}

/** htmlTable without the columns that are '–' in every row (no depth, no noise-off runs, ...). */
function compactTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  opts: { numeric: readonly boolean[]; className?: string },
): string {
  const keep = header.map((_, k) => rows.some((row) => row[k] !== '–'));
  const pick = <T>(xs: readonly T[]) => xs.filter((_, k) => keep[k]);
  return htmlTable(pick(header), rows.map(pick), {
    numeric: pick(opts.numeric),
    ...(opts.className ? { className: opts.className } : {}),
  });
}

function anchor(name: string): string {
  return name.replace(/[^\w.-]+/g, '_');
}

function runDetails(r: RunInfo): string {
  const head =
    `<code>${esc(r.name)}</code> · ${esc(r.config.model ?? '?')}, <code>${esc(r.config.activation ?? '?')}</code>, ` +
    `<code>${esc(deviceOf(r))}</code>` +
    (r.summary ? ` · max test acc ${pct(r.summary.maxTestAccuracy)}%` : ' · unfinished');
  const epochRows = r.epochs.map((e) => [
    String(e.epoch),
    e.trainLoss.toFixed(4),
    pct(e.trainAccuracy),
    e.testLoss.toFixed(4),
    pct(e.testAccuracy),
    e.testAccuracyNoiseOff === undefined ? '–' : pct(e.testAccuracyNoiseOff),
    e.seconds.toFixed(1),
  ]);
  const epochs =
    epochRows.length > 0
      ? compactTable(
          [
            'epoch',
            'train loss',
            'train acc (%)',
            'test loss',
            'test acc (%)',
            'noise off (%)',
            's',
          ],
          epochRows,
          { numeric: epochRows[0]!.map(() => true) },
        )
      : '<p class="muted">no finished epoch yet</p>';
  const manifest = r.manifest
    ? `<pre>${esc(JSON.stringify(r.manifest, null, 2))}</pre>`
    : `<p class="bad">manifest.json: ${esc(r.manifestError ?? 'missing')}</p>`;
  const trial = r.trial
    ? `<p>sweep cell: <code>${esc(JSON.stringify(r.trial.cell))}</code></p>`
    : '';
  return (
    `<details id="run-${esc(anchor(r.name))}"><summary>${head}</summary><div>` +
    facts([
      ['directory', `<code>${esc(r.dir)}</code>`],
      ['calibration profile', profileOf(r) ? `<code>${esc(profileOf(r))}</code>` : 'none'],
      ['status', runStatus(r)],
    ]) +
    trial +
    `<h4>Epochs</h4>${epochs}<h4>manifest.json</h4>${manifest}</div></details>`
  );
}

function pivotHtml(table: SweepTable): string {
  const p = pivotTable(table);
  const header = [...p.rowAxes, ...p.columns.map((c) => `${p.columnAxis} = ${c}`)];
  const rows = p.rows.map((r) => {
    const best = Math.max(...r.values.filter((v): v is number => v !== null));
    return [
      ...r.labels.map((l) => esc(l)),
      ...r.values.map((v, k) =>
        v === null
          ? '<span class="muted">–</span>'
          : `<span title="${r.seeds[k]} seed(s)"${v === best && r.values.length > 1 ? ' class="best"' : ''}>${pct(v)}</span>`,
      ),
    ];
  });
  const numeric = header.map((_, k) => k >= p.rowAxes.length);
  return `<div class="scroll">${htmlTable(header, rows, { className: 'pivot', numeric })}</div>`;
}

async function figureHtml(
  fig: SweepFigure | { name: string; spec: Parameters<typeof renderSvg>[0] },
  caption: string,
): Promise<string> {
  const svg = await renderSvg(fig.spec);
  return `<figure>${svgImage(svg, fig.name)}<figcaption>${esc(caption)}</figcaption></figure>`;
}

function provenanceOf(runs: readonly RunInfo[], note: string): FigureProvenance {
  const devices = distinct(runs.map(deviceOf));
  const seeds = distinct(
    runs.map((r) => r.config.seed).filter((s): s is number => typeof s === 'number'),
  );
  return {
    device:
      devices.length <= 3
        ? devices.join(', ')
        : `${devices.length} devices (${devices.slice(0, 2).join(', ')}, ...)`,
    ...(seeds.length === 1 ? { seed: seeds[0]! } : {}),
    note,
  };
}

async function groupFigures(g: Group): Promise<string[]> {
  const out: string[] = [];
  if (g.sweep) {
    const note = trainingNote(g.sweep.record.base);
    for (const f of sweepFigures(g.sweep.table, note))
      out.push(
        await figureHtml(
          f,
          `${f.name}: lines are the median over seeds of each run's max test accuracy; faint points are single runs.`,
        ),
      );
  } else {
    const rows = g.runs.flatMap((r) => (r.row ? [r.row] : []));
    if (rows.length > 0) {
      const prov = provenanceOf(g.runs, `${rows.length} runs; lines: median over seeds`);
      out.push(
        await figureHtml(
          {
            name: 'accuracy-by-ep',
            spec: wrapCaption(accuracyFigure(rows, { provenance: prov }), prov),
          },
          'Max test accuracy vs interpolation factor, coloured by EP.',
        ),
      );
      if (distinct(rows.map((r) => r.depth)).length > 1)
        out.push(
          await figureHtml(
            {
              name: 'accuracy-by-depth',
              spec: wrapCaption(accuracyFigure(rows, { provenance: prov, colorBy: 'depth' }), prov),
            },
            'Max test accuracy vs interpolation factor, coloured by depth.',
          ),
        );
    }
  }
  const curves = learningCurvesFigure(g.runs, provenanceOf(g.runs, `${g.runs.length} runs`));
  if (curves)
    out.push(
      await figureHtml(
        { name: 'learning-curves', spec: curves },
        'Test accuracy (noise on) after each epoch, one line per run.',
      ),
    );
  return out;
}

async function groupSection(g: Group): Promise<{ html: string; figures: number }> {
  const parts: string[] = [`<section id="${esc(g.id)}"><h2>${esc(g.title)}</h2>`];
  const finished = g.runs.filter((r) => r.summary).length;
  if (g.sweep) {
    const rec = g.sweep.record;
    const a = rec.axes;
    const axes = [
      a.depths
        ? `depth (conv:linear) ∈ {${a.depths.map((d) => `${d.convLayers}:${d.linearLayers}`).join(', ')}}`
        : '',
      a.factors ? `i ∈ {${a.factors.join(', ')}}` : '',
      a.scales ? `s ∈ {${a.scales.join(', ')}}` : '',
      `EP ∈ {${a.eps.join(', ')}}`,
      `p ∈ {${a.ps.join(', ')}}`,
      `seeds ${rec.seeds.join(', ')}`,
    ].filter(Boolean);
    const done = g.sweep.table.trials.filter((t) => t.status === 'finished').length;
    parts.push(
      facts([
        ['sweep directory', `<code>${esc(g.sweep.dir)}</code>`],
        ['preset', `<code>${esc(rec.preset)}</code> (${esc(rec.size)})`],
        ['axes', esc(axes.join(' × '))],
        ['training', esc(trainingNote(rec.base))],
        [
          'device',
          `<code>sim:paper?p=…&amp;ep=…&amp;seed=…</code>, activation <code>${a.scales ? 'gelu:s' : 'relu-gelu:i'}</code>`,
        ],
        ['trials', `${done} of ${g.sweep.table.trials.length} finished`],
        ['started', esc(rec.created)],
      ]),
      '<h3>Max test accuracy (%), median over seeds</h3>',
      pivotHtml(g.sweep.table),
      '<p class="note">Bold: the best value in its row. Hover a value for the number of seeds behind it; every seed is in trials.csv.</p>',
    );
  } else {
    parts.push(facts([['runs', `${g.runs.length} (${finished} finished)`]]));
  }
  const figures = await groupFigures(g);
  if (figures.length > 0) parts.push('<h3>Figures</h3>', ...figures);
  parts.push('<h3>Runs</h3>', runsTable(g.runs, g.sweep ? join(g.sweep.dir, 'runs') : g.base));
  const skipped = g.runs.filter((r) => r.skipped && r.summary);
  if (skipped.length > 0)
    parts.push(
      `<details><summary>${skipped.length} finished run(s) not on the accuracy-vs-i figures</summary><div><ul>` +
        skipped.map((r) => `<li><code>${esc(r.name)}</code>: ${esc(r.skipped)}</li>`).join('') +
        '</ul></div></details>',
    );
  parts.push('<h3>Run details and manifests</h3>', ...g.runs.map(runDetails), '</section>');
  return { html: parts.join('\n'), figures: figures.length };
}

export async function buildReport(
  rootDir: string,
  opts: ReportOptions = {},
): Promise<ReportResult> {
  const root = resolve(rootDir);
  const found = await findRuns(root);
  const infos = new Map<string, RunInfo>();
  for (const dir of found.runs) infos.set(dir, await readRunInfo(dir, root));
  const groups: Group[] = [];
  const inSweep = new Set<string>();
  for (const dir of found.sweeps) {
    const record = await readSweepRecord(dir);
    if (!record) continue;
    const trials = placedTrials(dir, record);
    const table = await collectSweep(record, trials);
    const runs = trials.flatMap((t) => {
      const info = infos.get(t.runDir);
      if (info) inSweep.add(t.runDir);
      return info ? [info] : [];
    });
    groups.push({
      base: dir,
      id: `sweep-${anchor(relative(root, dir) || record.preset)}`,
      title: `Sweep ${record.preset} (${record.size})${relative(root, dir) ? ` · ${relative(root, dir)}` : ''}`,
      runs,
      sweep: { dir, record, table },
    });
  }
  const others = [...infos.values()].filter((r) => !inSweep.has(r.dir));
  if (others.length > 0)
    groups.push({
      base: root,
      id: 'runs',
      title: groups.length > 0 ? 'Other runs' : 'Runs',
      runs: others,
    });

  const all = [...infos.values()];
  const profiles = distinct(all.map(profileOf).filter((p): p is string => p !== null));
  const devices = distinct(all.map(deviceOf));
  const finished = all.filter((r) => r.summary).length;
  const title = opts.title ?? 'analoop report';
  const sections: string[] = [];
  let figures = 0;
  for (const g of groups) {
    const s = await groupSection(g);
    sections.push(s.html);
    figures += s.figures;
  }
  const generated = (opts.now ?? new Date()).toISOString();
  const body = [
    `<h1>${esc(title)}</h1>`,
    `<p class="meta">generated ${esc(generated)}${opts.version ? ` by analoop ${esc(opts.version)}` : ''} from <code>${esc(root)}</code></p>`,
    facts([
      ['runs', `${all.length} (${finished} finished, ${all.length - finished} unfinished)`],
      ['sweeps', String(groups.filter((g) => g.sweep).length)],
      [
        'devices',
        devices.length <= 6
          ? devices.map((d) => `<code>${esc(d)}</code>`).join(', ')
          : `${devices.length} distinct device URIs (see the runs tables)`,
      ],
      [
        'calibration profiles',
        profiles.length === 0
          ? 'none (no run used a calibrated device)'
          : profiles.length <= 6
            ? profiles.map((p) => `<code>${esc(p)}</code>`).join(', ')
            : `${profiles.length} distinct ids (one per device and noise seed; see the runs tables)`,
      ],
      [
        'compute',
        distinct(
          all.map((r) => {
            const name = String(r.manifest?.kernels ?? '?');
            const build = r.manifest?.kernelsBuild;
            return typeof build === 'string' ? `${name} (${build})` : name;
          }),
        )
          .map(esc)
          .join(', '),
      ],
    ]),
    groups.length > 1
      ? `<nav>${groups.map((g) => `<a href="#${esc(g.id)}">${esc(g.title)}</a>`).join('')}</nav>`
      : '',
    all.length === 0
      ? '<p class="bad">No run directories (with manifest.json) were found here.</p>'
      : '',
    ...sections,
  ];
  const html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
${body.filter(Boolean).join('\n')}
</main>
</body>
</html>
`;
  return { html, runs: all.length, sweeps: groups.filter((g) => g.sweep).length, figures };
}

/** Writes the report (default <root>/report.html) and returns its path with the counts. */
export async function writeReport(
  rootDir: string,
  out?: string,
  opts: ReportOptions = {},
): Promise<ReportResult & { path: string }> {
  const r = await buildReport(rootDir, opts);
  const path = resolve(out ?? join(rootDir, 'report.html'));
  await writeFile(path, r.html);
  return { ...r, path };
}
