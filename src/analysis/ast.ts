/** Small, rule-agnostic AST helpers shared by the analysis modules. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';

export type FunctionNode =
  TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;

export function isFunctionNode(node: TSESTree.Node | null | undefined): node is FunctionNode {
  return (
    node?.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node?.type === AST_NODE_TYPES.FunctionDeclaration ||
    node?.type === AST_NODE_TYPES.FunctionExpression
  );
}

export type LoopNode =
  | TSESTree.ForStatement
  | TSESTree.ForInStatement
  | TSESTree.ForOfStatement
  | TSESTree.WhileStatement
  | TSESTree.DoWhileStatement;

export function isLoopNode(node: TSESTree.Node): node is LoopNode {
  return (
    node.type === AST_NODE_TYPES.ForStatement ||
    node.type === AST_NODE_TYPES.ForInStatement ||
    node.type === AST_NODE_TYPES.ForOfStatement ||
    node.type === AST_NODE_TYPES.WhileStatement ||
    node.type === AST_NODE_TYPES.DoWhileStatement
  );
}

export type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/**
 * The class whose instance (or, in static code, whose constructor) `this` at `node` is: the class of
 * the method, field initialiser or static block around it, through arrow functions; undefined inside
 * any other function, which has a `this` of its own.
 */
export function getThisClass(node: TSESTree.Node): ClassNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.FunctionExpression || current.type === AST_NODE_TYPES.FunctionDeclaration) {
      const owner = current.parent;
      return owner?.type === AST_NODE_TYPES.MethodDefinition || owner?.type === AST_NODE_TYPES.PropertyDefinition
        ? classOfBody(owner.parent)
        : undefined;
    }
    if (current.type === AST_NODE_TYPES.PropertyDefinition || current.type === AST_NODE_TYPES.StaticBlock)
      return classOfBody(current.parent);
  }
  return undefined;
}

function classOfBody(body: TSESTree.Node | undefined): ClassNode | undefined {
  const owner = body?.type === AST_NODE_TYPES.ClassBody ? body.parent : undefined;
  return owner?.type === AST_NODE_TYPES.ClassDeclaration || owner?.type === AST_NODE_TYPES.ClassExpression
    ? owner
    : undefined;
}

/** `a.b`, `a['b']` and `a?.b` as a static name, or undefined when computed from a non-literal. */
/** The name a non-computed key or member property is written with: `x` for `x`, `#x` for the private `#x`. */
export function keyName(key: TSESTree.Node): string | undefined {
  if (key.type === AST_NODE_TYPES.Identifier) return key.name;
  if (key.type === AST_NODE_TYPES.PrivateIdentifier) return `#${key.name}`;
  return undefined;
}

/**
 * The name an import binding takes from its module: `default`, `*` for a namespace, or the imported name
 * (`x` in `import { x as y }`, also when written as a string).
 */
export function importedName(specifier: TSESTree.Node): string | undefined {
  if (specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier) return 'default';
  if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier) return '*';
  if (specifier.type !== AST_NODE_TYPES.ImportSpecifier) return undefined;
  return specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
}

export function getStaticPropertyName(node: TSESTree.MemberExpression): string | undefined {
  if (!node.computed) return node.property.type === AST_NODE_TYPES.Identifier ? node.property.name : undefined;
  if (node.property.type === AST_NODE_TYPES.Literal && typeof node.property.value === 'string')
    return node.property.value;
  if (node.property.type === AST_NODE_TYPES.TemplateLiteral && node.property.expressions.length === 0) {
    return node.property.quasis[0]?.value.cooked ?? undefined;
  }
  return undefined;
}

/**
 * What a binding or assignment pattern writes to, through nested patterns, defaults and rests:
 * `[a, { b: this.c, ...d } = {}]` → `a`, `this.c`, `d`. A target that is not a pattern is its own target.
 */
export function getPatternTargets(pattern: TSESTree.Node, targets: TSESTree.Node[] = []): TSESTree.Node[] {
  switch (pattern.type) {
    case AST_NODE_TYPES.ArrayPattern:
      for (const element of pattern.elements) if (element) getPatternTargets(element, targets);
      break;
    case AST_NODE_TYPES.ObjectPattern:
      for (const property of pattern.properties)
        getPatternTargets(property.type === AST_NODE_TYPES.RestElement ? property.argument : property.value, targets);
      break;
    case AST_NODE_TYPES.AssignmentPattern:
      getPatternTargets(pattern.left, targets);
      break;
    case AST_NODE_TYPES.RestElement:
      getPatternTargets(pattern.argument, targets);
      break;
    default:
      targets.push(pattern);
  }
  return targets;
}

/** Depth-first walk, parents before children, through `visitorKeys`; `enter` returns false to skip a node's children. */
export function walkAst(
  node: TSESTree.Node,
  visitorKeys: TSESLint.SourceCode['visitorKeys'],
  enter: (node: TSESTree.Node) => boolean | void,
): void {
  if (enter(node) === false) return;
  for (const key of visitorKeys[node.type] ?? []) {
    const child = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(child)) {
      for (const item of child)
        if (item && typeof item === 'object' && 'type' in item) walkAst(item as TSESTree.Node, visitorKeys, enter);
    } else if (child && typeof child === 'object' && 'type' in child)
      walkAst(child as TSESTree.Node, visitorKeys, enter);
  }
}

/** Does `node` wait on anything (`await`, `for await`) outside the functions nested in it? */
export function containsAwait(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): boolean {
  let found = false;
  walkAst(node, sourceCode.visitorKeys, (current) => {
    if (found || (current !== node && isFunctionNode(current))) return false;
    found =
      current.type === AST_NODE_TYPES.AwaitExpression ||
      (current.type === AST_NODE_TYPES.ForOfStatement && current.await);
    return !found;
  });
  return found;
}

/** The name a call is made through: `f()` → `f`, `a.b.f()` → `f`. */
export function getCalleeName(call: TSESTree.CallExpression | TSESTree.NewExpression): string | undefined {
  const callee = skipChainExpression(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.MemberExpression) return getStaticPropertyName(callee);
  return undefined;
}

/** `a.b.c` for a static member chain (from a name or `this`), as messages show a callee; undefined otherwise. */
export function getCalleePath(callee: TSESTree.Node): string | undefined {
  const node = skipTypeWrappers(skipChainExpression(callee));
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  if (node.type === AST_NODE_TYPES.ThisExpression) return 'this';
  if (node.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const property = getStaticPropertyName(node);
  if (property === undefined) return undefined;
  const object = getCalleePath(node.object);
  return object === undefined ? property : `${object}.${property}`;
}

/** The source text of a value (TypeScript wrappers and `?.` chains aside) when short enough to quote on one line. */
export function getShortText(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.Node,
  maxLength = 40,
): string | undefined {
  const text = sourceCode.getText(skipTypeWrappers(skipChainExpression(node)));
  return text.length <= maxLength && !text.includes('\n') ? text : undefined;
}

/** Method name of `receiver.method(...)`, if the callee is a member access. */
export function getMethodName(call: TSESTree.CallExpression): string | undefined {
  const callee = skipChainExpression(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression ? getStaticPropertyName(callee) : undefined;
}

export function skipChainExpression<T extends TSESTree.Node>(node: T): T | TSESTree.ChainElement {
  const plain: TSESTree.Node = node;
  return plain.type === AST_NODE_TYPES.ChainExpression ? plain.expression : node;
}

/** Strips TypeScript-only wrappers (`x as T`, `x!`, `<T>x`, `x satisfies T`) that do not change the value. */
export function skipTypeWrappers(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.type === AST_NODE_TYPES.TSAsExpression ||
    current.type === AST_NODE_TYPES.TSNonNullExpression ||
    current.type === AST_NODE_TYPES.TSTypeAssertion ||
    current.type === AST_NODE_TYPES.TSSatisfiesExpression ||
    current.type === AST_NODE_TYPES.TSInstantiationExpression
  ) {
    current = current.expression;
  }
  return current;
}

/** The parent, skipping TypeScript wrappers and chain expressions around `node`. */
export function getValueParent(node: TSESTree.Node): { parent: TSESTree.Node | undefined; child: TSESTree.Node } {
  let child = node;
  let parent = node.parent;
  while (parent && VALUE_WRAPPERS.has(parent.type)) {
    child = parent;
    parent = parent.parent;
  }
  return { parent, child };
}

/** Wrappers that keep their operand's value (`x as T`, `x!`, `<T>x`, `x satisfies T`, `a?.b`). */
const VALUE_WRAPPERS: ReadonlySet<string> = new Set([
  AST_NODE_TYPES.TSAsExpression,
  AST_NODE_TYPES.TSNonNullExpression,
  AST_NODE_TYPES.TSTypeAssertion,
  AST_NODE_TYPES.TSSatisfiesExpression,
  AST_NODE_TYPES.ChainExpression,
]);

/** The value inside the wrappers `getValueParent` looks through: its inverse, from the top down. */
export function skipValueWrappers(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (VALUE_WRAPPERS.has(current.type))
    current = (current as TSESTree.TSAsExpression | TSESTree.ChainExpression).expression;
  return current;
}

/** Is `node` the callee of a call (`node()`), not an argument? */
export function isCallee(node: TSESTree.Node): boolean {
  const { parent, child } = getValueParent(node);
  return (
    (parent?.type === AST_NODE_TYPES.CallExpression || parent?.type === AST_NODE_TYPES.NewExpression) &&
    parent.callee === child
  );
}

/** The function `node` is a direct argument of, as `call(…, node, …)`, with the argument index. */
export function getCallOfArgument(
  node: TSESTree.Node,
): { call: TSESTree.CallExpression | TSESTree.NewExpression; index: number } | undefined {
  const { parent, child } = getValueParent(node);
  if (parent?.type !== AST_NODE_TYPES.CallExpression && parent?.type !== AST_NODE_TYPES.NewExpression) return undefined;
  const index = parent.arguments.indexOf(child as TSESTree.CallExpressionArgument);
  return index === -1 ? undefined : { call: parent, index };
}

/** A call or a `new` expression, through type wrappers and `?.`. */
export function isCallOrNew(input: TSESTree.Node): boolean {
  const node = skipTypeWrappers(skipChainExpression(input));
  return node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression;
}

/** The literal specifier `node` loads: an import, a re-export, `import x = require(…)`, `import(…)`, `require(…)`. */
export function moduleSpecifier(node: TSESTree.Node): string | undefined {
  let source: TSESTree.Node | null | undefined;
  switch (node.type) {
    case AST_NODE_TYPES.ImportDeclaration:
    case AST_NODE_TYPES.ExportAllDeclaration:
    case AST_NODE_TYPES.ExportNamedDeclaration:
    case AST_NODE_TYPES.ImportExpression:
      source = node.source;
      break;
    case AST_NODE_TYPES.TSExternalModuleReference:
      source = node.expression;
      break;
    case AST_NODE_TYPES.CallExpression:
      if (node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'require') source = node.arguments[0];
      break;
    default:
      return undefined;
  }
  if (source?.type === AST_NODE_TYPES.Literal) return typeof source.value === 'string' ? source.value : undefined;
  return source?.type === AST_NODE_TYPES.TemplateLiteral && source.expressions.length === 0
    ? (source.quasis[0]?.value.cooked ?? undefined)
    : undefined;
}
