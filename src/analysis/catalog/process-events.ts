/** Listener registration on Node's `process`, by origin: the global, or `import process from 'node:process'`. */
import type { ApiRow } from '../origin/modules.js';

const PROCESS_LISTENER_METHODS = ['on', 'once', 'addListener', 'prependListener', 'prependOnceListener'];

export const PROCESS_LISTENER_APIS: readonly ApiRow[] = PROCESS_LISTENER_METHODS.flatMap((name): ApiRow[] => [
  { path: ['process', name], kind: 'call' },
  { module: 'process', path: [name], kind: 'call' },
]);

/** Events whose listener receives a promise that has already settled (rejected), as its second argument. */
export const REJECTION_EVENTS: ReadonlySet<string> = new Set(['unhandledRejection', 'rejectionHandled']);

/** `process.exit(…)`, `process` the global or imported (`import process from 'node:process'`, `require('process')`). */
export const PROCESS_EXIT_APIS: readonly ApiRow[] = [
  { path: ['process', 'exit'], kind: 'call' },
  { module: 'process', path: ['exit'], kind: 'call' },
];
