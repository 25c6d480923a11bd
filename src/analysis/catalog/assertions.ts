/**
 * Assertions of internal invariants, by origin: `assert(x)`, `assert.ok(x)`, `assert.strictEqual(a, b)`
 * from `node:assert` (and `assert/strict`, `assert.strict`). One that fails is a bug in the code itself,
 * not a failure a caller guards against, so it does not make a function "able to reject". `assert.fail`,
 * `assert.ifError`, `throws` and `rejects` are left out: they throw or hand on an error on purpose.
 */
import type { ApiRow } from '../origin/modules.js';

const CHECKS = [
  'ok',
  'equal',
  'notEqual',
  'strictEqual',
  'notStrictEqual',
  'deepEqual',
  'notDeepEqual',
  'deepStrictEqual',
  'notDeepStrictEqual',
  'match',
  'doesNotMatch',
] as const;

function assertionRows(module: string, prefix: readonly string[]): ApiRow[] {
  return [
    { module, path: prefix, kind: 'call' },
    ...CHECKS.map((check): ApiRow => ({ module, path: [...prefix, check], kind: 'call' })),
  ];
}

export const INVARIANT_ASSERTIONS: readonly ApiRow[] = [
  ...assertionRows('assert', []),
  ...assertionRows('assert', ['strict']),
  ...assertionRows('assert/strict', []),
];

/** The module names and methods the project layer (which has no scope analysis) matches by import or `require`. */
export const ASSERTION_MODULES: ReadonlySet<string> = new Set([
  'assert',
  'node:assert',
  'assert/strict',
  'node:assert/strict',
]);
export const ASSERTION_METHODS: ReadonlySet<string> = new Set<string>([...CHECKS, 'strict']);
