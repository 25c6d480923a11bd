/**
 * Clocks a busy-wait loop polls: `while (Date.now() < deadline) {}`. `unit` says whether the value is
 * milliseconds on a number line (so `deadline - Date.now()` is a delay) or something else.
 */
import type { ApiRow } from '../origin/modules.js';

export interface ClockRow extends ApiRow {
  readonly kind: 'call' | 'construct';
  /** `ms`: a number of milliseconds; `other`: a `Date`, an `[s, ns]` pair or nanoseconds as a bigint. */
  readonly unit: 'ms' | 'other';
}

export const CLOCK_APIS: readonly ClockRow[] = [
  { path: ['Date', 'now'], kind: 'call', unit: 'ms' },
  { path: ['Date'], kind: 'construct', unit: 'other' },
  { path: ['performance', 'now'], kind: 'call', unit: 'ms' },
  { module: 'perf_hooks', path: ['performance', 'now'], kind: 'call', unit: 'ms' },
  { path: ['process', 'hrtime'], kind: 'call', unit: 'other' },
  { path: ['process', 'hrtime', 'bigint'], kind: 'call', unit: 'other' },
  { module: 'process', path: ['hrtime'], kind: 'call', unit: 'other' },
  { module: 'process', path: ['hrtime', 'bigint'], kind: 'call', unit: 'other' },
];
