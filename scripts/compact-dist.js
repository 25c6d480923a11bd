#!/usr/bin/env node
// The second half of `npm run build`: makes dist/'s JavaScript cheaper to hold in memory. V8 keeps the source
// text of every loaded module for as long as the process lives, and stores a whole file in two bytes per
// character as soon as one character is outside Latin-1 (an ellipsis in a message is enough). tsc has already
// left the comments out (`removeComments` in tsconfig.build.json); here the non-ASCII characters of string
// literals and of untagged template literals become `\uXXXX` escapes of the same value. Tagged templates
// (`String.raw`, which sees the raw text) and regular-expression literals are left as they are. Each rewritten
// file is parsed before and after, and the build fails unless the trees are equal with positions and the raw
// text of those literals left out, so no value can change.
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

/** @param {string} file @param {string} text */
function parse(file, text) {
  const result = parseSync(file, text, { sourceType: 'module', range: false });
  if (result.errors.length > 0) throw new Error(`${file}: does not parse: ${result.errors[0]?.message}`);
  return result.program;
}

/**
 * Is the child `key` of `record` part of a tagged template's text (its `quasi`, not the expressions in it)?
 * @param {Record<string, unknown>} record @param {string} key @param {boolean} tagged whether `record` is
 */
function insideTag(record, key, tagged) {
  return record.type === 'TaggedTemplateExpression' ? key === 'quasi' : tagged && key !== 'expressions';
}

/**
 * The [start, end) offsets of the string literals and the parts of untagged templates: where an escape
 * leaves the value as it was.
 * @param {unknown} node @param {[number, number][]} ranges @param {boolean} tagged
 */
function escapableRanges(node, ranges = [], tagged = false) {
  if (Array.isArray(node)) {
    for (const child of node) escapableRanges(child, ranges, tagged);
    return ranges;
  }
  if (node === null || typeof node !== 'object') return ranges;
  const record = /** @type {Record<string, unknown> & { type?: string, start: number, end: number }} */ (node);
  if (record.type === 'Literal' && typeof record.value === 'string') ranges.push([record.start, record.end]);
  if (record.type === 'TemplateElement' && !tagged) ranges.push([record.start, record.end]);
  for (const [key, child] of Object.entries(record)) {
    if (child && typeof child === 'object') escapableRanges(child, ranges, insideTag(record, key, tagged));
  }
  return ranges;
}

/**
 * The tree without what escaping may change: positions, and the raw text of string literals and of untagged
 * templates. A tagged template's raw text, which its tag reads, is compared.
 * @param {unknown} node @param {boolean} tagged
 * @returns {unknown}
 */
function valueTree(node, tagged = false) {
  if (Array.isArray(node)) return node.map((child) => valueTree(child, tagged));
  if (node === null || typeof node !== 'object') return node;
  const record = /** @type {Record<string, unknown>} */ (node);
  /** @type {Record<string, unknown>} */
  const kept = {};
  for (const [key, child] of Object.entries(record)) {
    if (key === 'start' || key === 'end') continue;
    if (key === 'raw' && record.type === 'Literal' && typeof record.value === 'string') continue;
    if (key === 'value' && record.type === 'TemplateElement' && !tagged) {
      kept.cooked = /** @type {{ cooked: unknown }} */ (child).cooked;
      continue;
    }
    kept[key] = valueTree(child, insideTag(record, key, tagged));
  }
  return kept;
}

let rewritten = 0;
for (const entry of fs.readdirSync(distDir, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.js')) continue;
  const file = path.join(entry.parentPath, entry.name);
  const text = fs.readFileSync(file, 'utf8');
  if (!NON_ASCII.test(text)) continue;
  const program = parse(file, text);
  let escaped = '';
  let done = 0;
  for (const [start, end] of escapableRanges(program).sort((a, b) => a[0] - b[0])) {
    if (start < done) continue;
    escaped += text.slice(done, start) + text.slice(start, end).replace(new RegExp(NON_ASCII, 'gu'), escapeCharacter);
    done = end;
  }
  escaped += text.slice(done);
  if (escaped === text) continue;
  if (JSON.stringify(valueTree(parse(file, escaped))) !== JSON.stringify(valueTree(program)))
    throw new Error(`${path.relative(distDir, file)}: escaping non-ASCII characters would change the code`);
  fs.writeFileSync(file, escaped);
  rewritten++;
}
console.error(`compact-dist: ${rewritten} file(s) rewritten with ASCII escapes`);
