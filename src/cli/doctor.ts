import { Command, Option } from 'commander';
import { selectKernels } from '../compute/registry.js';
import type { Kernels } from '../compute/kernels.js';
import type { DeviceInfo } from '../device/device.js';
import { listDeviceSchemes, openDevice } from '../device/registry.js';

/** GFLOP/s of one square sgemm of size n, best of a few repetitions after a warm-up. */
export function measureGflops(kernels: Kernels, n = 512, reps = 5): number {
  const A = new Float32Array(n * n).map((_, i) => ((i * 7919) % 1000) / 1000 - 0.5);
  const B = new Float32Array(n * n).map((_, i) => ((i * 104729) % 1000) / 1000 - 0.5);
  const C = new Float32Array(n * n);
  kernels.gemm(false, false, n, n, n, 1, A, B, 0, C);
  let best = Infinity;
  for (let r = 0; r < reps; r++) {
    const t = process.hrtime.bigint();
    kernels.gemm(false, false, n, n, n, 1, A, B, 0, C);
    best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e9);
  }
  return (2 * n ** 3) / best / 1e9;
}

async function serialPorts(): Promise<{ ports: string[]; error?: string }> {
  try {
    const { SerialPort } = await import('serialport');
    const list = await SerialPort.list();
    return { ports: list.map((p) => `${p.path}${p.manufacturer ? ` (${p.manufacturer})` : ''}`) };
  } catch (err) {
    // serialport lists through udevadm on Linux; containers often lack it, so look in /dev.
    try {
      const { readdirSync } = await import('node:fs');
      const ports = readdirSync('/dev')
        .filter((n) => /^tty(USB|ACM)\d+$/.test(n))
        .map((n) => `/dev/${n}`);
      return {
        ports,
        error: ports.length
          ? undefined
          : `${(err as Error).message}; none in /dev/ttyUSB*, /dev/ttyACM*`,
      };
    } catch {
      return { ports: [], error: err instanceof Error ? err.message : String(err) };
    }
  }
}

export interface DoctorReport {
  node: string;
  platform: string;
  kernels: { chosen: string; build: string | null; gflops512: number; attempts: unknown[] };
  tfjsBackend: string | null;
  deviceSchemes: string[];
  serialPorts: string[];
  serialError?: string;
  missing: { part: string; howToEnable: string }[];
  /** What the device named by --device declares about itself. */
  device?: { uri: string; info: DeviceInfo };
}

export async function runDoctor(prefer?: string, deviceUri?: string): Promise<DoctorReport> {
  const { kernels, attempts } = await selectKernels({ prefer });
  let tfjsBackend: string | null = null;
  if (kernels.name.startsWith('tfjs')) {
    const tf = await import('@tensorflow/tfjs');
    tfjsBackend = tf.getBackend() ?? null;
  }
  const serial = await serialPorts();
  const major = Number(process.versions.node.split('.')[0]);
  const missing = attempts
    .filter((a) => !a.ok)
    .map((a) => ({
      part: `compute provider ${a.name}`,
      howToEnable: a.howToEnable ?? a.reason ?? '',
    }));
  if (major < 20 || major >= 23) {
    missing.push({ part: `Node ${process.versions.node}`, howToEnable: 'use Node 20, 21 or 22' });
  }
  let device: DoctorReport['device'];
  if (deviceUri) {
    const dev = await openDevice(deviceUri);
    try {
      device = { uri: deviceUri, info: dev.info() };
    } finally {
      await dev.close();
    }
  }
  return {
    device,
    node: process.versions.node,
    platform: `${process.platform}-${process.arch}`,
    kernels: {
      chosen: kernels.name,
      build: kernels.build?.() ?? null,
      gflops512: measureGflops(kernels),
      attempts,
    },
    tfjsBackend,
    deviceSchemes: listDeviceSchemes().map((s) => s.scheme),
    serialPorts: serial.ports,
    serialError: serial.error,
    missing,
  };
}

function printReport(r: DoctorReport): void {
  const out: string[] = [];
  out.push(`node            ${r.node} (${r.platform})`);
  out.push(
    `compute         ${r.kernels.chosen}: ${r.kernels.gflops512.toFixed(2)} GFLOP/s on a 512x512x512 sgemm`,
  );
  if (r.kernels.build)
    out.push(`  build: ${r.kernels.build} (runs match bit for bit only with the same build)`);
  for (const a of r.kernels.attempts as {
    name: string;
    priority: number;
    ok: boolean;
    reason?: string;
  }[]) {
    out.push(
      `  ${a.ok ? 'ok  ' : 'no  '} ${a.name} (priority ${a.priority})${a.reason ? `: ${a.reason}` : ''}`,
    );
  }
  out.push(
    `tfjs backend    ${r.tfjsBackend ?? '(not loaded: the chosen provider does not use tfjs)'}`,
  );
  out.push(`device schemes  ${r.deviceSchemes.join(', ') || '(none registered)'}`);
  out.push(
    `serial ports    ${r.serialPorts.length ? r.serialPorts.join(', ') : r.serialError ? `unavailable: ${r.serialError}` : '(none found)'}`,
  );
  if (r.device) {
    const i = r.device.info;
    const range = (x: readonly [number, number]) => `[${x[0]}, ${x[1]}]`;
    out.push(`device          ${r.device.uri}`);
    out.push(`  kind ${i.kind}, model ${i.model}, firmware ${i.firmware}, serial ${i.serial}`);
    out.push(
      `  array ${i.rows} x ${i.cols}, max batch ${i.maxBatch}${i.profileId ? `, profile ${i.profileId}` : ''}`,
    );
    out.push(
      `  inputs ${i.inputBits} bits on ${range(i.inputRange)}, outputs ${i.outputBits} bits on ${range(i.outputRange)}, weights ${i.weightBits} bits on ${range(i.weightRange)}`,
    );
  }
  if (r.missing.length) {
    out.push('optional parts missing:');
    for (const m of r.missing) out.push(`  ${m.part}: ${m.howToEnable}`);
  }
  process.stdout.write(out.join('\n') + '\n');
}

export function doctorCommand(): Command {
  return new Command('doctor')
    .description(
      'Report the Node version, the compute provider chosen (and its GFLOP/s), device schemes and serial ports',
    )
    .addOption(
      new Option(
        '--kernels <name>',
        'force a compute provider (openblas, tfjs-node, tfjs-wasm, js)',
      ).env('ANALOOP_KERNELS'),
    )
    .option(
      '--device <uri>',
      'also open a device and show what it declares (e.g. serial:./board.tty)',
    )
    .option('--json', 'print the report as JSON')
    .action(async (opts: { kernels?: string; device?: string; json?: boolean }) => {
      const report = await runDoctor(opts.kernels, opts.device);
      if (opts.json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
      else printReport(report);
    });
}
