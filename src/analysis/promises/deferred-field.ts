/**
 * "What does code do with the deferred a field holds?" The uses of one instance field of a class (`obj.ready`,
 * `this.#ready`) sorted into what cannot make the deferred reject by itself (a member use: `ready.resolve()`,
 * `ready.valueOrThrow()`, whose member is then checked against the deferred's rejecting members; a test:
 * `if (ready)`, `!ready`, `ready === other`), the writes (`this.ready = Deferred.create()`), and anything else
 * (handed to other code, destructured, compound-assigned), which makes the field unknown. Pure syntax with
 * its own ancestor walk, so it reads the linted file and, through the export summaries, trees of other
 * files (which come without `parent` links) alike.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import { type ClassNode, keyName } from '../ast.js';
import type { SourceCode } from '../scope.js';

/** What walking a tree needs: its visitor keys. */
type Walker = Pick<SourceCode, 'visitorKeys'>;

/** How one access of the deferred is used: a member of it by name, a test, a write (`=`, `??=`, `||=`), or unknown. */
export type DeferredUse =
  | { readonly kind: 'member'; readonly name: string }
  | { readonly kind: 'test' }
  | { readonly kind: 'write'; readonly value: TSESTree.Node }
  | { readonly kind: 'unknown' };

/** The use `access` (the deferred, as read) makes of it, given its parent. */
export function deferredUseOf(access: TSESTree.Node, parent: TSESTree.Node | undefined): DeferredUse {
  if (!parent) return { kind: 'unknown' };
  switch (parent.type) {
    case AST_NODE_TYPES.AssignmentExpression:
      if (parent.left !== access) return { kind: 'unknown' };
      return parent.operator === '=' || parent.operator === '??=' || parent.operator === '||='
        ? { kind: 'write', value: parent.right }
        : { kind: 'unknown' };
    case AST_NODE_TYPES.MemberExpression: {
      const name = parent.object === access && !parent.computed ? keyName(parent.property) : undefined;
      return name === undefined ? { kind: 'unknown' } : { kind: 'member', name };
    }
    case AST_NODE_TYPES.UnaryExpression:
      return parent.operator === '!' || parent.operator === 'typeof' || parent.operator === 'void'
        ? { kind: 'test' }
        : { kind: 'unknown' };
    case AST_NODE_TYPES.BinaryExpression:
      return ['===', '!==', '==', '!='].includes(parent.operator) ? { kind: 'test' } : { kind: 'unknown' };
    case AST_NODE_TYPES.LogicalExpression:
      return parent.operator === '&&' && parent.left === access ? { kind: 'test' } : { kind: 'unknown' };
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.ConditionalExpression:
    case AST_NODE_TYPES.WhileStatement:
      return parent.test === access ? { kind: 'test' } : { kind: 'unknown' };
    default:
      return { kind: 'unknown' };
  }
}

/** Who can reach a field besides its class: nobody (`#x`, TS `private`), subclasses (`protected`), or anyone. */
export type FieldAccess = 'private' | 'protected' | 'public';

/** The field `name` (`#x` for a private one) of a class, as its class uses it. */
export interface ClassFieldUses {
  readonly access: FieldAccess;
  /** Every value written to it: the initialiser and each `obj.name = …`, in the class. */
  readonly writes: readonly TSESTree.Node[];
  /** The members of it the class uses (`resolve`, `valueOrThrow`). */
  readonly members: ReadonlySet<string>;
}

/**
 * The uses of the instance field `name` inside `classNode` (any `obj.name` there, `this.name` or another
 * instance's), when every one is a member use, a test or a write; undefined when the class does not declare
 * the field or does anything else with it.
 */
export function classFieldUses(walker: Walker, classNode: ClassNode, name: string): ClassFieldUses | undefined {
  let access: FieldAccess | undefined;
  const writes: TSESTree.Node[] = [];
  for (const member of classNode.body.body) {
    if (member.type !== AST_NODE_TYPES.PropertyDefinition || member.computed || member.static) continue;
    if (keyName(member.key) !== name) continue;
    access = member.key.type === AST_NODE_TYPES.PrivateIdentifier ? 'private' : (member.accessibility ?? 'public');
    if (member.value) writes.push(member.value);
  }
  if (!access) return undefined;
  const members = new Set<string>();
  let known = true;
  walkWithAncestors(walker, classNode.body, (node, ancestors) => {
    if (!known) return false;
    if (node.type === AST_NODE_TYPES.MemberExpression && !node.computed && keyName(node.property) === name) {
      const use = deferredUseOf(node, ancestors.at(-1));
      if (use.kind === 'member') members.add(use.name);
      else if (use.kind === 'write') writes.push(use.value);
      else if (use.kind === 'unknown') known = false;
    }
    return true;
  });
  return known ? { access, writes, members } : undefined;
}

/**
 * Outside the class that declares it (`skip`, left unread): is every mention of the public field `name` in
 * `root` a member use of it that is not one of `rejecting`, or a test? Any other mention (a write, the
 * field handed on or destructured, `obj['name']`, a key of that name in an object or a type) answers no.
 */
export function mentionsOnlyUseSafely(
  walker: Walker,
  root: TSESTree.Node,
  name: string,
  rejecting: ReadonlySet<string>,
  skip?: (node: TSESTree.Node) => boolean,
): boolean {
  let safe = true;
  walkWithAncestors(walker, root, (node, ancestors) => {
    if (!safe || skip?.(node)) return false;
    const parent = ancestors.at(-1);
    // `obj['name']` names the field too; any other string of that text (an event name) does not.
    const isComputedKey =
      node.type === AST_NODE_TYPES.Literal &&
      node.value === name &&
      parent?.type === AST_NODE_TYPES.MemberExpression &&
      parent.property === node;
    if ((node.type === AST_NODE_TYPES.Identifier && node.name === name) || isComputedKey) {
      const grandparent = ancestors.at(-2);
      const isProperty =
        parent?.type === AST_NODE_TYPES.MemberExpression && !parent.computed && parent.property === node;
      const use = isProperty ? deferredUseOf(parent, grandparent) : undefined;
      const isSafe = use?.kind === 'test' || (use?.kind === 'member' && !rejecting.has(use.name));
      // A name of this file's own that happens to be the same (a variable, a parameter) is no mention of the field.
      const isOwnName = !isProperty && node.type === AST_NODE_TYPES.Identifier && isBindingOrReference(node, parent);
      if (!isSafe && !isOwnName) safe = false;
    }
    return true;
  });
  return safe;
}

/**
 * Visits `root` and what is under it, depth first, with the chain of nodes above each (no parent links:
 * other files' trees have none); `enter` returning false skips what is under a node.
 */
function walkWithAncestors(
  walker: Walker,
  root: TSESTree.Node,
  enter: (node: TSESTree.Node, ancestors: readonly TSESTree.Node[]) => boolean,
): void {
  const ancestors: TSESTree.Node[] = [];
  const visit = (node: TSESTree.Node): void => {
    if (!enter(node, ancestors)) return;
    ancestors.push(node);
    for (const key of walker.visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child]) {
        if (item && typeof item === 'object' && 'type' in item) visit(item as TSESTree.Node);
      }
    }
    ancestors.pop();
  };
  visit(root);
}

/**
 * A plain variable name rather than a key: not a member's property, not a key of an object literal or
 * pattern (`{ name }` reads a property of that name), not a class member's key or a type's member.
 */
function isBindingOrReference(node: TSESTree.Identifier, parent: TSESTree.Node | undefined): boolean {
  if (!parent) return true;
  switch (parent.type) {
    case AST_NODE_TYPES.MemberExpression:
      return parent.computed && parent.property === node;
    case AST_NODE_TYPES.Property:
    case AST_NODE_TYPES.PropertyDefinition:
    case AST_NODE_TYPES.MethodDefinition:
    case AST_NODE_TYPES.TSPropertySignature:
    case AST_NODE_TYPES.TSMethodSignature:
    case AST_NODE_TYPES.TSAbstractPropertyDefinition:
    case AST_NODE_TYPES.TSAbstractMethodDefinition:
    case AST_NODE_TYPES.TSQualifiedName:
    case AST_NODE_TYPES.ImportSpecifier:
    case AST_NODE_TYPES.ExportSpecifier:
      return false;
    default:
      return true;
  }
}
