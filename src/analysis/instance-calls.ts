/**
 * Calls made on an object a call or `new` produced: `const db = new Database(file)` then
 * `db.prepare(sql).get(id)`, `this.db = new Database(file)` then `this.db.exec(sql)` in the same
 * class, `const prompt = promptSync()` then `prompt('name?')`. The object is followed through
 * never-reassigned variables and `this.<field>` of the class that stores it.
 */
import { findVariable } from '@eslint-community/eslint-utils';
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { getStaticPropertyName, getValueParent, isFunctionNode } from './ast.js';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * Which calls on the object are wanted: `call` for calling the object itself, `methods` for a method
 * (`true`) or a method returning another object whose own calls are described by the nested shape.
 */
export interface InstanceShape {
  readonly call?: boolean;
  readonly methods?: Readonly<Record<string, true | InstanceShape>>;
}

export interface InstanceCall {
  readonly call: TSESTree.CallExpression;
  /** The method called, or undefined when the object itself is called. */
  readonly method: string | undefined;
}

interface ScopeVariable {
  defs: { type: string; node: TSESTree.Node }[];
  references: { identifier: TSESTree.Identifier; init?: boolean; isWrite(): boolean; isRead(): boolean }[];
}

/** The wanted calls on the value of `producer` (a CallExpression or NewExpression). */
export function findInstanceCalls(context: AnyContext, producer: TSESTree.Node, shape: InstanceShape): InstanceCall[] {
  const found: InstanceCall[] = [];
  const seen = new Set<TSESTree.Node>();

  const follow = (holder: TSESTree.Node, current: InstanceShape): void => {
    if (seen.has(holder)) return;
    seen.add(holder);
    const { parent, child } = getValueParent(holder);
    if (!parent) return;
    if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee === child) {
      if (current.call) found.push({ call: parent, method: undefined });
      return;
    }
    if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === child) {
      const name = getStaticPropertyName(parent);
      const entry = name === undefined || !Object.hasOwn(current.methods ?? {}, name) ? undefined : current.methods![name];
      const { parent: call, child: callee } = getValueParent(parent);
      if (!entry || call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== callee) return;
      if (entry === true) found.push({ call, method: name });
      else follow(call, entry);
      return;
    }
    if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === child && parent.id.type === AST_NODE_TYPES.Identifier) {
      for (const read of readsOfConstant(context, parent.id)) follow(read, current);
      return;
    }
    if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === child && parent.operator === '=') {
      const field = thisField(parent.left);
      if (field !== undefined) for (const read of fieldReads(context, parent, field)) follow(read, current);
      return;
    }
    if (parent.type === AST_NODE_TYPES.PropertyDefinition && parent.value === child && !parent.static && !parent.computed) {
      const name = parent.key.type === AST_NODE_TYPES.Identifier ? parent.key.name : undefined;
      if (name !== undefined) for (const read of fieldReads(context, parent, name)) follow(read, current);
    }
  };

  follow(producer, shape);
  return found;
}

/** Reads of the variable `id` declares, when nothing but its declaration writes it. */
function readsOfConstant(context: AnyContext, id: TSESTree.Identifier): TSESTree.Identifier[] {
  const variable = findVariable(context.sourceCode.getScope(id) as never, id) as ScopeVariable | null;
  if (!variable || variable.defs.length !== 1) return [];
  if (variable.references.some((reference) => reference.isWrite() && !reference.init)) return [];
  return variable.references.filter((reference) => reference.isRead()).map((reference) => reference.identifier);
}

/** `this.name` as an assignment target. */
function thisField(node: TSESTree.Node): string | undefined {
  if (node.type !== AST_NODE_TYPES.MemberExpression || node.object.type !== AST_NODE_TYPES.ThisExpression) return undefined;
  return getStaticPropertyName(node);
}

/**
 * Reads of `this.<name>` in the instance members of the class around `from`, when the field is
 * written only there (by `from` itself): a second assignment could store anything.
 */
function fieldReads(context: AnyContext, from: TSESTree.Node, name: string): TSESTree.MemberExpression[] {
  const classBody = enclosingClassBody(from);
  if (!classBody) return [];
  const reads: TSESTree.MemberExpression[] = [];
  let writes = 0;
  const visit = (node: TSESTree.Node, thisIsInstance: boolean): void => {
    if (node.type === AST_NODE_TYPES.ClassBody && node !== classBody) return;
    if (thisIsInstance && node.type === AST_NODE_TYPES.MemberExpression && node.object.type === AST_NODE_TYPES.ThisExpression && getStaticPropertyName(node) === name) {
      const { parent, child } = getValueParent(node);
      if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === child) writes += 1;
      else reads.push(node);
    }
    for (const key of context.sourceCode.visitorKeys[node.type] ?? []) {
      const value = (node as unknown as Record<string, unknown>)[key];
      const children = Array.isArray(value) ? value : [value];
      for (const item of children) {
        if (!item || typeof item !== 'object' || !('type' in item)) continue;
        const childNode = item as TSESTree.Node;
        // A non-arrow function has its own `this`, unless it is a method of this class.
        const ownThis = isFunctionNode(childNode) && childNode.type !== AST_NODE_TYPES.ArrowFunctionExpression;
        const isMember = ownThis && (node.type === AST_NODE_TYPES.MethodDefinition || node.type === AST_NODE_TYPES.PropertyDefinition) && node.parent === classBody;
        visit(childNode, ownThis ? isMember && !isStaticMember(node) : thisIsInstance);
      }
    }
  };
  for (const member of classBody.body) {
    if (isStaticMember(member)) continue;
    visit(member, true);
  }
  const fieldInitialiser = from.type === AST_NODE_TYPES.PropertyDefinition ? 1 : 0;
  return writes + fieldInitialiser === 1 ? reads : [];
}

function isStaticMember(node: TSESTree.Node): boolean {
  return (
    ((node.type === AST_NODE_TYPES.MethodDefinition || node.type === AST_NODE_TYPES.PropertyDefinition) && node.static) ||
    node.type === AST_NODE_TYPES.StaticBlock
  );
}

function enclosingClassBody(node: TSESTree.Node): TSESTree.ClassBody | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ClassBody) return current;
  }
  return undefined;
}
