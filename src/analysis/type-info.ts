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
  /**
   * Does the program check null and undefined (`strictNullChecks`, or `strict`)? Then the compiler also
   * rejects a call's promise tested in an `if` or `?:` ("This condition will always return true since
   * this 'Promise<…>' is always defined", TS2801). Unset options count as off, TypeScript 5's default.
   */
  readonly strictNullChecks: boolean;
}

const TYPESCRIPT_FILE = /\.[cm]?tsx?$/iu;
const DECLARATION_FILE = /\.d\.[cm]?ts$/iu;

/**
 * `checker.getTypeAtLocation`, or `any` (which every analysis reads as "unknown") where the checker
 * itself recurses without bound: some self-referential generics overflow the stack inside TypeScript
 * (microsoft/TypeScript#63441, typescript-eslint#11947 catches it the same way).
 */
export function typeAtLocation(checker: ts.TypeChecker, tsNode: ts.Node): ts.Type {
  let types = typeCache.get(checker);
  if (!types) {
    types = new WeakMap();
    typeCache.set(checker, types);
  }
  let type = types.get(tsNode);
  if (!type) {
    type = uncachedTypeAtLocation(checker, tsNode);
    types.set(tsNode, type);
  }
  return type;
}

/**
 * The type of each node asked for, per checker (a new program brings a new checker, and may reuse the
 * nodes of files that did not change): several analyses ask about the same node (is it a promise, an
 * array of promises, may it be nullish, has it this member?), and the checker itself does not keep the
 * type of an expression, so it would check the expression again for each.
 */
const typeCache = new WeakMap<ts.TypeChecker, WeakMap<ts.Node, ts.Type>>();

function uncachedTypeAtLocation(checker: ts.TypeChecker, tsNode: ts.Node): ts.Type {
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

/**
 * Does the compiler report type errors in the linted file? With types, as the program is set up
 * (`checkJs` included); without, whenever it is a TypeScript file: the editor and `tsc` check it
 * whether or not ESLint was given types, so a misuse that is a type error is reported there already.
 */
export function compilerChecksFile(context: AnyContext): boolean {
  return getTypeInfo(context)?.compilerChecksFile ?? checksByPragma(context, isTypeScriptFile(context.filename));
}

/**
 * A `// @ts-nocheck` comment before the first statement turns the compiler's checks off for the file (a
 * TypeScript file too); `// @ts-check` turns them on for a JavaScript file whatever `checkJs` says.
 */
function checksByPragma(context: AnyContext, byDefault: boolean): boolean {
  const pragma = pragmaOf(context.sourceCode.ast);
  if (pragma === 'nocheck') return false;
  return pragma === 'check' && !isTypeScriptFile(context.filename) ? true : byDefault;
}

const pragmaCache = new WeakMap<TSESTree.Program, 'check' | 'nocheck' | undefined>();

/** The `@ts-nocheck` or `@ts-check` pragma among the comments before the first statement, read once per file. */
function pragmaOf(program: TSESTree.Program): 'check' | 'nocheck' | undefined {
  if (pragmaCache.has(program)) return pragmaCache.get(program);
  const start = program.body[0]?.range[0] ?? Number.POSITIVE_INFINITY;
  let pragma: 'check' | 'nocheck' | undefined;
  for (const comment of program.comments ?? []) {
    if (comment.range[0] >= start) break;
    if (/^\s*@ts-nocheck\b/u.test(comment.value)) {
      pragma = 'nocheck';
      break;
    }
    if (/^\s*@ts-check\b/u.test(comment.value)) pragma = 'check';
  }
  pragmaCache.set(program, pragma);
  return pragma;
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
    const options = typed.program.getCompilerOptions();
    info = {
      checker,
      services: typed,
      typeOf: (node) => typeAtLocation(checker, typed.esTreeNodeToTSNodeMap.get(node)),
      compilerChecksFile: checksByPragma(context, isTypeScriptFile(context.filename) || options.checkJs === true),
      strictNullChecks: (options.strictNullChecks ?? options.strict) === true,
    };
  }
  cache.set(program, info);
  return info ?? undefined;
}

/** The ts.TypeFlags bits the analysis tests. */
export interface TypeFlagValues {
  readonly Any: number;
  readonly Unknown: number;
  readonly Undefined: number;
  readonly Null: number;
  readonly Void: number;
}

const typeFlagsCache = new WeakMap<ts.TypeChecker, TypeFlagValues>();

/**
 * ts.TypeFlags values read from the checker's own intrinsic types: TypeScript 6 renumbered them
 * (Undefined 32768 → 4), and `typescript` itself is never loaded here.
 */
export function getTypeFlags(checker: ts.TypeChecker): TypeFlagValues {
  let flags = typeFlagsCache.get(checker);
  if (!flags) {
    // `getUnknownType` is public only since TypeScript 5.8; `unknown` is bit 2 in every version.
    const getUnknownType = (checker as { getUnknownType?: () => ts.Type }).getUnknownType;
    flags = {
      Any: checker.getAnyType().flags,
      Unknown: getUnknownType ? getUnknownType.call(checker).flags : 2,
      Undefined: checker.getUndefinedType().flags,
      Null: checker.getNullType().flags,
      Void: checker.getVoidType().flags,
    };
    typeFlagsCache.set(checker, flags);
  }
  return flags;
}

/** The members of a union type, or the type itself. */
export function unionParts(type: ts.Type): readonly ts.Type[] {
  return type.isUnion() ? type.types : [type];
}

/** Has `type` (or a member of its union/intersection) a callable `then`? */
export function isThenableType(checker: ts.TypeChecker, tsNode: ts.Node, type: ts.Type): boolean {
  for (const part of unionParts(type)) {
    const members = part.isIntersection() ? part.types : [part];
    for (const member of members) {
      const then = member.getProperty('then');
      if (!then) continue;
      const thenType = checker.getTypeOfSymbolAtLocation(then, tsNode);
      if (unionParts(thenType).some((t) => t.getCallSignatures().length > 0)) return true;
    }
  }
  return false;
}

/** Is `type` `any` or `unknown`, a type that says nothing about the value? */
export function isAnyOrUnknownType(checker: ts.TypeChecker, type: ts.Type): boolean {
  const flags = getTypeFlags(checker);
  return (type.flags & (flags.Any | flags.Unknown)) !== 0;
}
