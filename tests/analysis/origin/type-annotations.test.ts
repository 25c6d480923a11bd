import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { describe, expect, it } from 'vitest';

import { readDeclaredShape } from '../../../src/analysis/origin/type-annotations.js';
import { parseProjectFile, parseProjectFileWithoutNative } from '../../../src/analysis/project/parse.js';

/** The shape of the first top-level statement of `code` (a declaration, or the type of `let x: …`). */
function shapeOf(code: string, parse = parseProjectFile): ReturnType<typeof readDeclaredShape> {
  const program = parse('/project/types.ts', code);
  if (!program) throw new Error(`does not parse: ${code}`);
  let node: TSESTree.Node = program.body[0]!;
  if (node.type === AST_NODE_TYPES.ExportNamedDeclaration && node.declaration) node = node.declaration;
  if (node.type === AST_NODE_TYPES.VariableDeclaration) node = node.declarations[0].id.typeAnnotation!.typeAnnotation;
  const shape = readDeclaredShape(node);
  return shape && { ...shape, methods: { ...shape.methods } };
}

describe('readDeclaredShape', () => {
  for (const [parser, parse] of [
    ['oxc-parser', parseProjectFile],
    ['typescript-estree', parseProjectFileWithoutNative],
  ] as const) {
    it(`reads what an interface's methods return (${parser})`, () => {
      const shape = shapeOf(
        `export interface Repo extends Base<User>, Other {
          save(user: User): Promise<void>;
          lazy(): PromiseLike<number>;
          generic<T>(): Promise<T>;
          count(): number;
          touch(): void;
          maybe(): Promise<void> | undefined;
          either(): Promise<void> | Promise<number>;
          find?(id: string): Promise<User>;
          load: (id: string) => Promise<User>;
          name: string;
          pick(id: string): Promise<User>;
          pick(ids: string[]): User[];
          stream(): Observable<User>;
          untyped();
          get size(): number;
          'quoted'(): Promise<void>;
        }`,
        parse,
      );
      expect(shape).toEqual({
        kind: 'shape',
        bases: ['Base', 'Other'],
        methods: {
          save: 'promise',
          lazy: 'promise',
          generic: 'promise',
          count: 'other',
          touch: 'other',
          maybe: 'unknown',
          either: 'promise',
          find: 'promise',
          load: 'promise',
          pick: 'unknown',
          stream: 'unknown',
          untyped: 'unknown',
          quoted: 'promise',
        },
      });
    });
  }

  it('reads a class: declared returns, `async` where none is declared, overload signatures, abstract members, function fields', () => {
    expect(
      shapeOf(`export abstract class Db extends Base {
        abstract query(sql: string): Promise<unknown[]>;
        async close() {}
        async *rows() {}
        ping() { return this.query('select 1'); }
        run(sql: string): Promise<void>;
        run(sql: string, done: () => void): void;
        run(sql: string, done?: () => void): Promise<void> | void { return undefined; }
        flush = async () => {};
        onError: (error: Error) => void = () => {};
        static async connect(): Promise<Db> { return new Db(); }
        #send(): Promise<void> { return Promise.resolve(); }
      }`),
    ).toEqual({
      kind: 'shape',
      bases: ['Base'],
      methods: {
        query: 'promise',
        close: 'promise',
        rows: 'other',
        ping: 'unknown',
        run: 'unknown',
        flush: 'promise',
        onError: 'other',
        '#send': 'promise',
      },
    });
  });

  it('reads object type aliases, intersections and type literals; other types have no shape', () => {
    expect(shapeOf('type Queue = Base & { add(job: string): Promise<number> } & { size(): number };')).toEqual({
      kind: 'shape',
      bases: ['Base'],
      methods: { add: 'promise', size: 'other' },
    });
    expect(shapeOf('let queue: { add(): Promise<void> };')).toEqual({
      kind: 'shape',
      bases: [],
      methods: { add: 'promise' },
    });
    expect(shapeOf('type Id = string | number;')).toBeUndefined();
    expect(shapeOf('type Handler = () => Promise<void>;')).toBeUndefined();
  });
});
