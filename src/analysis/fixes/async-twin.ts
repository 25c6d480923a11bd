/**
 * Rewrite a blocking call as its awaited asynchronous twin, as the blocking-API catalogue describes:
 * `fs.readFileSync(p)` → `await fs.promises.readFile(p)`, `gzipSync(b)` → `await promisify(gzip)(b)`,
 * `execSync(c).trim()` → `(await promisify(exec)(c)).stdout.trim()`, `Atomics.wait(a, 0, 0, 50)` →
 * `await sleep(50)`. Imports are added, merged or reused; a sync binding left unused is removed.
 * The caller makes the enclosing function async where needed.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';

import { getValueParent, skipTypeWrappers } from '../ast.js';
import type { AsyncTwinFix } from '../catalog/blocking-apis.js';
import { moduleAliases } from '../origin/modules.js';
import { getStaticValueAt, type SourceCode } from '../scope.js';
import { type ImportPlan, type ImportRequest, isNameFree, planImport } from './imports.js';
import { prefixWithKeyword } from './prefix.js';
import { planBindingReplacement } from './replace-binding.js';
import { guardStatementStart, Precedence, textWithPrecedence } from './syntax.js';

type FixBuilder = (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[];

/** How a new import names a built-in: with `node:`; npm packages as they are. */
export function importSpecifierFor(module: string): string {
  const aliases = moduleAliases(module);
  return aliases.find((alias) => alias.startsWith('node:')) ?? module;
}

/** Is the value of `call` used, rather than the call being a statement of its own? */
function isValueUsed(call: TSESTree.Node): boolean {
  const { parent } = getValueParent(call);
  if (parent?.type === AST_NODE_TYPES.ExpressionStatement) return false;
  return !(parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'void');
}

/** The name to import `setTimeout` from `node:timers/promises` under, so the global timer stays reachable. */
export function sleepAlias(sourceCode: SourceCode, useSite: TSESTree.Node): string {
  return isNameFree(sourceCode, 'sleep', useSite) ? 'sleep' : 'delay';
}

/** The delay in milliseconds, as source text, for a sleep argument in `unit`. */
function millisecondsText(sourceCode: SourceCode, argument: TSESTree.Expression, unit: 'ms' | 's' | 'us'): string {
  if (unit === 'ms') return sourceCode.getText(argument);
  const known = getStaticValueAt(sourceCode, argument);
  if (known && typeof known.value === 'number' && argument.type === AST_NODE_TYPES.Literal) {
    return String(unit === 's' ? known.value * 1000 : known.value / 1000);
  }
  return `${textWithPrecedence(sourceCode, argument, Precedence.Multiplicative)} ${unit === 's' ? '* 1000' : '/ 1000'}`;
}

/**
 * The fix that turns `call` into its awaited twin, or undefined when the call's shape has no
 * mechanical rewrite (a computed or optional callee, a sleep whose value is used, no timeout), or
 * when `compilerChecksFile` and the rewritten value would lose its type.
 * `module` is the catalogue row's module (undefined for globals).
 */
export function planAsyncTwinFix(
  sourceCode: SourceCode,
  filename: string,
  call: TSESTree.CallExpression,
  module: string | undefined,
  fix: AsyncTwinFix,
  compilerChecksFile = false,
): FixBuilder | undefined {
  if (call.optional || call.parent.type === AST_NODE_TYPES.ChainExpression) return undefined;
  const callee = skipTypeWrappers(call.callee);
  const member =
    callee.type === AST_NODE_TYPES.MemberExpression &&
    !callee.computed &&
    !callee.optional &&
    callee.property.type === AST_NODE_TYPES.Identifier
      ? callee
      : undefined;
  const named = callee.type === AST_NODE_TYPES.Identifier ? callee : undefined;
  if (!member && !named) return undefined;

  /** The new callee for an export `request` of a module: through the member's object, or a (re)planned import. */
  const referTo = (
    memberPath: readonly string[],
    request: ImportRequest | undefined,
  ): { text: string; plan?: ImportPlan } | undefined => {
    if (member) return { text: `${sourceCode.getText(member.object)}.${memberPath.join('.')}` };
    if (!request) return undefined;
    const plan = planBindingReplacement(sourceCode, filename, named!, request);
    return { text: plan.reference, plan };
  };

  switch (fix.kind) {
    case 'rename':
    case 'exists': {
      const target = referTo(fix.member, fix.import);
      if (!target) return undefined;
      return (fixer) => [
        fixer.replaceText(callee, target.text),
        ...(target.plan?.fix(fixer) ?? []),
        ...(fix.kind === 'exists' ? [fixer.insertTextAfter(call, '.then(() => true, () => false)')] : []),
        ...prefixWithKeyword(fixer, sourceCode, call, 'await'),
      ];
    }
    case 'promisify': {
      if (module === undefined || (fix.untypedResult && compilerChecksFile && isValueUsed(call))) return undefined;
      const target = referTo([fix.name], { module: importSpecifierFor(module), name: fix.name });
      if (!target) return undefined;
      const util = planImport(sourceCode, filename, { module: 'node:util', name: 'promisify' }, call);
      const readsResult = fix.resultProperty !== undefined && isValueUsed(call);
      return (fixer) => {
        const fixes = [
          fixer.replaceText(callee, `${util.reference}(${target.text})`),
          ...(target.plan?.fix(fixer) ?? []),
          ...util.fix(fixer),
        ];
        if (!readsResult) return [...fixes, ...prefixWithKeyword(fixer, sourceCode, call, 'await')];
        return [
          ...fixes,
          fixer.insertTextBefore(call, guardStatementStart(sourceCode, call, '(await ')),
          fixer.insertTextAfter(call, `).${fix.resultProperty}`),
        ];
      };
    }
    case 'sleep': {
      const argument = call.arguments[fix.argument];
      if (isValueUsed(call) || !argument || argument.type === AST_NODE_TYPES.SpreadElement) return undefined;
      const request = {
        module: 'node:timers/promises',
        name: 'setTimeout',
        alias: sleepAlias(sourceCode, call),
        preferAlias: true,
      };
      const plan = named
        ? planBindingReplacement(sourceCode, filename, named, request)
        : planImport(sourceCode, filename, request, call);
      const delay = millisecondsText(sourceCode, argument, fix.unit);
      return (fixer) => [
        fixer.replaceText(call, `${plan.reference}(${delay})`),
        ...plan.fix(fixer),
        ...prefixWithKeyword(fixer, sourceCode, call, 'await'),
      ];
    }
  }
}

/** `await sleep(<delay>);` in place of a busy-wait loop statement, with the `node:timers/promises` import. */
export function planSleepStatementFix(
  sourceCode: SourceCode,
  filename: string,
  loop: TSESTree.Statement,
  delayText: string,
): FixBuilder {
  const plan = planImport(
    sourceCode,
    filename,
    { module: 'node:timers/promises', name: 'setTimeout', alias: sleepAlias(sourceCode, loop), preferAlias: true },
    loop,
  );
  return (fixer) => [fixer.replaceText(loop, `await ${plan.reference}(${delayText});`), ...plan.fix(fixer)];
}
