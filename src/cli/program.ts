import { Command, CommanderError } from 'commander';
import { UsageError } from './errors.js';
import { TrainingInterrupted } from '../train/trainer.js';
import { calibrateCommand } from './calibrate.js';
import { compareCommand } from './compare.js';
import { doctorCommand } from './doctor.js';
import { emulateCommand } from './emulate.js';
import { figuresCommand } from './figures.js';
import { metricsCommand } from './metrics.js';
import { profileCommand } from './profile.js';
import { reportCommand } from './report.js';
import { sweepCommand } from './sweep.js';
import { sweepTrialCommand } from './sweep-trial.js';
import { trainCommand } from './train.js';

/** Builds the `analoop` command tree; each subcommand lives in its own file and stays thin. */
export function buildProgram(): Command {
  const program = new Command('analoop')
    .description(
      'Train neural networks with an analog accelerator (or its calibrated simulator) in the loop.\n' +
        'Devices are URIs: ideal:, sim:paper?p=16&ep=0.5, sim:profile.json, serial:/dev/ttyUSB0.',
    )
    .version(process.env.npm_package_version ?? '0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  program.addCommand(trainCommand());
  program.addCommand(compareCommand());
  program.addCommand(emulateCommand());
  program.addCommand(doctorCommand());
  program.addCommand(profileCommand());
  program.addCommand(metricsCommand());
  program.addCommand(figuresCommand());
  program.addCommand(sweepCommand());
  program.addCommand(sweepTrialCommand(), { hidden: true });
  program.addCommand(reportCommand());
  program.addCommand(calibrateCommand());
  return program;
}

/** Runs the CLI; returns the process exit code instead of exiting, so tests can call it. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  // Throw instead of exiting at every level, so main() owns the exit code.
  const override = (cmd: Command): void => {
    cmd.exitOverride();
    cmd.commands.forEach(override);
  };
  override(program);
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      // commander already printed help/version or the usage error.
      return err.exitCode === 0 ? 0 : 2;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`analoop: error: ${err.message}\n`);
      return 2;
    }
    if (err instanceof TrainingInterrupted) {
      // Not a failure: the user asked to stop. 130 is the shell's code for a Ctrl-C.
      process.stderr.write(`analoop: ${err.message}\n`);
      return 130;
    }
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`analoop: error: ${message}\n`);
    if (process.env.ANALOOP_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
    return 1;
  }
}
