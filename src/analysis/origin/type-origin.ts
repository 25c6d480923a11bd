/**
 * Which package declares the type of a value: `this.db` typed `Database` from `better-sqlite3`, a
 * statement typed `StatementSync` from `node:sqlite`. Lets a rule recognise objects of a library that
 * were made in another file or handed in as a parameter, which origin tracking cannot follow.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';

import { getTypeFlags, type TypeInfo } from '../type-info.js';
import { moduleAliases } from './modules.js';

const PACKAGE_FOLDER = /\/node_modules\/((?:@types\/)?(?:@[^/]+\/)?[^/]+)\//u;

const programModules = new WeakMap<ts.Program, ReadonlySet<string>>();

/**
 * Does the program declare `module` at all (an ambient `declare module`, or a file of its package)?
 * A cheap test before asking about every call: without the declarations no value can have its types.
 */
export function programDeclaresModule(typeInfo: TypeInfo, module: string): boolean {
  const program = typeInfo.services.program;
  let names = programModules.get(program);
  if (!names) {
    const found = new Set<string>();
    for (const symbol of typeInfo.checker.getAmbientModules()) found.add(symbol.getName().replace(/^["']|["']$/gu, ''));
    for (const file of program.getSourceFiles()) {
      const match = PACKAGE_FOLDER.exec(file.fileName.replace(/\\/gu, '/'));
      if (match) found.add(match[1]!.replace(/^@types\//u, ''));
    }
    names = found;
    programModules.set(program, names);
  }
  return moduleAliases(module).some((alias) => names.has(alias));
}

/** The module a declaration belongs to: an ambient `declare module 'm'` around it, or its package folder. */
function declaringModules(declaration: ts.Declaration): string[] {
  const found: string[] = [];
  for (let current: ts.Node | undefined = declaration.parent; current; current = current.parent) {
    const name = (current as { name?: ts.Node }).name;
    // Only an ambient module declaration has a string literal as its name on the way up from a type.
    const text = name && 'text' in name && /^['"]/u.test(name.getText()) ? (name as ts.StringLiteral).text : undefined;
    if (text !== undefined) found.push(text);
  }
  const fileName = declaration.getSourceFile().fileName.replace(/\\/gu, '/');
  const packageMatch = PACKAGE_FOLDER.exec(fileName);
  if (packageMatch) found.push(packageMatch[1]!.replace(/^@types\//u, ''));
  return found;
}

/**
 * Is the type of `node` declared by one of `modules` (built-ins match with and without `node:`), and
 * named `typeName` when one is given (`Worker` of `worker_threads`)? For a union, every part that is not
 * `null`, `undefined` or `any` must be. False when the type is unknown.
 */
export function isTypeDeclaredBy(
  typeInfo: TypeInfo,
  node: TSESTree.Node,
  modules: readonly string[],
  typeName?: string,
): boolean {
  const wanted = new Set(modules.flatMap((module) => moduleAliases(module)));
  const flags = getTypeFlags(typeInfo.checker);
  const nullishOrAny = flags.Any | flags.Unknown | flags.Undefined | flags.Null | flags.Void;
  const type = typeInfo.typeOf(node);
  const parts = (type.isUnion() ? type.types : [type]).filter((part) => (part.flags & nullishOrAny) === 0);
  if (parts.length === 0) return false;
  return parts.every((part) => {
    const symbol = part.getSymbol() ?? part.aliasSymbol;
    if (typeName !== undefined && symbol?.getName() !== typeName) return false;
    const declarations = symbol?.getDeclarations() ?? [];
    return (
      declarations.length > 0 &&
      declarations.some((declaration) => declaringModules(declaration).some((module) => wanted.has(module)))
    );
  });
}
