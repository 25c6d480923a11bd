/**
 * What a callee's name says about its effect, with no other knowledge: `getUser` reads, `updateUser`
 * writes, `getOrCreateGroup` and `process` are unknown. Pure, so the project layer can use it on
 * files it only parses (`project/summaries.ts`) as the same-file analysis does (`call-effects.ts`).
 */
import { MUTATING_CALL_PATTERN } from '../catalog/ordered-calls.js';
import { TIMER_CALLBACK_NAMES } from '../catalog/pacing.js';
import { COMPOUND_NAME_PATTERN, READ_NAME_PATTERN } from '../catalog/read-calls.js';

/** `read`: only reads; `write`: changes shared state; `unknown`: we cannot tell. */
export type WorkEffect = 'read' | 'write' | 'unknown';

/** The effect a callee name announces; timers (`setTimeout`) change nothing another call could see. */
export function effectOfName(name: string): WorkEffect {
  if (TIMER_CALLBACK_NAMES.has(name)) return 'unknown';
  if (MUTATING_CALL_PATTERN.test(name)) return 'write';
  if (COMPOUND_NAME_PATTERN.test(name)) return 'unknown';
  return READ_NAME_PATTERN.test(name) ? 'read' : 'unknown';
}
