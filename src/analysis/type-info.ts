import type { ParserServicesWithTypeInformation, TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';

import { type AnyContext } from './scope.js';

/** The type checker and node maps when the file is linted with typed parser services, per file. */
export interface TypeInfo {
  readonly checker: ts.TypeChecker;
  readonly services: ParserServicesWithTypeInformation;
  typeOf(node: TSESTree.Node): ts.Type;
  /**
   * Does the compiler report type errors in this file (a TypeScript file, or JavaScript under
   * `checkJs`)? Then a misuse that is a type error (`promise.name`, `promise * 2`) is already an
   * error in the editor and in `tsc`, and a rule need not spend a type-checker call on it.
   */
  readonly compilerChecksFile: boolean;
}

const TYPESCRIPT_FILE = /\.[cm]?tsx?$/iu;
const DECLARATION_FILE = /\.d\.[cm]?ts$/iu;

/**
 * `checker.getTypeAtLocation`, or `any` (which every analysis reads as "unknown") where the checker
 * itself recurses without bound: some self-referential generics overflow the stack inside TypeScript
 * (microsoft/TypeScript#63441, typescript-eslint#11947 catches it the same way).
 */
export function typeAtLocation(checker: ts.TypeChecker, tsNode: ts.Node): ts.Type {
  try {
    return checker.getTypeAtLocation(tsNode);
  } catch (error) {
    if (error instanceof RangeError) return checker.getAnyType();
    throw error;
  }
}

/** A TypeScript source file (not a declaration file): the compiler checks it whether or not the linter has types. */
export function isTypeScriptFile(filename: string): boolean {
  return TYPESCRIPT_FILE.test(filename) && !DECLARATION_FILE.test(filename);
}

const cache = new WeakMap<TSESTree.Program, TypeInfo | null>();

/**
 * Type information if the parser provides a program (typescript-eslint with `project` or
 * `projectService`), otherwise `undefined`: every analysis must also answer without it.
 */
export function getTypeInfo(context: AnyContext): TypeInfo | undefined {
  const program = context.sourceCode.ast;
  const cached = cache.get(program);
  if (cached !== undefined) return cached ?? undefined;
  const services = context.sourceCode.parserServices as Partial<ParserServicesWithTypeInformation> | undefined;
  let info: TypeInfo | null = null;
  if (services?.program && services.esTreeNodeToTSNodeMap) {
    const typed = services as ParserServicesWithTypeInformation;
    const checker = typed.program.getTypeChecker();
    info = {
      checker,
      services: typed,
      typeOf: (node) => typeAtLocation(checker, typed.esTreeNodeToTSNodeMap.get(node)),
      compilerChecksFile: isTypeScriptFile(context.filename) || typed.program.getCompilerOptions().checkJs === true,
    };
  }
  cache.set(program, info);
  return info ?? undefined;
}
