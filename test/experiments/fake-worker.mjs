// A stand-in for `analoop sweep-trial <runDir>` that speaks the worker protocol without
// training: it records its environment and start/end times, sleeps config.fakeMs, and writes a
// finished run. config.fakeFail makes it fail with a message on stderr.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const runDir = process.argv[2];
const trial = JSON.parse(readFileSync(join(runDir, 'trial.json'), 'utf8'));
const send = (m) => process.stdout.write(JSON.stringify(m) + '\n');
const start = Date.now();
let stopped = false;
process.on('SIGTERM', () => (stopped = true));
send({ event: 'trial-start', resumed: false });
const ms = trial.config.epochs * 40;
const deadline = Date.now() + ms;
while (Date.now() < deadline && !stopped) await new Promise((r) => setTimeout(r, 5));
if (stopped) {
  send({ event: 'trial-interrupted', message: 'stopped' });
  process.exit(1);
}
if (trial.config.lr === 0.5) {
  process.stderr.write('analoop: error: the fake trial failed on purpose\n');
  process.exit(1);
}
writeFileSync(
  join(runDir, 'fake.json'),
  JSON.stringify({
    start,
    end: Date.now(),
    blas: process.env.OPENBLAS_NUM_THREADS,
    omp: process.env.OMP_NUM_THREADS,
  }),
);
const summary = {
  event: 'end',
  epochs: 1,
  maxTestAccuracy: trial.cell.i ?? 0.5,
  bestEpoch: 1,
  finalTrainLoss: 1,
  finalTestLoss: 1,
  stoppedEarly: null,
};
send({
  event: 'epoch',
  epoch: 1,
  step: 1,
  lr: 0.001,
  trainLoss: 1,
  trainAccuracy: 0.5,
  testLoss: 1,
  testAccuracy: summary.maxTestAccuracy,
  seconds: ms / 1000,
});
appendFileSync(join(runDir, 'metrics.jsonl'), JSON.stringify(summary) + '\n');
send({ event: 'trial-end', status: 'finished', resumed: false, summary });
