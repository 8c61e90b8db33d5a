import { Command } from 'commander';
import { writeFile } from 'node:fs/promises';
import {
  loadProfile,
  paperProfile,
  profileId,
  profileJsonSchema,
  type Profile,
} from '../profile/index.js';
import { UsageError } from './errors.js';
import { integer, nonNegativeNumber } from './parse.js';

function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

/** `analoop profile show|validate|schema|paper`: inspect and check calibration profiles. */
export function profileCommand(): Command {
  const cmd = new Command('profile').description(
    'Calibration profiles: the JSON documents that drive the simulator',
  );
  cmd
    .command('show <file>')
    .description('print a profile with its defaults filled in, and its content id')
    .action(async (file: string) => {
      const profile = await loadProfile(file);
      printJson({ id: profileId(profile), profile });
    });
  cmd
    .command('validate <files...>')
    .description('check profiles against the schema; exits 1 naming every bad field')
    .action(async (files: string[]) => {
      let bad = 0;
      for (const file of files) {
        try {
          const p = await loadProfile(file);
          process.stdout.write(`${file}: ok (${p.name}, id ${profileId(p)})\n`);
        } catch (err) {
          bad++;
          process.stderr.write(`${(err as Error).message}\n`);
        }
      }
      if (bad) throw new Error(`${bad} of ${files.length} profile(s) invalid`);
    });
  cmd
    .command('schema')
    .description('print the JSON Schema of a profile (for editors and other tools)')
    .option('--out <file>', 'write it to a file instead of stdout')
    .action(async (o: { out?: string }) => {
      const schema = profileJsonSchema();
      if (o.out) await writeFile(o.out, JSON.stringify(schema, null, 2) + '\n');
      else printJson(schema);
    });
  cmd
    .command('paper')
    .description(
      "write the paper's profile for precision p and error probability EP (a starting point to edit)",
    )
    .requiredOption('--p <p>', 'precision: quantisation steps per unit (2^bits)', integer(0))
    .requiredOption('--ep <ep>', 'error probability in [0, 1)', nonNegativeNumber)
    .option('--model <name>', 'noise model: gaussian, laplace, uniform, poisson', 'gaussian')
    .option('--out <file>', 'write it to a file instead of stdout')
    .action(async (o: { p: number; ep: number; model: string; out?: string }) => {
      if (o.ep >= 1)
        throw new UsageError(`--ep must be below 1 (an error probability), got ${o.ep}`);
      const profile: Profile = paperProfile({ p: o.p, ep: o.ep, model: o.model as never });
      if (o.out) await writeFile(o.out, JSON.stringify(profile, null, 2) + '\n');
      else printJson(profile);
    });
  return cmd;
}
