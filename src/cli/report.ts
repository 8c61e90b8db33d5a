/** `analoop report <runs-dir>`: one self-contained HTML page over the runs and sweeps there. */
import { Command } from 'commander';
import { writeReport } from '../report/index.js';

export function reportCommand(): Command {
  return new Command('report')
    .description(
      'Write one self-contained HTML page (tables, inline figures, run manifests, calibration ids) over a directory of runs or sweeps',
    )
    .argument('<runs-dir>', 'a run directory, a sweep directory, or a directory holding them')
    .option('--out <file>', 'where to write the page (default <runs-dir>/report.html)')
    .option('--title <text>', 'page title', 'analoop report')
    .action(async (dir: string, o: { out?: string; title: string }) => {
      const r = await writeReport(dir, o.out, {
        title: o.title,
        version: process.env.npm_package_version ?? '0.1.0',
      });
      process.stdout.write(
        `wrote ${r.path}: ${r.runs} runs, ${r.sweeps} sweep(s), ${r.figures} figures\n`,
      );
    });
}
