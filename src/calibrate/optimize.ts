/**
 * Nelder-Mead simplex minimisation: derivative-free, for the few-parameter likelihoods where
 * quantisation makes derivatives awkward (a quantised Gaussian's likelihood is smooth, but its
 * gradient in sigma is messy to write and easy to get wrong).
 */
export function nelderMead(
  f: (x: number[]) => number,
  x0: number[],
  step: number[],
  options: { maxIter?: number; tol?: number } = {},
): { x: number[]; value: number } {
  const n = x0.length;
  const maxIter = options.maxIter ?? 400 * n;
  const tol = options.tol ?? 1e-10;
  let simplex = [x0.slice()];
  for (let i = 0; i < n; i++) {
    const p = x0.slice();
    p[i] += step[i]!;
    simplex.push(p);
  }
  let values = simplex.map(f);
  const order = () => {
    const idx = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
    simplex = idx.map((i) => simplex[i]!);
    values = idx.map((i) => values[i]!);
  };
  const along = (c: number[], p: number[], t: number) => c.map((ci, i) => ci + t * (p[i]! - ci));
  for (let it = 0; it < maxIter; it++) {
    order();
    if (Math.abs(values[n]! - values[0]!) <= tol * (Math.abs(values[0]!) + tol)) break;
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j] += simplex[i]![j]! / n;
    const worst = simplex[n]!;
    const r = along(centroid, worst, -1);
    const fr = f(r);
    if (fr < values[0]!) {
      const e = along(centroid, worst, -2);
      const fe = f(e);
      if (fe < fr) {
        simplex[n] = e;
        values[n] = fe;
      } else {
        simplex[n] = r;
        values[n] = fr;
      }
    } else if (fr < values[n - 1]!) {
      simplex[n] = r;
      values[n] = fr;
    } else {
      const c = fr < values[n]! ? along(centroid, worst, -0.5) : along(centroid, worst, 0.5);
      const fc = f(c);
      if (fc < Math.min(fr, values[n]!)) {
        simplex[n] = c;
        values[n] = fc;
      } else {
        for (let i = 1; i <= n; i++) {
          simplex[i] = along(simplex[0]!, simplex[i]!, 0.5);
          values[i] = f(simplex[i]!);
        }
      }
    }
  }
  order();
  return { x: simplex[0]!, value: values[0]! };
}
