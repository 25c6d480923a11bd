/**
 * oxc-parser's two ways of handing a tree to JavaScript, on the sources of the given folders: the JSON
 * transfer (every Node version) and the raw transfer (Node 22+, which the project layer's parse.ts uses where
 * it is supported). Prints whether every tree is the same both ways, then the time of each over all files,
 * twice (the first pass includes warming up). Run it with Node 22 or later, for example one installed from npm:
 *
 *   npm i --prefix /tmp/n22 node@22
 *   /tmp/n22/node_modules/.bin/node bench/measurements/oxc-raw-transfer.mjs bench/node_modules/effect/src bench/node_modules/undici/lib
 */
import fs from 'node:fs';
import path from 'node:path';

import { parseSync, rawTransferSupported } from 'oxc-parser';

if (!rawTransferSupported()) throw new Error(`no raw transfer on Node ${process.version} here: use Node 22 or later`);

const files = process.argv
  .slice(2)
  .flatMap((dir) =>
    fs
      .readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.[cm]?[jt]s$/u.test(file) && !/\.d\.[cm]?ts$/u.test(file))
      .map((file) => path.join(dir, file)),
  )
  .map((file) => ({ file, text: fs.readFileSync(file, 'utf8') }));

/** @param {string} file @param {boolean} raw */
const optionsFor = (file, raw) => ({
  astType: /** @type {'ts' | 'js'} */ (/\.[cm]?ts$/u.test(file) ? 'ts' : 'js'),
  sourceType: /** @type {'unambiguous'} */ ('unambiguous'),
  range: false,
  preserveParens: false,
  experimentalRawTransfer: raw,
});
/** A tree as text, BigInt and RegExp values included. */
const treeText = (/** @type {unknown} */ program) =>
  JSON.stringify(program, (_key, /** @type {unknown} */ value) =>
    typeof value === 'bigint' || value instanceof RegExp ? String(value) : value,
  );

let differ = 0;
for (const { file, text } of files) {
  const json = parseSync(file, text, optionsFor(file, false));
  const raw = parseSync(file, text, optionsFor(file, true));
  if (treeText(json.program) !== treeText(raw.program) || json.errors.length !== raw.errors.length) {
    differ++;
    console.log(`differs: ${file}`);
  }
}
console.log(`${files.length} files, ${differ} with a different tree`);
for (const pass of [1, 2]) {
  for (const raw of [false, true]) {
    const started = performance.now();
    for (const { file, text } of files) void parseSync(file, text, optionsFor(file, raw)).program;
    console.log(`pass ${pass}, ${raw ? 'raw transfer' : 'JSON'}: ${(performance.now() - started).toFixed(0)} ms`);
  }
}
