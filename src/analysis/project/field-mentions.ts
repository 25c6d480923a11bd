/**
 * "Does any file of the project touch this field in a way that could reject the deferred it holds?" A
 * field other classes can name (a public one, or a protected one in subclasses) is judged by every
 * mention of its name in the project outside its class: each must be a member use of the deferred other
 * than its rejecting ones (`target.ready.valueOrThrow()`, `target.ready.resolve(x)`) or a test. The
 * project is the source files of the linted file's package (node_modules and dot folders left out), and
 * with type information the program's source files too. Code outside the project (a package that
 * depends on this one) is out of view, as it is for the checker. A text search for the name comes first;
 * only files that contain it are parsed. Answers are kept per program, or per package while fresh.
 */
import fs from 'node:fs';
import path from 'node:path';

import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type * as ts from 'typescript';

import { mentionsOnlyUseSafely } from '../promises/deferred-field.js';
import { type AnyContext } from '../scope.js';
import { getTypeInfo } from '../type-info.js';
import { createFreshness } from './freshness.js';
import { packageRootOf } from './package-manifest.js';
import { parseProjectFile } from './parse.js';
import { isSourceFile } from './resolve.js';
import { TREE_VISITOR_KEYS } from './summaries.js';

export interface FieldOfClass {
  readonly name: string;
  /** The deferred's members that can make it reject. */
  readonly rejecting: ReadonlySet<string>;
  /** The file that declares the class (its class body is judged apart), and the class's name there. */
  readonly file: string;
  readonly className: string;
}

/** A package with more source files than this is not searched: the answer is no. */
const MAX_FILES = 20_000;

const lintedAnswers = new WeakMap<TSESTree.Program, Map<string, boolean>>();
const byProgram = new WeakMap<ts.Program, Map<string, boolean>>();
const byPackage = new Map<string, Map<string, boolean>>();
const packageFreshness = createFreshness();

/** True when no file of the project, outside the field's class, does anything with the field but use its deferred safely. */
export function fieldMentionsAreSafe(context: AnyContext, field: FieldOfClass): boolean {
  const classFile = realPath(field.file);
  const lintedFile = realPath(context.physicalFilename || context.filename);
  const key = [field.name, classFile, field.className, lintedFile, ...[...field.rejecting].sort()].join('\0');
  // The linted file as ESLint has it (an editor's buffer may not be saved yet), whether or not it is on disk.
  let inLinted = lintedAnswers.get(context.sourceCode.ast);
  if (!inLinted) lintedAnswers.set(context.sourceCode.ast, (inLinted = new Map<string, boolean>()));
  let answer = inLinted.get(key);
  if (answer === undefined) {
    answer = mentionsOnlyUseSafely(context.sourceCode, context.sourceCode.ast, field.name, field.rejecting, (node) =>
      classFile === lintedFile ? isTheClass(node, field.className) : false,
    );
    inLinted.set(key, answer);
  }
  return answer && otherFilesAreSafe(context, field, key, classFile, lintedFile);
}

/** The same question for every other file of the project, kept per program (typed) or per package while fresh. */
function otherFilesAreSafe(
  context: AnyContext,
  field: FieldOfClass,
  key: string,
  classFile: string,
  lintedFile: string,
): boolean {
  const info = getTypeInfo(context);
  const root = packageRootOf(context.physicalFilename || context.filename);
  let answers: Map<string, boolean> | undefined;
  let files: () => Iterable<{ file: string; text: string }> | undefined;
  if (info) {
    const program = info.services.program;
    answers = byProgram.get(program);
    if (!answers) byProgram.set(program, (answers = new Map<string, boolean>()));
    // The package's files the program leaves out (tests, scripts outside the tsconfig) count too.
    files = () => {
      const rest = root === undefined ? [] : packageFiles(root);
      return rest && [programFiles(program), rest].flatMap((part) => [...part]);
    };
  } else {
    if (!root) return false;
    if (packageFreshness.expired()) byPackage.clear();
    answers = byPackage.get(root);
    if (!answers) byPackage.set(root, (answers = new Map<string, boolean>()));
    files = () => packageFiles(root);
  }
  let answer = answers.get(key);
  if (answer === undefined) {
    answer = searchFiles(field, files(), classFile, lintedFile);
    answers.set(key, answer);
  }
  return answer;
}

function searchFiles(
  field: FieldOfClass,
  files: Iterable<{ file: string; text: string }> | undefined,
  classFile: string,
  lintedFile: string,
): boolean {
  if (!files) return false;
  const mention = new RegExp(`(?<![\\w$])${field.name.replaceAll('$', '\\$')}(?![\\w$])`, 'u');
  let sawClass = classFile === lintedFile;
  const seen = new Set([lintedFile]);
  for (const { file, text } of files) {
    const real = realPath(file);
    if (seen.has(real)) continue;
    seen.add(real);
    if (real === classFile) sawClass = true;
    if (!mention.test(text)) continue;
    const tree = parseProjectFile(real, text);
    const skip = real === classFile ? (node: TSESTree.Node) => isTheClass(node, field.className) : undefined;
    if (!tree || !mentionsOnlyUseSafely({ visitorKeys: TREE_VISITOR_KEYS }, tree, field.name, field.rejecting, skip))
      return false;
  }
  // The class's own file must be among them: otherwise this is not the project that holds it.
  return sawClass;
}

/** The class declaration named `name` (exported or not). */
function isTheClass(node: TSESTree.Node, name: string): boolean {
  return (
    (node.type === AST_NODE_TYPES.ClassDeclaration || node.type === AST_NODE_TYPES.ClassExpression) &&
    node.id?.name === name
  );
}

function* programFiles(program: ts.Program): Iterable<{ file: string; text: string }> {
  for (const sourceFile of program.getSourceFiles()) {
    if (sourceFile.isDeclarationFile || program.isSourceFileFromExternalLibrary(sourceFile)) continue;
    yield { file: sourceFile.fileName, text: sourceFile.text };
  }
}

/** The package's source files, read as they are asked for; undefined when there are too many to search. */
function packageFiles(root: string): Iterable<{ file: string; text: string }> | undefined {
  const found: string[] = [];
  const pending = [root];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) pending.push(full);
      else if (entry.isFile() && isSourceFile(full)) found.push(full);
    }
    if (found.length > MAX_FILES) return undefined;
  }
  return readEach(found);
}

function* readEach(files: readonly string[]): Iterable<{ file: string; text: string }> {
  for (const file of files) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    yield { file, text };
  }
}

function realPath(file: string): string {
  try {
    return fs.realpathSync.native(file);
  } catch {
    return file;
  }
}
