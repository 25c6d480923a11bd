/**
 * Does a callback run in a browser page rather than in a Node process? It decides what an unhandled
 * rejection costs: since Node 15 it stops the process; a page logs it to the console and goes on.
 * Decided by the `environment` setting (`settings['event-loop'].environment`, for a files block), then by
 * the globals the user configured for the file (browser globals and none of Node's), then per call by an
 * API that only browsers have (`requestAnimationFrame`, `window.addEventListener`, `document.…`), by origin.
 */
import type { TSESTree } from '@typescript-eslint/types';

import { BROWSER_CALLBACK_APIS, BROWSER_GLOBALS, NODE_GLOBALS } from '../catalog/event-loop-callbacks.js';
import { trackModuleReferences } from '../origin/modules.js';
import { type AnyContext } from '../scope.js';
import { getPluginSettings } from '../settings.js';

type Environment = 'browser' | 'node';

const fileCache = new WeakMap<TSESTree.Program, Environment | undefined>();

/** Where the whole file runs, when the setting or the configured globals say; undefined when they do not. */
export function findFileEnvironment(context: AnyContext): Environment | undefined {
  const program = context.sourceCode.ast;
  if (fileCache.has(program)) return fileCache.get(program);
  const environment = getPluginSettings(context).environment ?? environmentOfGlobals(context);
  fileCache.set(program, environment);
  return environment;
}

/** Browser globals configured and Node's not (`globals.browser` alone) make a browser file. */
function environmentOfGlobals(context: AnyContext): Environment | undefined {
  // oxlint's JS plugins and older hosts may not expose the language options.
  const globals = (context as { languageOptions?: { globals?: Record<string, unknown> } }).languageOptions?.globals;
  if (!globals) return undefined;
  const declares = (name: string): boolean => Object.hasOwn(globals, name) && globals[name] !== 'off';
  if (NODE_GLOBALS.some(declares)) return undefined;
  return BROWSER_GLOBALS.some(declares) ? 'browser' : undefined;
}

/** Does `call` run its callback in a browser page: a browser file, or an API that only browsers have? */
export function runsCallbackInBrowser(context: AnyContext, call: TSESTree.CallExpression): boolean {
  const environment = findFileEnvironment(context);
  if (environment !== undefined) return environment === 'browser';
  return trackModuleReferences(context, BROWSER_CALLBACK_APIS).has(call);
}
