/**
 * "Is this class a deferred, and what makes one of its instances reject?" A deferred class (puppeteer's
 * `Deferred`, hand-written `Deferred`/`Latch` classes) exposes `resolve` and `reject` methods; its
 * instances hand out a promise that settles through them. What can make an instance reject: calling
 * `reject`, or any instance method that reaches it (calls `this.reject`, or calls or writes a member that
 * `reject` calls or writes and `resolve` does not, such as a stored executor `reject` or an `#isRejected`
 * flag); and its constructor, when that reaches `reject` itself (a timeout). Pure syntax over one class,
 * so the same facts serve a class of the linted file and, through the export summaries, one of another file.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import {
  type ClassNode,
  type FunctionNode,
  getStaticPropertyName,
  isFunctionNode,
  keyName,
  skipChainExpression,
} from '../ast.js';
import type { SourceCode } from '../scope.js';

export interface DeferredClassFacts {
  /** Instance members whose use can make the instance reject (`reject` and what reaches it); `#x` for a private one. */
  readonly rejectingMembers: readonly string[];
  /** Static methods that only return `new ThisClass(…their parameters)`: `Deferred.create(opts)`. */
  readonly factories: readonly string[];
  /** Can building an instance make it reject: never, only when given an argument (a timeout option), or always. */
  readonly constructorRejects: 'never' | 'given-arguments' | 'always';
}

const cache = new WeakMap<ClassNode, DeferredClassFacts | null>();

/** The deferred facts of `classNode`, or undefined when it is not a deferred class (no own `resolve` and `reject`). */
export function deferredClassFacts(sourceCode: SourceCode, classNode: ClassNode): DeferredClassFacts | undefined {
  let facts = cache.get(classNode);
  if (facts === undefined) {
    facts = computeFacts(sourceCode, classNode) ?? null;
    cache.set(classNode, facts);
  }
  return facts ?? undefined;
}

/** `this.x` / `this.#x` → `x` / `#x`. */
function thisMemberName(node: TSESTree.Node): string | undefined {
  if (node.type !== AST_NODE_TYPES.MemberExpression || node.computed) return undefined;
  if (node.object.type !== AST_NODE_TYPES.ThisExpression) return undefined;
  return keyName(node.property);
}

interface MemberReference {
  readonly name: string;
  /** Called (`this.x()`) or written (`this.x = …`, `this.x++`). */
  readonly acts: boolean;
  /** The nodes above it (outermost first), for the constructor's guard check. */
  readonly ancestors: readonly TSESTree.Node[];
}

interface MemberUses {
  /** Members called or written. */
  readonly acted: ReadonlySet<string>;
  /** Every `this.x` met. */
  readonly references: readonly MemberReference[];
}

/**
 * The `this.x` members a piece of a class uses (nested functions included: a timer callback still runs).
 * With `storesAct` false, `this.x = name` (keeping an executor's `reject` for later) is not an act.
 * Trees of other files come without `parent` links, so the walk keeps its own ancestors.
 */
function memberUses(sourceCode: SourceCode, root: TSESTree.Node, storesAct = true): MemberUses {
  const acted = new Set<string>();
  const references: MemberReference[] = [];
  const ancestors: TSESTree.Node[] = [];
  const visit = (node: TSESTree.Node): void => {
    const name = thisMemberName(node);
    if (name !== undefined) {
      const parent = ancestors.at(-1);
      const acts =
        (parent?.type === AST_NODE_TYPES.CallExpression && skipChainExpression(parent.callee) === node) ||
        (parent?.type === AST_NODE_TYPES.AssignmentExpression &&
          parent.left === node &&
          (storesAct || parent.operator !== '=' || parent.right.type !== AST_NODE_TYPES.Identifier)) ||
        (parent?.type === AST_NODE_TYPES.UpdateExpression && parent.argument === node);
      if (acts) acted.add(name);
      references.push({ name, acts, ancestors: [...ancestors] });
    }
    ancestors.push(node);
    for (const key of sourceCode.visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child]) {
        if (item && typeof item === 'object' && 'type' in item) visit(item as TSESTree.Node);
      }
    }
    ancestors.pop();
  };
  visit(root);
  return { acted, references };
}

function computeFacts(sourceCode: SourceCode, classNode: ClassNode): DeferredClassFacts | undefined {
  // A subclass inherits what it cannot show (a `Promise` subclass, a base with its own timers).
  if (classNode.superClass) return undefined;
  const methods = new Map<string, FunctionNode>();
  const statics = new Map<string, FunctionNode>();
  let constructorFn: FunctionNode | undefined;
  const initializers: TSESTree.Node[] = [];
  for (const member of classNode.body.body) {
    if (member.type === AST_NODE_TYPES.StaticBlock) continue;
    if (member.type === AST_NODE_TYPES.MethodDefinition) {
      // An overload signature: its implementation follows.
      if (!isFunctionNode(member.value)) continue;
      if (member.kind === 'constructor') {
        constructorFn = member.value;
        continue;
      }
      const name = member.computed ? undefined : keyName(member.key);
      // A computed or accessor member could reach `reject` unseen: not a class this can read.
      if (name === undefined || member.kind !== 'method') return undefined;
      (member.static ? statics : methods).set(name, member.value);
      continue;
    }
    if (member.type === AST_NODE_TYPES.PropertyDefinition) {
      if (member.static) continue;
      const name = member.computed ? undefined : keyName(member.key);
      if (name === undefined) return undefined;
      if (isFunctionNode(member.value)) methods.set(name, member.value);
      else if (member.value) initializers.push(member.value);
      continue;
    }
    return undefined;
  }
  const resolve = methods.get('resolve');
  const reject = methods.get('reject');
  if (!resolve || !reject) return undefined;

  const resolveUses = memberUses(sourceCode, resolve.body);
  const rejecting = new Set<string>(['reject']);
  for (const name of memberUses(sourceCode, reject.body).acted) if (!resolveUses.acted.has(name)) rejecting.add(name);
  const usesByMethod = new Map([...methods].map(([name, fn]) => [name, memberUses(sourceCode, fn.body)] as const));
  for (let grown = true; grown;) {
    grown = false;
    for (const [name, uses] of usesByMethod) {
      if (rejecting.has(name) || name === 'resolve') continue;
      if (reachesRejecting(uses, rejecting)) {
        rejecting.add(name);
        grown = true;
      }
    }
  }

  let constructorRejects: DeferredClassFacts['constructorRejects'] = 'never';
  for (const root of initializers) {
    if (reachesRejecting(memberUses(sourceCode, root, false), rejecting)) constructorRejects = 'always';
  }
  if (constructorFn && constructorRejects === 'never') {
    const uses = memberUses(sourceCode, constructorFn.body, false);
    const rejectingUses = uses.references.filter((reference) => isRejectingUse(reference, rejecting));
    if (rejectingUses.length > 0) {
      constructorRejects = rejectingUses.every(({ ancestors }) => isGuardedByParameter(ancestors, constructorFn))
        ? 'given-arguments'
        : 'always';
    }
  }

  const className = classNode.id?.name;
  const factories = [...statics].filter(([, fn]) => isFactory(fn, className)).map(([name]) => name);
  return { rejectingMembers: [...rejecting], factories, constructorRejects };
}

/** Any reference to `this.reject` (called or handed on), or a call or write of another rejecting member. */
function isRejectingUse(reference: MemberReference, rejecting: ReadonlySet<string>): boolean {
  return reference.name === 'reject' || (rejecting.has(reference.name) && reference.acts);
}

function reachesRejecting(uses: MemberUses, rejecting: ReadonlySet<string>): boolean {
  return uses.references.some((reference) => isRejectingUse(reference, rejecting));
}

/**
 * `if (opts && opts.timeout > 0) { … this.reject(…) … }` in a constructor: the branch runs only when
 * the parameter `opts` was given, so an instance built without arguments never takes it.
 */
function isGuardedByParameter(ancestors: readonly TSESTree.Node[], constructorFn: FunctionNode): boolean {
  const parameters = new Set(
    constructorFn.params.flatMap((param) => (param.type === AST_NODE_TYPES.Identifier ? [param.name] : [])),
  );
  return ancestors.some((ancestor, index) => {
    if (ancestor.type !== AST_NODE_TYPES.IfStatement || ancestor.consequent !== ancestors[index + 1]) return false;
    let test: TSESTree.Node = ancestor.test;
    while (test.type === AST_NODE_TYPES.LogicalExpression && test.operator === '&&') test = test.left;
    return test.type === AST_NODE_TYPES.Identifier && parameters.has(test.name);
  });
}

/** `static create(opts) { return new Deferred(opts); }` (or `new this(opts)`): every argument handed on as is. */
function isFactory(fn: FunctionNode, className: string | undefined): boolean {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement || fn.body.body.length !== 1) return false;
  const statement = fn.body.body[0]!;
  if (statement.type !== AST_NODE_TYPES.ReturnStatement || statement.argument?.type !== AST_NODE_TYPES.NewExpression)
    return false;
  const created = statement.argument;
  const callee = created.callee;
  const isOwnClass =
    callee.type === AST_NODE_TYPES.ThisExpression ||
    (callee.type === AST_NODE_TYPES.Identifier && className !== undefined && callee.name === className);
  if (!isOwnClass) return false;
  return created.arguments.every(
    (argument, index) =>
      argument.type === AST_NODE_TYPES.Identifier &&
      fn.params[index]?.type === AST_NODE_TYPES.Identifier &&
      fn.params[index].name === argument.name,
  );
}

/**
 * The rejecting members of a deferred built by `new C(…)` (no `factory`) or `C.factory(…)` with
 * `argumentCount` arguments, when the building itself cannot make it reject (no timeout given).
 */
export function creationRejectingMembers(
  facts: DeferredClassFacts,
  factory: string | undefined,
  argumentCount: number,
): ReadonlySet<string> | undefined {
  if (factory !== undefined && !facts.factories.includes(factory)) return undefined;
  if (facts.constructorRejects === 'always') return undefined;
  if (facts.constructorRejects === 'given-arguments' && argumentCount > 0) return undefined;
  return new Set(facts.rejectingMembers);
}

/**
 * The class and factory a deferred is made with: `new Deferred()` (no factory) or `Deferred.create()`
 * (`create`); undefined for anything else.
 */
export function deferredCreationParts(
  node: TSESTree.Node,
): { classRef: TSESTree.Node; factory: string | undefined } | undefined {
  if (node.type === AST_NODE_TYPES.NewExpression) return { classRef: node.callee, factory: undefined };
  if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression)
    return undefined;
  const factory = getStaticPropertyName(node.callee);
  return factory === undefined ? undefined : { classRef: node.callee.object, factory };
}
