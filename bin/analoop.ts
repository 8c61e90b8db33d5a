#!/usr/bin/env node
// The one place that wires the pieces together: the simulator and drivers register their device
// schemes here, so src/ never imports them (docs/architecture.md, dependency rule).
import { registerSimulator } from '../simulator/register.js';
import { main } from '../src/cli/program.js';

registerSimulator();
process.exitCode = await main(process.argv);
