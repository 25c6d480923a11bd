/**
 * "Which function body does this call run?" with type information, for calls the syntactic resolution
 * (this file) and the export summaries (other files) could not follow: the declaration of the signature
 * the checker resolves the call to, when it is a function with a body in a source file of the program
 * (not a declaration file, not a third-party package). In the linted file that is its own ESTree node; in
 * another file, the summary the project layer makes of any function of that file, read from the checker's
 * own text of the file (what the program was built from, so never out of step with the types). Only asked
 * once a cheap syntactic check made the call a candidate; answers are cached per declaration and per file.
 */
import type { TSESTree } from '@typescript-eslint/types';
import type * as ts from 'typescript';

import { type FunctionNode, isFunctionNode } from '../ast.js';
import { type AnyContext } from '../scope.js';
import { getTypeInfo, isTypeScriptFile, type TypeInfo } from '../type-info.js';
import { parseProjectFile } from './parse.js';
import { type FunctionSummary, summarizeFunctionsByBody } from './summaries.js';

export type DeclaredFunction =
  | { readonly kind: 'local'; readonly fn: FunctionNode }
  | {
      readonly kind: 'other-file';
      readonly summary: FunctionSummary;
      /** The file that declares it, as the program names it. */
      readonly file: string;
      /** Declared in a JavaScript file, where its types come from JSDoc or inference. */
      readonly inJavaScript: boolean;
    };

/** Function summaries of a source file of the program, by body offset; null when it does not parse. */
const summariesByFile = new WeakMap<ts.SourceFile, ReadonlyMap<number, FunctionSummary> | null>();
const byDeclaration = new WeakMap<ts.Node, DeclaredFunction | null>();

/**
 * The function `call` runs according to the checker, when its declaration has a body in a source file;
 * with `javaScriptOnly`, only one declared in a JavaScript file (no other file is read).
 */
export function resolveDeclaredFunction(
  context: AnyContext,
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  { javaScriptOnly = false } = {},
): DeclaredFunction | undefined {
  const info = getTypeInfo(context);
  if (!info) return undefined;
  const tsCall = info.services.esTreeNodeToTSNodeMap.get(call) as ts.CallExpression | ts.NewExpression;
  const declaration = info.checker.getResolvedSignature(tsCall)?.getDeclaration() as ts.Node | undefined;
  if (!declaration) return undefined;
  if (javaScriptOnly && isTypeScriptFile(declaration.getSourceFile().fileName)) return undefined;
  let answer = byDeclaration.get(declaration);
  if (answer === undefined) {
    answer = declaredFunction(info, tsCall.getSourceFile(), declaration) ?? null;
    byDeclaration.set(declaration, answer);
  }
  return answer ?? undefined;
}

function declaredFunction(
  info: TypeInfo,
  lintedFile: ts.SourceFile,
  declaration: ts.Node,
): DeclaredFunction | undefined {
  const body = (declaration as { body?: ts.Node }).body;
  // An overload, an abstract or interface method, a JSDoc `@type {function}`: a signature without a body.
  if (!body) return undefined;
  const sourceFile = declaration.getSourceFile();
  if (sourceFile.isDeclarationFile || info.services.program.isSourceFileFromExternalLibrary(sourceFile))
    return undefined;
  if (sourceFile === lintedFile) {
    const estreeBody = info.services.tsNodeToESTreeNodeMap.get(body) as TSESTree.Node | undefined;
    const fn = estreeBody?.parent;
    return fn && isFunctionNode(fn) && fn.body === estreeBody ? { kind: 'local', fn } : undefined;
  }
  const summary = summariesOf(sourceFile)?.get(body.getStart(sourceFile));
  return summary
    ? {
        kind: 'other-file',
        summary,
        file: sourceFile.fileName,
        inJavaScript: !isTypeScriptFile(sourceFile.fileName),
      }
    : undefined;
}

function summariesOf(sourceFile: ts.SourceFile): ReadonlyMap<number, FunctionSummary> | undefined {
  let summaries = summariesByFile.get(sourceFile);
  if (summaries === undefined) {
    const program = parseProjectFile(sourceFile.fileName, sourceFile.text);
    summaries = program ? summarizeFunctionsByBody(program, sourceFile.text) : null;
    summariesByFile.set(sourceFile, summaries);
  }
  return summaries ?? undefined;
}
