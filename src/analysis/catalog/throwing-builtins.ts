/**
 * Built-ins that throw on bad input, by origin (globals): parsing and decoding functions whose failure
 * is an expected outcome for data from outside (a request body, a stored string), not a bug. From the
 * ECMAScript and WHATWG specifications: `JSON.parse` throws a `SyntaxError` on malformed text,
 * `new URL(s)` a `TypeError` on an invalid URL, `decodeURIComponent`/`decodeURI` a `URIError` on a
 * malformed escape, `atob` an `InvalidCharacterError` on non-base64 text, `BigInt('x')` a `SyntaxError`,
 * `structuredClone` a `DataCloneError` on a function or a symbol, `new RegExp(s)` a `SyntaxError` on a
 * bad pattern. Outside a `try`, a call of one of these in an async function makes its promise reject.
 * Plain calls of unknown functions are not counted: nearly every function can throw on a bug, and
 * counting those would make every async function "able to reject", which says nothing.
 */
import type { ApiRow } from '../origin/modules.js';

export const THROWING_BUILTINS: readonly ApiRow[] = [
  { path: ['JSON', 'parse'], kind: 'call' },
  { path: ['URL'], kind: 'construct' },
  { path: ['decodeURIComponent'], kind: 'call' },
  { path: ['decodeURI'], kind: 'call' },
  { path: ['atob'], kind: 'call' },
  { path: ['BigInt'], kind: 'call' },
  { path: ['structuredClone'], kind: 'call' },
  { path: ['RegExp'], kind: 'construct' },
  { path: ['RegExp'], kind: 'call' },
];
