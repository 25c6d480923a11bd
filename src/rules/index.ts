import type { TSESLint } from '@typescript-eslint/utils';

import type { EventLoopRuleDocs } from '../create-rule.js';
import noBlockingInAsync from './no-blocking-in-async.js';
import noFloatingPromise from './no-floating-promise.js';
import noNestedEventLoop from './no-nested-event-loop.js';
import preferPromiseAll from './prefer-promise-all.js';

type AnyRule = TSESLint.RuleModule<string, readonly unknown[], EventLoopRuleDocs>;

/** Every rule of the plugin, by name (kept in alphabetical order). */
export const rules: Record<string, AnyRule> = {
  'no-blocking-in-async': noBlockingInAsync,
  'no-floating-promise': noFloatingPromise,
  'no-nested-event-loop': noNestedEventLoop,
  'prefer-promise-all': preferPromiseAll,
};
