/**
 * What every analoop figure shares: the font (DejaVu Sans, installed with fonts-dejavu-core, so
 * the PNG renderer finds it), a white background, and the title block whose subtitle is the
 * caption line naming the device or profile and the seed that produced the figure.
 */

export const FONT = 'DejaVu Sans';

/** vega-lite `config` for every figure. */
export const FIGURE_CONFIG = {
  font: FONT,
  background: 'white',
  padding: 8,
  title: { fontSize: 14, subtitleFontSize: 11, subtitleColor: '#444', anchor: 'start', offset: 10 },
  axis: { labelFontSize: 10, titleFontSize: 11, grid: true, gridColor: '#e6e6e6' },
  legend: { labelFontSize: 10, titleFontSize: 11 },
  header: { labelFontSize: 11, titleFontSize: 11 },
  view: { stroke: '#bbb' },
} as const;

/** Where a figure's numbers came from: the caption line. */
export interface FigureProvenance {
  /** Device URI or profile description, e.g. "sim:paper?p=256&ep=0.5" or "assumed gaussian chain". */
  device: string;
  /** Seed of the noise (omit for figures without randomness). */
  seed?: number;
  /** Anything else worth a reader's knowing (draws averaged, grid size, ...). */
  note?: string;
}

/** "device ... · seed N · note". */
export function captionLine(p: FigureProvenance): string {
  const parts = [p.device];
  if (p.seed !== undefined) parts.push(`seed ${p.seed}`);
  if (p.note) parts.push(p.note);
  return parts.join(' · ');
}

/** The title block: heading plus caption lines (a long caption is split on ' · ' to fit). */
export function figureTitle(text: string, provenance: FigureProvenance, maxChars = 110) {
  const line = captionLine(provenance);
  const lines: string[] = [];
  let cur = '';
  for (const part of line.split(' · ')) {
    const next = cur ? `${cur} · ${part}` : part;
    if (cur && next.length > maxChars) {
      lines.push(cur);
      cur = part;
    } else cur = next;
  }
  if (cur) lines.push(cur);
  return { text, subtitle: lines };
}
