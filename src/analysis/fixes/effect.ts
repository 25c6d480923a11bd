/**
 * Compose an effect instead of running it on a new runtime inside a running one:
 * `Effect.promise(() => Effect.runPromise(eff))` → `eff`, and `Effect.runSync(eff)` directly in an
 * `Effect.gen` body → `yield* eff`. Plan first (which rewrite applies), then apply.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';

import { type FunctionNode, skipTypeWrappers } from '../ast.js';
import { findDirectFunction } from '../execution/await-position.js';
import { type EffectRun, findEffectBody } from '../execution/effect.js';
import type { AnyContext } from '../scope.js';
import { needsParenthesesAt, Precedence, precedenceRequiredAt, textWithPrecedence } from './syntax.js';

export interface EffectFixPlan {
  /** `unwrap`: the wrapper becomes the effect itself; `yield`: the run becomes `yield* effect`. */
  readonly kind: 'unwrap' | 'yield';
  /** The effect the run was given. */
  readonly effect: TSESTree.Expression;
  readonly apply: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix;
}

/** Effect constructors that run a thunk, and the runner whose result each one rewraps. */
const RUNNER_OF_WRAPPER: Readonly<Record<string, string>> = {
  promise: 'runPromise',
  tryPromise: 'runPromise',
  sync: 'runSync',
  try: 'runSync',
};

/** Is `call` all that `fn` does: its expression body, or the only `return` of its block? */
function isOnlyResult(fn: FunctionNode, call: TSESTree.Node): boolean {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return skipTypeWrappers(fn.body) === call;
  const [statement, ...rest] = fn.body.body;
  return (
    rest.length === 0 &&
    statement?.type === AST_NODE_TYPES.ReturnStatement &&
    statement.argument !== null &&
    skipTypeWrappers(statement.argument) === call
  );
}

/**
 * The plan for `run`, an effect run inside `fn`, the body `wrapper` (an Effect constructor call)
 * gives to the Effect runtime; undefined where neither rewrite keeps the meaning (a custom runtime,
 * other arguments, other statements around the run).
 */
export function planEffectFix(
  context: AnyContext,
  run: EffectRun,
  fn: FunctionNode,
  wrapper: TSESTree.CallExpression,
): EffectFixPlan | undefined {
  const sourceCode = context.sourceCode;
  const effect = run.effect;
  const runName = run.row.path[run.row.path.length - 1];
  if (
    !run.row.defaultRuntime ||
    run.call.arguments.length !== 1 ||
    !effect ||
    effect.type === AST_NODE_TYPES.SpreadElement
  )
    return undefined;
  const body = findEffectBody(context, fn);
  // Effect.promise(() => Effect.runPromise(eff)) is eff; Effect.sync(() => Effect.runSync(eff)) too.
  if (
    body?.row.body === 'thunk' &&
    wrapper.arguments[0] === fn &&
    fn.params.length === 0 &&
    isOnlyResult(fn, run.call)
  ) {
    const wrapperName = body.row.path[body.row.path.length - 1];
    if (wrapperName && RUNNER_OF_WRAPPER[wrapperName] === runName) {
      return {
        kind: 'unwrap',
        effect,
        apply: (fixer) =>
          fixer.replaceText(wrapper, textWithPrecedence(sourceCode, effect, precedenceRequiredAt(wrapper))),
      };
    }
  }
  // Effect.runSync(eff) directly in the generator body is `yield* eff`.
  if (fn.generator && runName === 'runSync' && findDirectFunction(run.call) === fn) {
    const text = `yield* ${textWithPrecedence(sourceCode, effect, Precedence.Assignment)}`;
    // `x as T`, `f(x)!`, `x.y` and a callee position all bind tighter than `yield*`.
    const parenthesize = needsParenthesesAt(Precedence.Assignment, run.call);
    return {
      kind: 'yield',
      effect,
      apply: (fixer) => fixer.replaceText(run.call, parenthesize ? `(${text})` : text),
    };
  }
  return undefined;
}
