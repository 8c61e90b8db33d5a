/**
 * The few HTML helpers the report needs. Every text that came from a file (run names, manifest
 * JSON, error messages) goes through esc(), so a run directory named `<script>` stays text.
 */

export function esc(text: unknown): string {
  return String(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A table from header texts and rows of cell HTML (already escaped by the caller). */
export function htmlTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  opts: { className?: string; numeric?: readonly boolean[] } = {},
): string {
  const cls = (k: number) => (opts.numeric?.[k] ? ' class="num"' : '');
  const head = header.map((h, k) => `<th${cls(k)}>${esc(h)}</th>`).join('');
  const body = rows
    .map((r) => `<tr>${r.map((c, k) => `<td${cls(k)}>${c}</td>`).join('')}</tr>`)
    .join('\n');
  return `<table${opts.className ? ` class="${opts.className}"` : ''}><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** An SVG document as an <img> with a data URL: self-contained, and its ids cannot clash. */
export function svgImage(svg: string, alt: string): string {
  return `<img src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}" alt="${esc(alt)}">`;
}
