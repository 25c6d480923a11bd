/**
 * "Which function does this call run, and what does its body say about its promise?" One answer for
 * every rule and analysis, cheapest first: a function of this file followed syntactically, a function of
 * another project file from its export summary, then (with types) the declaration the checker resolves
 * the call to, in this file or any source file of the program. Whichever way it was found, a body is
 * judged by the same analysis: `calledFunctionCanReject` (rejection-sources.ts) and `functionReturnsPromise`.
 */
import type { TSESTree } from '@typescript-eslint/types';

import { type FunctionNode } from '../ast.js';
import { resolveFunction } from '../origin/function-resolution.js';
import { resolveDeclaredFunction } from '../project/declared-functions.js';
import { getProjectKnowledge } from '../project/project.js';
import type { FunctionSummary } from '../project/summaries.js';
import { type AnyContext } from '../scope.js';
import { isTypeScriptFile } from '../type-info.js';
import { getPromiseKnowledge, type Tristate } from './promises.js';

export type CalledFunction =
  | { readonly kind: 'local'; readonly fn: FunctionNode }
  | { readonly kind: 'other-file'; readonly summary: FunctionSummary; readonly file: string };

/**
 * The function `call` runs, when it can be followed (see the module comment). With `javaScriptOnly`
 * (typed mode asking whether a body overrules JSDoc), only a function of this file or one the checker
 * finds in a JavaScript file: the checker sees every file whose JSDoc it read.
 */
export function resolveCalledFunction(
  context: AnyContext,
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  { javaScriptOnly = false } = {},
): CalledFunction | undefined {
  const fn = resolveFunction(context, call.callee);
  if (fn) return { kind: 'local', fn };
  if (!javaScriptOnly) {
    const imported = getProjectKnowledge(context).resolveImportedFunction(call.callee);
    if (imported) return { kind: 'other-file', summary: imported, file: imported.file };
  }
  const declared = resolveDeclaredFunction(context, call, { javaScriptOnly });
  if (!declared) return undefined;
  return declared.kind === 'local' ? declared : { kind: 'other-file', summary: declared.summary, file: declared.file };
}

/** Does calling the function return a promise, by its body? */
export function calledFunctionReturnsPromise(context: AnyContext, called: CalledFunction): Tristate {
  return called.kind === 'local'
    ? getPromiseKnowledge(context).functionReturnsPromise(called.fn)
    : called.summary.returnsPromise;
}

/** Is the called function declared in a JavaScript file (its types, if any, from JSDoc or inference)? */
export function isDeclaredInJavaScript(context: AnyContext, called: CalledFunction): boolean {
  return !isTypeScriptFile(called.kind === 'local' ? context.filename : called.file);
}
