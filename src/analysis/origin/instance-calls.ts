/**
 * Calls made on an object a call or `new` produced: `const db = new Database(file)` then
 * `db.prepare(sql).get(id)`, `this.db = new Database(file)` then `this.db.exec(sql)` in the same
 * class, `const prompt = promptSync()` then `prompt('name?')`. The object is followed through
 * never-reassigned variables and `this.<field>` of the class that stores it, by `findValueHolders`
 * of `factory-results.ts`.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import { getStaticPropertyName, getValueParent } from '../ast.js';
import { type AnyContext } from '../scope.js';
import { findValueHolders, type ValueHolderOptions } from './factory-results.js';

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

/** An object is followed through never-reassigned variables and `this.<field>`, not through a later `x = object`. */
const INSTANCE_HOLDERS: ValueHolderOptions = { lazyAssignments: false, thisFields: true };

/** The wanted calls on the value of `producer` (a CallExpression or NewExpression). */
export function findInstanceCalls(context: AnyContext, producer: TSESTree.Node, shape: InstanceShape): InstanceCall[] {
  const found: InstanceCall[] = [];
  const seen = new Set<TSESTree.Node>();

  const follow = (value: TSESTree.Node, current: InstanceShape): void => {
    for (const holder of findValueHolders(context, value, INSTANCE_HOLDERS)) {
      if (seen.has(holder)) continue;
      seen.add(holder);
      const { parent, child } = getValueParent(holder);
      if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === child) {
        if (current.call) found.push({ call: parent, method: undefined });
      } else if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === child) {
        const name = getStaticPropertyName(parent);
        const entry =
          name === undefined || !Object.hasOwn(current.methods ?? {}, name) ? undefined : current.methods![name];
        const { parent: call, child: callee } = getValueParent(parent);
        if (!entry || call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== callee) continue;
        if (entry === true) found.push({ call, method: name });
        else follow(call, entry);
      }
    }
  };

  follow(producer, shape);
  return found;
}
