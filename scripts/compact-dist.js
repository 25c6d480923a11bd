#!/usr/bin/env node
// The second half of `npm run build`: makes dist/'s JavaScript cheaper to hold in memory. V8 keeps the source
// text of every loaded module for as long as the process lives, and stores a whole file in two bytes per
// character as soon as one character is outside Latin-1 (an ellipsis in a message is enough). tsc has already
// left the comments out (`removeComments` in tsconfig.build.json); here the remaining non-ASCII characters,
// which only string, template and regular-expression literals hold, become `\uXXXX` escapes of the same
// value. Each rewritten file is parsed before and after, and the build fails unless the trees are equal with
// positions and raw texts left out, so no value can change.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { parseSync } from 'oxc-parser';

const distDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist');
const NON_ASCII = /\P{ASCII}/u;

/** `\uXXXX` for each UTF-16 code unit of `character` (a pair for one outside the Basic Multilingual Plane). */
function escapeCharacter(/** @type {string} */ character) {
  let escaped = '';
  for (let index = 0; index < character.length; index++)
    escaped += `\\u${character.charCodeAt(index).toString(16).padStart(4, '0')}`;
  return escaped;
}

/** The tree of a module without what escaping may change: positions and the raw text of literals. */
function valueTree(/** @type {string} */ file, /** @type {string} */ text) {
  const result = parseSync(file, text, { sourceType: 'module', range: false });
  if (result.errors.length > 0) throw new Error(`${file}: does not parse: ${result.errors[0]?.message}`);
  return JSON.stringify(result.program, (key, /** @type {unknown} */ value) =>
    key === 'start' || key === 'end' || key === 'raw' ? undefined : value,
  );
}

let rewritten = 0;
for (const entry of fs.readdirSync(distDir, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.js')) continue;
  const file = path.join(entry.parentPath, entry.name);
  const text = fs.readFileSync(file, 'utf8');
  if (!NON_ASCII.test(text)) continue;
  const escaped = text.replace(new RegExp(NON_ASCII, 'gu'), escapeCharacter);
  if (valueTree(file, escaped) !== valueTree(file, text))
    throw new Error(`${path.relative(distDir, file)}: escaping non-ASCII characters would change the code`);
  fs.writeFileSync(file, escaped);
  rewritten++;
}
console.error(`compact-dist: ${rewritten} file(s) made ASCII-only`);
