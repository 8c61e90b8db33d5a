/** One line per step for people: the numbers a user checks first, with their uncertainty. */
import type { MismatchReport } from './compare.js';
import type { StepResults } from './fit-profile.js';

const f = (x: number | undefined, d = 4) =>
  x === undefined || !Number.isFinite(x) ? '-' : Number(x.toPrecision(d)).toString();
const span = (v: readonly number[], d = 4) => `${f(Math.min(...v), d)}..${f(Math.max(...v), d)}`;
const maxOf = (v: readonly number[]) => Math.max(...v);

export function summarizeStep(
  name: string,
  r: StepResults & { gof?: MismatchReport | { skipped: string } },
): string {
  switch (name) {
    case 'noise': {
      const n = r.noise!;
      const ep = n.pooledEp === undefined ? '' : `, EP ${f(n.pooledEp, 3)} at p=${n.adcPrecision}`;
      return `read noise sd ${f(n.pooledSd)} (${n.model}${ep}; channels ${span(n.sd)}); ADC precision ${n.adcPrecision || 'ideal'}; zero outputs ${span(n.zeroOutput)}`;
    }
    case 'dac': {
      const d = r.dac!;
      return `DAC precision ${d.precision || 'ideal'} (indistinguishable: ${d.choice.indistinguishable.map((p) => p || 'ideal').join(', ')}); swept ${f(d.swept[0], 3)}..${f(d.swept[1], 3)}; residual sd ${f(d.residualSd)}`;
    }
    case 'gain': {
      const g = r.gain!;
      const nl =
        g.terms.length === 0
          ? 'no significant nonlinearity'
          : g.terms.includes('c2')
            ? `nonlinearity c2 ${f(g.c2)} +- ${f(g.c2Se, 2)}, c3 ${f(g.c3)} +- ${f(g.c3Se, 2)}`
            : `cubic nonlinearity a3 ${f(g.c3)} +- ${f(g.c3Se, 2)}`;
      return `gain ${span(g.gain)} (+- ${f(maxOf(g.gainSe), 2)}), offset ${span(g.offset)} (+- ${f(maxOf(g.offsetSe), 2)}); ${nl}; chi2/dof ${f(g.chi2 / g.dof, 3)}`;
    }
    case 'weights': {
      const w = r.weights!;
      return `weight precision ${w.precision || 'ideal'}; programming sd ${f(w.programmingSd)} +- ${f(w.programmingSdSe, 2)}${w.significant ? '' : ' (not resolved)'}; readback slope ${span(w.slope, 3)}`;
    }
    case 'sources': {
      const s = r.sources!;
      const one = (e: {
        sd: number;
        variance: number;
        varianceSe: number;
        significant: boolean;
      }) =>
        e.significant
          ? `${f(e.sd)} +- ${f(e.varianceSe / (2 * e.sd), 2)}`
          : `not resolved (< ${f(Math.sqrt(Math.max(0, e.variance) + 4 * e.varianceSe), 2)})`;
      return `input noise sd ${one(s.input)}; weight noise sd ${one(s.weight)}`;
    }
    case 'enob': {
      const e = r.enob!;
      const m = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
      return `ENOB ${f(m(e.enobLinear), 3)} bits against a line, ${f(m(e.enobCalibrated), 3)} against the fitted response${e.nominalBits === undefined ? '' : ` (ADC grid alone: ${f(e.nominalBits, 3)})`}`;
    }
    case 'drift': {
      const d = r.drift!;
      return `gain drift ${span(d.gainDriftPerHour, 3)} /h (+- ${f(maxOf(d.gainDriftSe), 2)}) over ${f(d.durationMs / 1000, 3)} s: ${d.significant ? 'significant' : 'not significant'} (p ${f(d.p, 2)}); offset drift ${d.offsetSignificant ? 'significant (the profile cannot model it)' : 'not significant'}`;
    }
    case 'gof': {
      const g = r.gof!;
      if ('skipped' in g) return `skipped: ${g.skipped}`;
      return summarizeMismatch(g);
    }
    default:
      return '';
  }
}

export function summarizeMismatch(m: MismatchReport): string {
  const w = m.worst;
  return `${m.vectors} vectors x ${m.repeats} repeats: worst mean error ${f(w.meanError, 3)}, gain ratio ${f(w.gainRatio, 4)}, std ratio ${f(w.stdRatio, 3)}, KS ${f(w.ks, 3)} (noise ${f(w.ksNoise, 3)}): ${m.passed ? 'pass' : `${m.failedChannels} channel(s) past threshold`}`;
}
