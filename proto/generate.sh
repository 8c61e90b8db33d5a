#!/bin/sh
# Regenerates proto/generated/ from proto/analoop.proto (offline; protobufjs-cli is a devDependency).
# The lead wires this up as `npm run proto`; run it after every change to the schema and commit the
# output, so builds and tests never need the CLI.
#
#   pbjs  static-module: plain encode/decode code, no reflection at runtime;
#         -w es6: an ES module importing "protobufjs/minimal.js" (the package is ESM);
#         --force-number: 64-bit fields are typed `number` (drivers/serial/codec.ts turns the Long
#         objects protobufjs still returns at runtime into numbers, exact up to 2^53 - 1).
#   pbts  TypeScript declarations from the JSDoc in that JS, written next to it so that
#         `import ... from '.../proto/generated/analoop.js'` type-checks without allowJs.
set -eu
cd "$(dirname "$0")/.."
mkdir -p proto/generated
npx --no-install pbjs -t static-module -w es6 --force-number --no-service \
  -o proto/generated/analoop.js proto/analoop.proto
npx --no-install pbts -o proto/generated/analoop.d.ts proto/generated/analoop.js
