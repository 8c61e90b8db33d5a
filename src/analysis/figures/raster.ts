/**
 * Heatmaps as embedded images. A 513 x 513 gradient-error map drawn as vega rect marks would be
 * a quarter of a million SVG elements per panel; instead the map is coloured here, encoded as a
 * small PNG (zlib deflate, CRC from node:zlib) and placed with a vega image mark, while an
 * invisible layer carries the same colour scale so vega draws the legend. The colours come from
 * vega's own scheme interpolator, so image and legend agree.
 */
import { crc32, deflateSync } from 'node:zlib';
import * as vega from 'vega';

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** An 8-bit RGB PNG from width x height x 3 bytes, top row first. */
export function encodePng(width: number, height: number, rgb: Uint8Array): Buffer {
  if (rgb.length !== width * height * 3)
    throw new RangeError(`encodePng: expected ${width * height * 3} bytes, got ${rgb.length}`);
  const stride = width * 3 + 1;
  const raw = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    raw[y * stride] = 0; // filter: none
    raw.set(rgb.subarray(y * width * 3, (y + 1) * width * 3), y * stride + 1);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A colour as [r, g, b] from the 'rgb(r, g, b)' or '#rrggbb' strings vega's schemes produce. */
export function parseColor(c: string): [number, number, number] {
  const m = /^rgb\(\s*(\d+),\s*(\d+),\s*(\d+)\s*\)$/.exec(c);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3])];
  const h = /^#([0-9a-f]{6})$/i.exec(c);
  if (h) {
    const v = parseInt(h[1]!, 16);
    return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
  }
  throw new RangeError(`parseColor: cannot read colour '${c}'`);
}

/** A 256-entry lookup table of a vega continuous scheme (e.g. 'viridis'). */
export function schemeTable(name: string): Uint8Array {
  const interp = vega.scheme(name) as unknown;
  if (typeof interp !== 'function')
    throw new RangeError(`unknown continuous colour scheme '${name}'`);
  const table = new Uint8Array(256 * 3);
  for (let k = 0; k < 256; k++)
    table.set(parseColor((interp as (t: number) => string)(k / 255)), k * 3);
  return table;
}

export interface ColorScale {
  type: 'log' | 'linear';
  domain: [number, number];
  scheme: string;
}

/** t in [0, 1] of value v on the scale (clamped; log scale values <= lo map to 0). */
export function scalePosition(scale: ColorScale, v: number): number {
  const [lo, hi] = scale.domain;
  let t: number;
  if (scale.type === 'log')
    t = v <= lo ? 0 : (Math.log(v) - Math.log(lo)) / (Math.log(hi) - Math.log(lo));
  else t = (v - lo) / (hi - lo);
  return t < 0 || !(t === t) ? 0 : t > 1 ? 1 : t;
}

/**
 * A heatmap image as a PNG data URL: values[ix * ny + iy] (x across, y up: the top image row is
 * the largest y), block-averaged down to at most maxPixels per side.
 */
export function heatmapDataUrl(
  values: Float64Array,
  nx: number,
  ny: number,
  scale: ColorScale,
  maxPixels = 320,
): string {
  const f = Math.max(1, Math.ceil(Math.max(nx, ny) / maxPixels));
  const w = Math.ceil(nx / f);
  const h = Math.ceil(ny / f);
  const table = schemeTable(scale.scheme);
  const rgb = new Uint8Array(w * h * 3);
  for (let by = 0; by < h; by++) {
    for (let bx = 0; bx < w; bx++) {
      let s = 0;
      let n = 0;
      for (let ix = bx * f; ix < Math.min(nx, (bx + 1) * f); ix++) {
        for (let iy = by * f; iy < Math.min(ny, (by + 1) * f); iy++) {
          s += values[ix * ny + iy]!;
          n++;
        }
      }
      const k = Math.round(scalePosition(scale, s / n) * 255);
      const row = h - 1 - by;
      rgb.set(table.subarray(k * 3, k * 3 + 3), (row * w + bx) * 3);
    }
  }
  return `data:image/png;base64,${encodePng(w, h, rgb).toString('base64')}`;
}
