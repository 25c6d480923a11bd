/**
 * The syntax every fix builder must respect when it writes code: operator precedence (does this text
 * need parentheses here?) and automatic semicolon insertion (does a statement that starts with `(`,
 * `[`, `` ` ``, `+`, `-` or `/` continue the one before it?). Modelled on typescript-eslint's
 * `getOperatorPrecedenceForNode` and `needsPrecedingSemicolon`.
 */
import { AST_NODE_TYPES, AST_TOKEN_TYPES, type TSESTree } from '@typescript-eslint/types';

import { type SourceCode } from '../scope.js';

/** Binding strength of an expression, loosest first (the ECMAScript grammar levels). */
export const Precedence = {
  Sequence: 0,
  /** Assignment, arrow functions, `yield`: what an AssignmentExpression position accepts. */
  Assignment: 1,
  Conditional: 2,
  Coalesce: 3,
  LogicalOr: 4,
  LogicalAnd: 5,
  BitwiseOr: 6,
  BitwiseXor: 7,
  BitwiseAnd: 8,
  Equality: 9,
  /** `<`, `in`, `instanceof`, and TypeScript's `as` and `satisfies`. */
  Relational: 10,
  Shift: 11,
  Additive: 12,
  Multiplicative: 13,
  Exponentiation: 14,
  /** `!x`, `-x`, `typeof x`, `await x`, `<T>x`. */
  Unary: 15,
  Update: 16,
  /** `new X` without arguments. */
  LeftHandSide: 17,
  /** Member access, calls, `new X()`, tagged templates, `x!`. */
  Member: 18,
  Primary: 19,
} as const;

const BINARY: Readonly<Record<string, number>> = {
  '??': Precedence.Coalesce,
  '||': Precedence.LogicalOr,
  '&&': Precedence.LogicalAnd,
  '|': Precedence.BitwiseOr,
  '^': Precedence.BitwiseXor,
  '&': Precedence.BitwiseAnd,
  '==': Precedence.Equality,
  '!=': Precedence.Equality,
  '===': Precedence.Equality,
  '!==': Precedence.Equality,
  '<': Precedence.Relational,
  '>': Precedence.Relational,
  '<=': Precedence.Relational,
  '>=': Precedence.Relational,
  in: Precedence.Relational,
  instanceof: Precedence.Relational,
  '<<': Precedence.Shift,
  '>>': Precedence.Shift,
  '>>>': Precedence.Shift,
  '+': Precedence.Additive,
  '-': Precedence.Additive,
  '*': Precedence.Multiplicative,
  '/': Precedence.Multiplicative,
  '%': Precedence.Multiplicative,
  '**': Precedence.Exponentiation,
};

/** How tightly `node` binds, as written (its own parentheses not counted). */
export function precedenceOf(node: TSESTree.Node): number {
  switch (node.type) {
    case AST_NODE_TYPES.SequenceExpression:
      return Precedence.Sequence;
    case AST_NODE_TYPES.AssignmentExpression:
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.YieldExpression:
      return Precedence.Assignment;
    case AST_NODE_TYPES.ConditionalExpression:
      return Precedence.Conditional;
    case AST_NODE_TYPES.LogicalExpression:
    case AST_NODE_TYPES.BinaryExpression:
      return BINARY[node.operator] ?? Precedence.Sequence;
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
      return Precedence.Relational;
    case AST_NODE_TYPES.UnaryExpression:
    case AST_NODE_TYPES.AwaitExpression:
    case AST_NODE_TYPES.TSTypeAssertion:
      return Precedence.Unary;
    case AST_NODE_TYPES.UpdateExpression:
      return Precedence.Update;
    case AST_NODE_TYPES.NewExpression:
      // `new X()` (arguments in parentheses, maybe none) binds like a call; `new X` does not.
      return node.range[1] > (node.typeArguments ?? node.callee).range[1] ? Precedence.Member : Precedence.LeftHandSide;
    case AST_NODE_TYPES.MemberExpression:
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.ChainExpression:
    case AST_NODE_TYPES.TaggedTemplateExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSInstantiationExpression:
    case AST_NODE_TYPES.ImportExpression:
      return Precedence.Member;
    default:
      return Precedence.Primary;
  }
}

/**
 * The loosest precedence an expression may have to stand where `node` stands without parentheses:
 * `Sequence` in an expression statement, `Unary` as the operand of `await`, `Member` as a callee.
 */
export function precedenceRequiredAt(node: TSESTree.Node): number {
  const parent = node.parent;
  if (!parent) return Precedence.Sequence;
  switch (parent.type) {
    case AST_NODE_TYPES.ExpressionStatement:
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.ThrowStatement:
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
    case AST_NODE_TYPES.ForStatement:
    case AST_NODE_TYPES.ForInStatement:
    case AST_NODE_TYPES.SwitchStatement:
    case AST_NODE_TYPES.SwitchCase:
    case AST_NODE_TYPES.TemplateLiteral:
      return Precedence.Sequence;
    case AST_NODE_TYPES.MemberExpression:
      return parent.object === node ? Precedence.Member : Precedence.Sequence;
    case AST_NODE_TYPES.CallExpression:
      return parent.callee === node ? Precedence.Member : Precedence.Assignment;
    case AST_NODE_TYPES.NewExpression:
      // `new (f())()` calls `f` first; `new f()()` would not.
      return parent.callee === node
        ? node.type === AST_NODE_TYPES.CallExpression
          ? Precedence.Primary
          : Precedence.Member
        : Precedence.Assignment;
    case AST_NODE_TYPES.TaggedTemplateExpression:
      return parent.tag === node ? Precedence.Member : Precedence.Sequence;
    case AST_NODE_TYPES.TSNonNullExpression:
      return Precedence.Member;
    case AST_NODE_TYPES.ClassDeclaration:
    case AST_NODE_TYPES.ClassExpression:
      return parent.superClass === node ? Precedence.LeftHandSide : Precedence.Primary;
    case AST_NODE_TYPES.UpdateExpression:
      return Precedence.LeftHandSide;
    case AST_NODE_TYPES.UnaryExpression:
    case AST_NODE_TYPES.AwaitExpression:
    case AST_NODE_TYPES.TSTypeAssertion:
      return Precedence.Unary;
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
      return Precedence.Relational;
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.LogicalExpression: {
      const own = BINARY[parent.operator] ?? Precedence.Primary;
      // `-a ** b` is a syntax error; `a ** b ** c` groups to the right.
      if (parent.operator === '**') return parent.left === node ? Precedence.Update : Precedence.Exponentiation;
      return parent.left === node ? own : own + 1;
    }
    case AST_NODE_TYPES.ConditionalExpression:
      return parent.test === node ? Precedence.Coalesce : Precedence.Assignment;
    case AST_NODE_TYPES.SequenceExpression:
    case AST_NODE_TYPES.VariableDeclarator:
    case AST_NODE_TYPES.AssignmentExpression:
    case AST_NODE_TYPES.AssignmentPattern:
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.Property:
    case AST_NODE_TYPES.PropertyDefinition:
    case AST_NODE_TYPES.SpreadElement:
    case AST_NODE_TYPES.YieldExpression:
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.ForOfStatement:
    case AST_NODE_TYPES.ExportDefaultDeclaration:
    case AST_NODE_TYPES.ImportExpression:
    case AST_NODE_TYPES.JSXExpressionContainer:
    case AST_NODE_TYPES.JSXSpreadAttribute:
      return Precedence.Assignment;
    default:
      return Precedence.Primary;
  }
}

/**
 * Does an expression of `precedence` (or the node itself) need parentheses to stand where `position`
 * stands? Besides precedence: `??` does not mix with `||`/`&&`, and an arrow body or a statement
 * cannot start with an object literal.
 */
export function needsParenthesesAt(expression: TSESTree.Node | number, position: TSESTree.Node): boolean {
  const precedence = typeof expression === 'number' ? expression : precedenceOf(expression);
  if (precedence < precedenceRequiredAt(position)) return true;
  if (typeof expression === 'number') return false;
  const parent = position.parent;
  if (
    parent?.type === AST_NODE_TYPES.LogicalExpression &&
    expression.type === AST_NODE_TYPES.LogicalExpression &&
    (parent.operator === '??') !== (expression.operator === '??')
  ) {
    return true;
  }
  return (
    expression.type === AST_NODE_TYPES.ObjectExpression &&
    parent?.type === AST_NODE_TYPES.ArrowFunctionExpression &&
    parent.body === position
  );
}

/** `node`'s text, in parentheses when it binds looser than `minimum`. */
export function textWithPrecedence(sourceCode: SourceCode, node: TSESTree.Node, minimum: number): string {
  const text = sourceCode.getText(node);
  return precedenceOf(node) < minimum ? `(${text})` : text;
}

/** Statement lists, where a statement follows another one (not the body of `if`, a loop or a label). */
function statementListOf(parent: TSESTree.Node): readonly TSESTree.Node[] | undefined {
  switch (parent.type) {
    case AST_NODE_TYPES.Program:
    case AST_NODE_TYPES.BlockStatement:
    case AST_NODE_TYPES.StaticBlock:
    case AST_NODE_TYPES.TSModuleBlock:
      return parent.body;
    case AST_NODE_TYPES.SwitchCase:
      return parent.consequent;
    default:
      return undefined;
  }
}

/** Nodes whose closing `}` ends an expression that a following `(`, `[`, `` ` ``, `+`, `-` or `/` continues. */
function braceEndsExpression(closing: TSESTree.Node): boolean {
  switch (closing.type) {
    case AST_NODE_TYPES.ObjectExpression:
      return true;
    // `function () {}(x)` calls the function; an arrow function cannot be called or operated on unparenthesised.
    case AST_NODE_TYPES.BlockStatement:
      return closing.parent.type === AST_NODE_TYPES.FunctionExpression;
    // `class {}(x)` calls the class expression; a class declaration ends at its `}`.
    case AST_NODE_TYPES.ClassBody:
      return closing.parent.type === AST_NODE_TYPES.ClassExpression;
    default:
      return false;
  }
}

/** Would a `(`, `[`, `` ` ``, `+`, `-` or `/` at the start of the next line continue `statement`? */
function leavesExpressionOpen(sourceCode: SourceCode, statement: TSESTree.Node): boolean {
  const last = sourceCode.getLastToken(statement);
  if (!last || (last.type === AST_TOKEN_TYPES.Punctuator && last.value === ';')) return false;
  switch (statement.type) {
    // After `do … while (x)` a semicolon is always inserted; `break`, `continue` and `debugger` take no operand.
    case AST_NODE_TYPES.DoWhileStatement:
    case AST_NODE_TYPES.BreakStatement:
    case AST_NODE_TYPES.ContinueStatement:
    case AST_NODE_TYPES.DebuggerStatement:
      return false;
    // `return` on its own line returns nothing (a restricted production).
    case AST_NODE_TYPES.ReturnStatement:
      if (!statement.argument) return false;
      break;
    default:
      break;
  }
  if (last.type === AST_TOKEN_TYPES.Punctuator && last.value === '}') {
    const closing = sourceCode.getNodeByRangeIndex(last.range[0]);
    return closing !== null && braceEndsExpression(closing);
  }
  return true;
}

/**
 * Would text inserted at `start` (default: the start of `node`) that begins with `(`, `[`, `` ` ``, `+`,
 * `-` or `/` continue the previous statement? True when `start` is where a statement begins and the
 * statement before it in the same list ends in an open expression without a semicolon (`const o = {}`,
 * `f()`, `x = function () {}`). Never true for the body of `if`, a loop or a label, where a `;` would
 * become the body.
 */
export function needsPrecedingSemicolon(sourceCode: SourceCode, node: TSESTree.Node, start = node.range[0]): boolean {
  for (let current: TSESTree.Node = node; current.range[0] >= start;) {
    const parent = current.parent;
    if (!parent) return false;
    const list = statementListOf(parent);
    if (list?.includes(current)) {
      const index = list.indexOf(current);
      return current.range[0] === start && index > 0 && leavesExpressionOpen(sourceCode, list[index - 1]!);
    }
    if (/(?:Statement|Declaration)$/u.test(current.type)) return false;
    current = parent;
  }
  return false;
}

/** Characters that continue an expression when a line starts with them. */
const ASI_HAZARD = /^[([`+\-/]/u;

/** `text` to insert at `node`'s start, with a `;` in front when it would otherwise continue the previous statement. */
export function guardStatementStart(sourceCode: SourceCode, node: TSESTree.Node, text: string, start?: number): string {
  return ASI_HAZARD.test(text) && needsPrecedingSemicolon(sourceCode, node, start) ? `;${text}` : text;
}
