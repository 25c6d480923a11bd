/**
 * Where a promise used as a plain value goes wrong: APIs that stringify, print or convert their
 * argument, the members a promise really has, and array methods that ignore what their callback
 * returns.
 */
import type { ApiRow } from '../origin/modules.js';
import { PROMISE_CALLBACK_METHODS } from './promise-apis.js';

export type ValueMisuse = 'condition' | 'string' | 'arithmetic' | 'logged';

export interface ValueSinkRow extends ApiRow {
  readonly kind: 'call';
  /** Which arguments are used as plain values: an index or every argument. */
  readonly argument: number | 'all';
  readonly misuse: ValueMisuse;
}

const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'table'];

export const VALUE_SINK_APIS: readonly ValueSinkRow[] = [
  ...CONSOLE_METHODS.map((name): ValueSinkRow => ({
    path: ['console', name],
    kind: 'call',
    argument: 'all',
    misuse: 'logged',
  })),
  ...CONSOLE_METHODS.map((name): ValueSinkRow => ({
    module: 'console',
    path: [name],
    kind: 'call',
    argument: 'all',
    misuse: 'logged',
  })),
  { path: ['JSON', 'stringify'], kind: 'call', argument: 0, misuse: 'logged' },
  { path: ['String'], kind: 'call', argument: 0, misuse: 'string' },
  { path: ['Number'], kind: 'call', argument: 0, misuse: 'arithmetic' },
  { path: ['parseInt'], kind: 'call', argument: 0, misuse: 'arithmetic' },
  { path: ['parseFloat'], kind: 'call', argument: 0, misuse: 'arithmetic' },
  { path: ['Boolean'], kind: 'call', argument: 0, misuse: 'condition' },
];

/** Members every promise has (its own and `Object.prototype`'s): reading them is not a misuse. */
export const PROMISE_MEMBERS: ReadonlySet<string> = new Set([
  ...PROMISE_CALLBACK_METHODS,
  'constructor',
  'valueOf',
  'toLocaleString',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  '__proto__',
]);

export type IgnoredCallbackKind = 'forEach' | 'predicate';

/** Array methods that call their first argument and ignore a returned promise (a predicate treats it as `true`). */
export const CALLBACK_RESULT_IGNORING_METHODS: ReadonlyMap<string, IgnoredCallbackKind> = new Map([
  ['forEach', 'forEach'],
  ['filter', 'predicate'],
  ['some', 'predicate'],
  ['every', 'predicate'],
  ['find', 'predicate'],
  ['findIndex', 'predicate'],
  ['findLast', 'predicate'],
  ['findLastIndex', 'predicate'],
]);

/**
 * Methods that take an existing element out of a collection (`queue.shift()`): a promise they return
 * was made, and is owned, elsewhere, so dropping it drops nothing new.
 */
export const ELEMENT_REMOVAL_METHODS: ReadonlySet<string> = new Set(['shift', 'pop', 'splice']);
