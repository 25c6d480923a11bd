/**
 * Make an async Promise executor synchronous and run its body in an async arrow function whose
 * rejection rejects the promise:
 * `new Promise(async (resolve, reject) => { … })` → `new Promise((resolve, reject) => { (async () => { … })().catch(reject); })`.
 * The body runs as before: synchronously up to its first `await`, with the same `this`, `arguments`
 * and bindings (the inner function is an arrow). What changes is only what the report is about: a
 * rejection that went unhandled now rejects the promise (or is ignored, if it already settled).
 * Plan first (is the executor's shape one the rewrite keeps?), then apply.
 */
import { AST_NODE_TYPES, AST_TOKEN_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';

import { type FunctionNode, walkAst } from '../ast.js';
import { isReassigned, type SourceCode } from '../scope.js';

type Fixer = TSESLint.RuleFixer;
type Fix = TSESLint.RuleFix;

/** Names tried for an added `reject` parameter, the first one the executor does not mention. */
const REJECT_NAMES = ['reject', 'rejectPromise', 'fail'];

/** The rewrite of the async executor `executor`, or undefined where its shape has none that keeps behaviour. */
export function planAsyncExecutorFix(
  sourceCode: SourceCode,
  executor: FunctionNode,
): ((fixer: Fixer) => Fix[]) | undefined {
  if (!executor.async || executor.generator || executor.returnType || executor.typeParameters) return undefined;
  const params = executor.params;
  // Without a `resolve` the promise never fulfils: nothing to keep.
  if (params.length === 0 || params.length > 2) return undefined;
  if (params.some((param) => param.type !== AST_NODE_TYPES.Identifier)) return undefined;
  const reject = params.length === 2 ? rejectParameter(sourceCode, executor) : unusedName(sourceCode, executor);
  if (reject === undefined) return undefined;
  const asyncToken = sourceCode.getFirstToken(executor)!;
  const afterAsync = sourceCode.getTokenAfter(asyncToken, { includeComments: true })!;
  return (fixer) => {
    const fixes = [fixer.removeRange([asyncToken.range[0], afterAsync.range[0]])];
    if (params.length === 1) {
      const param = params[0]!;
      const parenthesized = sourceCode.getTokenBefore(param)?.value === '(';
      fixes.push(
        parenthesized
          ? fixer.insertTextAfter(param, `, ${reject}`)
          : fixer.replaceText(param, `(${sourceCode.getText(param)}, ${reject})`),
      );
    }
    fixes.push(fixer.replaceTextRange(bodyRange(sourceCode, executor), wrappedBody(sourceCode, executor, reject)));
    return fixes;
  };
}

/** The executor's second parameter, unless the body assigns it (then `.catch(reject)` might call something else). */
function rejectParameter(sourceCode: SourceCode, executor: FunctionNode): string | undefined {
  const param = executor.params[1] as TSESTree.Identifier;
  const variable = sourceCode.getDeclaredVariables(executor).find((candidate) => candidate.name === param.name);
  return variable && !isReassigned(variable) ? param.name : undefined;
}

/** A parameter name no identifier in the executor uses, so adding it shadows nothing the body reads. */
function unusedName(sourceCode: SourceCode, executor: FunctionNode): string | undefined {
  const used = new Set<string>();
  walkAst(executor, sourceCode.visitorKeys, (node) => {
    if (node.type === AST_NODE_TYPES.Identifier) used.add(node.name);
  });
  return REJECT_NAMES.find((name) => !used.has(name));
}

/** The body, with the parentheses around an arrow's expression body. */
function bodyRange(sourceCode: SourceCode, executor: FunctionNode): [number, number] {
  if (executor.body.type === AST_NODE_TYPES.BlockStatement) return executor.body.range;
  const arrow = sourceCode.getTokenBefore(executor.body, (token) => token.value === '=>')!;
  const first = sourceCode.getTokenAfter(arrow)!;
  return [first.range[0], executor.range[1]];
}

function wrappedBody(sourceCode: SourceCode, executor: FunctionNode, reject: string): string {
  const range = bodyRange(sourceCode, executor);
  const text = sourceCode.text.slice(range[0], range[1]);
  if (executor.body.type !== AST_NODE_TYPES.BlockStatement) return `(async () => ${text})().catch(${reject})`;
  const { start, end } = executor.body.loc;
  if (start.line === end.line) return `{ (async () => ${text})().catch(${reject}); }`;
  const indent = lineIndent(sourceCode, end.line);
  const unit = indentUnit(sourceCode, executor.body, indent);
  const inner = reindent(sourceCode, executor.body, unit);
  return `{\n${indent}${unit}(async () => ${inner})().catch(${reject});\n${indent}}`;
}

function lineIndent(sourceCode: SourceCode, line: number): string {
  return /^\s*/u.exec(sourceCode.lines[line - 1]!)![0];
}

/** One level of the file's indentation: the body's first statement against its closing brace, or two spaces. */
function indentUnit(sourceCode: SourceCode, body: TSESTree.BlockStatement, indent: string): string {
  const first = body.body[0];
  if (first && first.loc.start.line !== body.loc.start.line) {
    const inner = lineIndent(sourceCode, first.loc.start.line);
    if (inner.startsWith(indent) && inner.length > indent.length) return inner.slice(indent.length);
  }
  return '  ';
}

/** The block's text with `unit` added to each line after the first, except lines inside a multi-line template or string. */
function reindent(sourceCode: SourceCode, body: TSESTree.BlockStatement, unit: string): string {
  const keep = new Set<number>();
  for (const token of sourceCode.getTokens(body)) {
    if (token.loc.start.line === token.loc.end.line) continue;
    if (token.type !== AST_TOKEN_TYPES.Template && token.type !== AST_TOKEN_TYPES.String) continue;
    for (let line = token.loc.start.line + 1; line <= token.loc.end.line; line += 1) keep.add(line);
  }
  const lines = sourceCode.getText(body).split('\n');
  return lines
    .map((line, index) => {
      const number = body.loc.start.line + index;
      return index === 0 || line.trim() === '' || keep.has(number) ? line : `${unit}${line}`;
    })
    .join('\n');
}
