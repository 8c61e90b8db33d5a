// Runs when `node-gyp-build` could not build the optional native addon at install time.
// The install must still succeed: analoop then computes on tfjs-wasm or plain JavaScript.
console.warn(
  'analoop: the optional native addon was not built (see the node-gyp output above); ' +
    'falling back to the wasm/JavaScript kernels. To build it: install a C compiler, make and ' +
    'python3, then run `npm rebuild analoop` (`analoop doctor` shows what is in use).',
);
process.exitCode = 0;
