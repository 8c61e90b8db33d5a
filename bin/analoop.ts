#!/usr/bin/env node
// The one place that wires the pieces together: the simulator, the board emulator and the serial
// driver register their device schemes here, so src/ never imports them (docs/architecture.md).
import { registerSerialDriver } from '../drivers/serial/register.js';
import { registerBoardEmulator } from '../simulator/board-emulator/register.js';
import { registerSimulator } from '../simulator/register.js';
import { registerReplay } from '../src/device/replay-register.js';
import { main } from '../src/cli/program.js';

registerSimulator();
registerBoardEmulator();
registerSerialDriver();
registerReplay();
process.exitCode = await main(process.argv);
