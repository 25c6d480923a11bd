/**
 * Does a callback run in a browser page rather than in a Node process? It decides what an unhandled
 * rejection costs: since Node 15 it stops the process; a page logs it to the console and goes on.
 * Decided by the `environment` setting (`settings['event-loop'].environment`, for a files block), then by
 * the globals the user configured for the file (browser globals and none of Node's), then by the file's own
 * code (browser-only globals and nothing of Node's, by origin), then per call by an API that only browsers
 * have (`requestAnimationFrame`, `window.addEventListener`, `document.…`), by origin.
 */
import { isBuiltin } from 'node:module';

import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';

import { getCallOfArgument, getStaticPropertyName, isFunctionNode, moduleSpecifier, walkAst } from '../ast.js';
import {
  BROWSER_CALLBACK_APIS,
  BROWSER_GLOBALS,
  DOM_EMULATION_PACKAGES,
  NODE_GLOBALS,
  NODE_IMPORT_META_PROPERTIES,
} from '../catalog/event-loop-callbacks.js';
import { trackModuleReferences } from '../origin/modules.js';
import { type AnyContext } from '../scope.js';
import { getPluginSettings } from '../settings.js';
import { findCodeSetting } from './code-setting.js';

type Environment = 'browser' | 'node';

const fileCache = new WeakMap<TSESTree.Program, Environment | undefined>();

/** Where the whole file runs, when the setting, the configured globals or the file's own code say; undefined otherwise. */
export function findFileEnvironment(context: AnyContext): Environment | undefined {
  const program = context.sourceCode.ast;
  if (fileCache.has(program)) return fileCache.get(program);
  const environment =
    getPluginSettings(context).environment ?? environmentOfGlobals(context) ?? environmentOfCode(context);
  fileCache.set(program, environment);
  return environment;
}

/** Browser globals configured and Node's not (`globals.browser` alone) make a browser file. */
function environmentOfGlobals(context: AnyContext): Environment | undefined {
  // oxlint's JS plugins and older hosts may not expose the language options.
  const globals = (context as { languageOptions?: { globals?: Record<string, unknown> } }).languageOptions?.globals;
  if (!globals) return undefined;
  const declares = (name: string): boolean => Object.hasOwn(globals, name) && globals[name] !== 'off';
  if ([...NODE_GLOBALS].some(declares)) return undefined;
  return [...BROWSER_GLOBALS].some(declares) ? 'browser' : undefined;
}

/**
 * A file whose own code uses a browser-only global (`document.createTreeWalker(…)`, `new MutationObserver(…)`,
 * unshadowed, as a value) and nothing of Node's is code that runs in a page, such as a script injected into one.
 * Node's: a global (`process`, `require`, `Buffer`, `setImmediate`, also as `globalThis.process`), a built-in
 * module or a DOM emulation package (`jsdom`, `global-jsdom/register`: the file brings its own DOM), imported,
 * re-exported, required or loaded with `import('fs')`, or `import.meta.dirname`. Not evidence: a use inside a
 * function handed to a call (`page.evaluate(() => document.title)` runs that function elsewhere, the file in
 * Node); a file that tests for a browser global (`typeof window !== 'undefined'` is code for both); a test file
 * (jsdom tests run in Node). One pass over the references to globals; one walk of the file for a candidate.
 */
function environmentOfCode(context: AnyContext): Environment | undefined {
  let usesBrowserGlobal = false;
  for (const reference of globalValueReferences(context)) {
    const identifier = reference.identifier as TSESTree.Identifier;
    if (NODE_GLOBALS.has(identifier.name) || testsForBrowserGlobal(identifier)) return undefined;
    if (NODE_GLOBALS.has(globalNamedOnGlobalThis(identifier) ?? '')) return undefined;
    if (BROWSER_GLOBALS.has(identifier.name)) usesBrowserGlobal ||= !isInCallbackArgument(identifier);
  }
  if (!usesBrowserGlobal || usesNodeModuleOrMeta(context)) return undefined;
  return findCodeSetting(context).setting === 'test' ? undefined : 'browser';
}

/**
 * References to the globals of the two catalogues that no declaration of the file shadows: unresolved ones (the
 * global scope's `through`) and those resolved to a global without a declaration (configured in `globals`, or one
 * of TypeScript's `lib`); values only, not types (`NodeJS.Timeout`, `node as ShadowRoot`).
 */
function* globalValueReferences(context: AnyContext): Generator<TSESLint.Scope.Reference> {
  const globalScope = context.sourceCode.scopeManager?.globalScope;
  if (!globalScope) return;
  // A script's top-level `var` can stay unresolved in `through` too: declared in the file, it is no global of the host.
  const undeclared = globalScope.through.filter(
    (reference) => reference.resolved === null && !globalScope.set.get(reference.identifier.name)?.defs.length,
  );
  const declaredWithoutCode = [...BROWSER_GLOBALS, ...NODE_GLOBALS, 'globalThis'].flatMap((name) => {
    const variable = globalScope.set.get(name);
    return variable && variable.defs.length === 0 ? variable.references : [];
  });
  for (const reference of [...undeclared, ...declaredWithoutCode]) {
    // eslint-scope (JavaScript) has no type references: every reference is a value.
    if ((reference as { isValueReference?: boolean }).isValueReference === false) continue;
    if (reference.identifier.parent?.type === AST_NODE_TYPES.TSTypeQuery) continue;
    yield reference;
  }
}

/**
 * `typeof window !== 'undefined'`, `'location' in globalThis`, `globalThis.document?.…`: code that asks whether it
 * runs in a browser runs in both.
 */
function testsForBrowserGlobal(identifier: TSESTree.Identifier): boolean {
  const parent = identifier.parent;
  if (BROWSER_GLOBALS.has(identifier.name))
    return parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'typeof';
  return BROWSER_GLOBALS.has(globalNamedOnGlobalThis(identifier) ?? '');
}

/** The global that `globalThis.process`, `globalThis.document?.…` or `'location' in globalThis` names. */
function globalNamedOnGlobalThis(identifier: TSESTree.Identifier): string | undefined {
  if (identifier.name !== 'globalThis') return undefined;
  const parent = identifier.parent;
  if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === identifier)
    return getStaticPropertyName(parent);
  return parent.type === AST_NODE_TYPES.BinaryExpression &&
    parent.operator === 'in' &&
    parent.right === identifier &&
    parent.left.type === AST_NODE_TYPES.Literal
    ? String(parent.left.value)
    : undefined;
}

/** Is `node` inside a function given to a call as an argument, which runs where the callee runs it? */
function isInCallbackArgument(node: TSESTree.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current) && getCallOfArgument(current)) return true;
  }
  return false;
}

/**
 * Does the file load a module only Node has or a DOM of its own, or ask `import.meta` what only Node sets?
 * `import … from 'node:fs'`, `export … from 'events'`, `import fs = require('fs')`, `await import('fs')`,
 * `require('jsdom')` (also from `createRequire`), `import 'global-jsdom/register'`, `import.meta.dirname`.
 * Asked only of a file whose globals made it a browser candidate: one walk.
 */
function usesNodeModuleOrMeta(context: AnyContext): boolean {
  let found = false;
  walkAst(context.sourceCode.ast, context.sourceCode.visitorKeys, (node) => {
    if (found) return false;
    const specifier = moduleSpecifier(node);
    if (specifier !== undefined) found = isBuiltin(specifier) || isDomEmulationPackage(specifier);
    else
      found =
        node.type === AST_NODE_TYPES.MetaProperty &&
        node.meta.name === 'import' &&
        node.parent.type === AST_NODE_TYPES.MemberExpression &&
        node.parent.object === node &&
        NODE_IMPORT_META_PROPERTIES.has(getStaticPropertyName(node.parent) ?? '');
    return !found;
  });
  return found;
}

/** `jsdom`, `global-jsdom/register`, `@happy-dom/global-registrator`: by package name, or scope for a `@scope/*` row. */
function isDomEmulationPackage(specifier: string): boolean {
  const segments = specifier.split('/');
  const name = specifier.startsWith('@') ? segments.slice(0, 2).join('/') : segments[0];
  return DOM_EMULATION_PACKAGES.some((row) =>
    row.endsWith('/*') ? specifier.startsWith('@') && segments[0] === row.slice(0, -2) : name === row,
  );
}

/** Does `call` run its callback in a browser page: a browser file, or an API that only browsers have? */
export function runsCallbackInBrowser(context: AnyContext, call: TSESTree.CallExpression): boolean {
  const environment = findFileEnvironment(context);
  if (environment !== undefined) return environment === 'browser';
  return trackModuleReferences(context, BROWSER_CALLBACK_APIS).has(call);
}
