/** The report's stylesheet, inline: the page must open from a file, offline, as it is. */
export const REPORT_CSS = `
:root { color-scheme: light; --fg: #1d1d1f; --muted: #5b5b63; --line: #d9d9e0; --band: #f5f5f8; --accent: #3b4cc0; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 "DejaVu Sans", system-ui, sans-serif; color: var(--fg); background: #fff; }
main { max-width: 1180px; margin: 0 auto; padding: 28px 32px 64px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 40px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
h3 { font-size: 16px; margin: 24px 0 8px; }
p.meta, .muted { color: var(--muted); }
p.note { color: var(--muted); font-size: 13px; margin-top: -6px; }
p.meta { margin: 0 0 16px; font-size: 13px; }
nav { font-size: 14px; margin: 12px 0 8px; }
nav a { margin-right: 14px; }
a { color: var(--accent); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 18px; margin: 8px 0 16px; font-size: 14px; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
table { border-collapse: collapse; font-size: 12.5px; margin: 8px 0 16px; }
th, td { padding: 4px 10px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
thead th { background: var(--band); border-bottom: 2px solid var(--line); white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
table.pivot td.num { min-width: 64px; }
table.pivot .best { font-weight: bold; }
table.runs td { white-space: nowrap; }
table.runs td:last-child { white-space: normal; }
.scroll { overflow-x: auto; }
td.bad, span.bad { color: #b3261e; }
code, pre { font-family: "DejaVu Sans Mono", ui-monospace, monospace; font-size: 12px; }
figure { margin: 16px 0 28px; }
figure img { max-width: 100%; height: auto; border: 1px solid var(--line); }
figcaption { color: var(--muted); font-size: 13px; margin-top: 4px; }
details { border: 1px solid var(--line); border-radius: 4px; margin: 6px 0; }
details > summary { cursor: pointer; padding: 6px 10px; background: var(--band); font-size: 14px; }
details[open] > summary { border-bottom: 1px solid var(--line); }
details > div { padding: 8px 12px; }
pre { background: #fafafc; padding: 8px; overflow-x: auto; max-height: 480px; border: 1px solid var(--line); }
`;
