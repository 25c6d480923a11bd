/**
 * Where the result of a factory call ends up being used: `const readSync = deasync(readFile)`
 * then `readSync(p)`, `createSyncFn(worker)(input)`, `new Future().wait()`. The value is followed
 * through `const` bindings (and never-reassigned `let`/`var`), a lazily initialised variable's only
 * assignment, destructuring of members, and `fn.call(…)` / `fn.apply(…)`; it is not followed into
 * other files or object fields. `findValueHolders` is also how `instance-calls.ts` follows an object,
 * there through `this.<field>` of the class that stores it too.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import {
  getStaticPropertyName,
  getThisClass,
  getValueParent,
  isCallee,
  isFunctionNode,
  keyName,
  walkAst,
} from '../ast.js';
import { type AnyContext, findVariableAt } from '../scope.js';
import { type ApiRow, type ModuleReference, trackModuleReferences } from './modules.js';

/**
 * One step from a value to a use of it: `'call'` is `value(…)` (the next value is the call's result),
 * `{ member }` reads a property (`value.wait`, `const { wait } = value`); `member: undefined` means any
 * property.
 */
export type ResultStep = 'call' | { readonly member: readonly string[] | undefined };

/** A catalogue row whose result is used through `results` (each a path of steps from the factory's result). */
export interface FactoryRow extends ApiRow {
  readonly results?: readonly (readonly ResultStep[])[];
}

export interface FactoryResultUse<Row extends FactoryRow> {
  /** The node at the end of a result path: for a path ending in `'call'`, the CallExpression. */
  readonly node: TSESTree.Node;
  /** The factory call (or `new`) whose result is used. */
  readonly factory: ModuleReference<Row>;
  /** The result path (one of the row's `results`) that led from the factory to `node`. */
  readonly steps: readonly ResultStep[];
}

interface ScopeVariable {
  identifiers: TSESTree.Identifier[];
  defs: { type: string; node: TSESTree.Node }[];
  references: { identifier: TSESTree.Identifier; init?: boolean; isWrite(): boolean; isRead(): boolean }[];
}

export interface ValueHolderOptions {
  /** Follow a lazily initialised variable's only assignment (`let f; … f = node`). Default true. */
  readonly lazyAssignments?: boolean;
  /** Follow `this.x = node` (or a field `x = node`) to the reads of `this.x` in the class's instance members. Default false. */
  readonly thisFields?: boolean;
}

/**
 * The expressions that hold the same value as `node`: `node` itself, then every read of a binding
 * whose only write is its initialiser `node` (`const x = node`), transitively, in depth-first order.
 */
export function findValueHolders(
  context: AnyContext,
  node: TSESTree.Node,
  options: ValueHolderOptions = {},
): TSESTree.Node[] {
  const { lazyAssignments = true, thisFields = false } = options;
  const holders: TSESTree.Node[] = [];
  const seen = new Set<TSESTree.Node>();
  const visit = (holder: TSESTree.Node): void => {
    if (seen.has(holder)) return;
    seen.add(holder);
    holders.push(holder);
    const { parent, child } = getValueParent(holder);
    if (
      parent?.type === AST_NODE_TYPES.VariableDeclarator &&
      parent.init === child &&
      parent.id.type === AST_NODE_TYPES.Identifier
    ) {
      for (const read of readsOfSingleAssignment(context, parent.id)) visit(read);
    }
    if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.operator === '=' && parent.right === child) {
      // Lazy initialisation: `let format; … format = createSyncFn(worker);` with no other write.
      if (lazyAssignments && parent.left.type === AST_NODE_TYPES.Identifier) {
        for (const read of readsOfOnlyAssignment(context, parent.left)) visit(read);
      }
      const field = thisFields ? thisField(parent.left) : undefined;
      if (field !== undefined) for (const read of fieldReads(context, parent, field)) visit(read);
      // `this.worker = worker = new Worker(file)`: the inner assignment's value is the same object.
      if (parent.parent.type === AST_NODE_TYPES.AssignmentExpression) visit(parent);
    }
    if (
      thisFields &&
      parent?.type === AST_NODE_TYPES.PropertyDefinition &&
      parent.value === child &&
      !parent.static &&
      !parent.computed
    ) {
      const name = keyName(parent.key);
      if (name !== undefined) for (const read of fieldReads(context, parent, name)) visit(read);
    }
  };
  visit(node);
  return holders;
}

/** `this.name` (or `this.#name`) as an assignment target. */
function thisField(node: TSESTree.Node): string | undefined {
  if (node.type !== AST_NODE_TYPES.MemberExpression || node.object.type !== AST_NODE_TYPES.ThisExpression)
    return undefined;
  return fieldName(node);
}

/** The field a member expression names: `#name` for a private one. */
function fieldName(node: TSESTree.MemberExpression): string | undefined {
  return node.property.type === AST_NODE_TYPES.PrivateIdentifier ? keyName(node.property) : getStaticPropertyName(node);
}

/**
 * Reads of `this.<name>` in the instance members of the class around `from`, when the field is
 * written only there (by `from` itself): a second assignment could store anything.
 */
function fieldReads(context: AnyContext, from: TSESTree.Node, name: string): TSESTree.MemberExpression[] {
  const classBody = (from.type === AST_NODE_TYPES.PropertyDefinition ? from.parent.parent : getThisClass(from))?.body;
  if (!classBody) return [];
  const reads: TSESTree.MemberExpression[] = [];
  let writes = 0;
  for (const member of classBody.body) {
    if (isStaticMember(member)) continue;
    walkAst(member, context.sourceCode.visitorKeys, (node) => {
      // A nested class, or a non-arrow function other than this member's own, has a `this` of its own.
      if (node.type === AST_NODE_TYPES.ClassBody) return false;
      if (isFunctionNode(node) && node.type !== AST_NODE_TYPES.ArrowFunctionExpression && node.parent !== member)
        return false;
      if (
        node.type === AST_NODE_TYPES.MemberExpression &&
        node.object.type === AST_NODE_TYPES.ThisExpression &&
        fieldName(node) === name
      ) {
        const { parent, child } = getValueParent(node);
        if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === child) writes += 1;
        else reads.push(node);
      }
      return true;
    });
  }
  const fieldInitialiser = from.type === AST_NODE_TYPES.PropertyDefinition ? 1 : 0;
  return writes + fieldInitialiser === 1 ? reads : [];
}

function isStaticMember(node: TSESTree.Node): boolean {
  return (
    ((node.type === AST_NODE_TYPES.MethodDefinition || node.type === AST_NODE_TYPES.PropertyDefinition) &&
      node.static) ||
    node.type === AST_NODE_TYPES.StaticBlock
  );
}

/** Reads of the binding declared by `id`, if it is assigned only by its declaration. */
function readsOfSingleAssignment(context: AnyContext, id: TSESTree.Identifier): TSESTree.Identifier[] {
  const declarator = findDeclarator(id);
  if (!declarator) return [];
  const variable = (context.sourceCode.getDeclaredVariables(declarator) as unknown as ScopeVariable[]).find(
    (candidate) => candidate.identifiers.includes(id),
  );
  if (!variable || variable.defs.length !== 1) return [];
  if (variable.references.some((reference) => reference.isWrite() && !reference.init)) return [];
  return variable.references.filter((reference) => reference.isRead()).map((reference) => reference.identifier);
}

/** Reads of the variable `target` assigns, if that assignment is its only write (its declaration has no initialiser). */
function readsOfOnlyAssignment(context: AnyContext, target: TSESTree.Identifier): TSESTree.Identifier[] {
  const variable = findVariableAt(context.sourceCode, target, target) as ScopeVariable | null;
  if (!variable || variable.defs.length !== 1 || variable.defs[0]!.type !== 'Variable') return [];
  const writes = variable.references.filter((reference) => reference.isWrite());
  if (writes.length !== 1 || writes[0]!.identifier !== target) return [];
  return variable.references.filter((reference) => reference.isRead()).map((reference) => reference.identifier);
}

function findDeclarator(id: TSESTree.Identifier): TSESTree.VariableDeclarator | undefined {
  for (let current: TSESTree.Node | undefined = id.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.VariableDeclarator) return current;
    if (current.type !== AST_NODE_TYPES.Property && current.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
  }
  return undefined;
}

/** The uses at the end of `steps`, starting from the value of `source`. */
export function findResultUses(
  context: AnyContext,
  source: TSESTree.Node,
  steps: readonly ResultStep[],
): TSESTree.Node[] {
  let current: TSESTree.Node[] = [source];
  for (const step of steps) {
    const next: TSESTree.Node[] = [];
    for (const value of current) {
      for (const holder of findValueHolders(context, value)) next.push(...applyStep(context, holder, step));
    }
    current = next;
  }
  return current;
}

function applyStep(context: AnyContext, holder: TSESTree.Node, step: ResultStep): TSESTree.Node[] {
  const { parent, child } = getValueParent(holder);
  if (!parent) return [];
  if (step === 'call') {
    if (isCallee(holder)) return [parent];
    // fn.call(thisArg, …) and fn.apply(thisArg, args) call the value too.
    if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === child) {
      const name = getStaticPropertyName(parent);
      if ((name === 'call' || name === 'apply') && isCallee(parent)) return [getValueParent(parent).parent!];
    }
    return [];
  }
  const wanted = (name: string | undefined): boolean =>
    name !== undefined && (step.member === undefined || step.member.includes(name));
  if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === child) {
    return wanted(getStaticPropertyName(parent)) ? [parent] : [];
  }
  if (
    parent.type === AST_NODE_TYPES.VariableDeclarator &&
    parent.init === child &&
    parent.id.type === AST_NODE_TYPES.ObjectPattern
  ) {
    const found: TSESTree.Node[] = [];
    for (const property of parent.id.properties) {
      if (property.type !== AST_NODE_TYPES.Property || property.value.type !== AST_NODE_TYPES.Identifier) continue;
      const key = property.computed
        ? property.key.type === AST_NODE_TYPES.Literal && typeof property.key.value === 'string'
          ? property.key.value
          : undefined
        : property.key.type === AST_NODE_TYPES.Identifier
          ? property.key.name
          : property.key.type === AST_NODE_TYPES.Literal
            ? String(property.key.value)
            : undefined;
      if (wanted(key)) found.push(...readsOfSingleAssignment(context, property.value));
    }
    return found;
  }
  return [];
}

const cache = new WeakMap<
  TSESTree.Program,
  WeakMap<readonly FactoryRow[], ReadonlyMap<TSESTree.Node, FactoryResultUse<FactoryRow>>>
>();

/**
 * For every factory call of `catalog` in the file (rows with `results`), the uses of its result,
 * keyed by the using node (a CallExpression for paths ending in `'call'`). Computed once per file
 * and catalogue.
 */
export function trackFactoryResults<Row extends FactoryRow>(
  context: AnyContext,
  catalog: readonly Row[],
): ReadonlyMap<TSESTree.Node, FactoryResultUse<Row>> {
  const program = context.sourceCode.ast;
  let perProgram = cache.get(program);
  if (!perProgram) {
    perProgram = new WeakMap();
    cache.set(program, perProgram);
  }
  const cached = perProgram.get(catalog);
  if (cached) return cached as ReadonlyMap<TSESTree.Node, FactoryResultUse<Row>>;
  const uses = new Map<TSESTree.Node, FactoryResultUse<Row>>();
  for (const factory of trackModuleReferences(context, catalog).values()) {
    for (const steps of factory.row.results ?? []) {
      for (const node of findResultUses(context, factory.node, steps)) {
        if (!uses.has(node)) uses.set(node, { node, factory, steps });
      }
    }
  }
  perProgram.set(catalog, uses);
  return uses;
}
