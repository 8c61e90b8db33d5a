/**
 * Headless rendering of a figure (stack notes, "Plots without a browser"): vega-lite spec ->
 * vega spec -> vega.View with the 'none' renderer -> SVG; resvg turns the SVG into a PNG with
 * the system fonts (Debian's DejaVu, which the specs name, so SVG viewers and the PNG agree).
 * Nothing is fetched: every figure carries its data inline (heatmaps as embedded PNG images).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { FONT } from './theme.js';

export interface RenderedFigure {
  svg: string;
  png: Buffer;
  /** PNG size in pixels. */
  width: number;
  height: number;
}

export interface RenderOptions {
  /** PNG pixels per SVG unit; default 2 (sharp on screens and in print). */
  pngScale?: number;
}

/** The SVG of a vega-lite spec. */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** An SVG document as a PNG. */
export function svgToPng(svg: string, scale = 2): { png: Buffer; width: number; height: number } {
  const resvg = new Resvg(svg, {
    font: { loadSystemFonts: true, defaultFontFamily: FONT },
    fitTo: { mode: 'zoom', value: scale },
    background: 'white',
  });
  const img = resvg.render();
  return { png: img.asPng(), width: img.width, height: img.height };
}

/** SVG and PNG of a vega-lite spec. */
export async function renderFigure(
  spec: TopLevelSpec,
  options: RenderOptions = {},
): Promise<RenderedFigure> {
  const svg = await renderSvg(spec);
  return { svg, ...svgToPng(svg, options.pngScale ?? 2) };
}

/** Renders `spec` and writes `<dir>/<name>.svg` and `<dir>/<name>.png`; returns the paths. */
export async function writeFigure(
  dir: string,
  name: string,
  spec: TopLevelSpec,
  options: RenderOptions = {},
): Promise<{ svg: string; png: string }> {
  const fig = await renderFigure(spec, options);
  await mkdir(dir, { recursive: true });
  const paths = { svg: join(dir, `${name}.svg`), png: join(dir, `${name}.png`) };
  await writeFile(paths.svg, fig.svg);
  await writeFile(paths.png, fig.png);
  return paths;
}
