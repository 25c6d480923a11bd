/**
 * Follows export summaries across files: an import or `require` to the module that defines the value,
 * through re-exports (`export { x as y } from`, `export *`, barrels several levels deep), CommonJS
 * `module.exports`, ESM/CommonJS interop (`import x from './cjs'` reads `module.exports`), object members,
 * static and instance methods, and `extends` chains to another file. Cycles end the search (no answer);
 * so does the depth limit.
 */
import type { DeclaredKind, DeclaredShape } from '../origin/type-annotations.js';
import { resolveModule, type ResolveOptions } from './resolve.js';
import type {
  ClassSummary,
  ExportValue,
  FunctionSummary,
  InstanceSummary,
  ModuleReference,
  ModuleSummary,
  ObjectSummary,
  SymbolSummary,
  TypeValue,
} from './summaries.js';
import { getModuleSummary } from './summary-cache.js';

/** A module as a value: a namespace import, or what `require` returns from an ES module. */
interface ModuleValue {
  readonly kind: 'module';
}

/** A value settled to its definition, with the file it lives in (its own references are relative to that file). */
export interface LocatedValue {
  readonly value: FunctionSummary | ClassSummary | ObjectSummary | InstanceSummary | SymbolSummary | ModuleValue;
  readonly file: string;
}

/** A member key: a name, or a symbol (known by its file and the top-level name that holds it there). */
export type MemberKey = string | { readonly file: string; readonly symbol: string };

/** The symbol key a located value is, when it is a symbol. */
export function symbolKey(located: LocatedValue | undefined): MemberKey | undefined {
  return located?.value.kind === 'symbol' ? { file: located.file, symbol: located.value.name } : undefined;
}

/** Steps through references and member accesses before giving up. */
const MAX_STEPS = 64;

/** How many functions that return another module's call (`return save(x)`) are followed in a row. */
const MAX_FORWARDS = 4;

const EFFECT_ORDER: readonly FunctionSummary['effect'][] = ['read', 'unknown', 'write'];

/** A declared type settled to its shape, with the file whose names its bases are. */
interface LocatedShape {
  readonly shape: DeclaredShape;
  readonly file: string;
}

/** How many types an `extends` chain may pass through before the answer is unknown. */
const MAX_TYPE_DEPTH = 8;

export class ModuleGraph {
  private steps = 0;
  /** Resolutions asked while linting one file: the same import is looked up for every call through it. */
  private readonly resolved = new Map<string, string | undefined>();

  constructor(private readonly options: ResolveOptions) {}

  /** Summaries checked against the disk once per linted file: a file does not change within one lint. */
  private readonly summaries = new Map<string, ModuleSummary | undefined>();

  private summaryOf(file: string): ModuleSummary | undefined {
    if (this.summaries.has(file)) return this.summaries.get(file);
    const summary = getModuleSummary(file);
    this.summaries.set(file, summary);
    return summary;
  }

  private resolve(fromFile: string, specifier: string, via: ModuleReference['via']): string | undefined {
    const key = `${via}\0${fromFile}\0${specifier}`;
    if (this.resolved.has(key)) return this.resolved.get(key);
    const file = resolveModule(fromFile, specifier, via, this.options);
    this.resolved.set(key, file);
    return file;
  }

  /** The value `reference` names, seen from `fromFile`. */
  resolveReference(fromFile: string, reference: ModuleReference): LocatedValue | undefined {
    const file = this.resolve(fromFile, reference.specifier, reference.via);
    if (!file) return undefined;
    let located = reference.name === '*' ? this.wholeModule(file) : this.exportOf(file, reference.name, new Set());
    for (const member of reference.members) located = located && this.memberOf(located, member);
    return located;
  }

  /** A fresh search budget, for each question a rule asks. */
  reset(): void {
    this.steps = 0;
  }

  /** `value` read from `file`, with references followed to their definitions. */
  settle(value: ExportValue | undefined, file: string): LocatedValue | undefined {
    if (!value || ++this.steps > MAX_STEPS) return undefined;
    if (value.kind === 'reference') return this.resolveReference(file, value);
    if (value.kind === 'product') {
      const factory = this.settle(value.of, file);
      return factory && this.productOf(factory);
    }
    return { value, file };
  }

  /**
   * A located function's answers, with those of the functions whose calls it returns (`return save(x)`
   * of an imported `save`) when it only forwards: a promise when every forwarded call is one, never
   * rejecting when none rejects. `seen` ends a cycle of forwards, which keeps the function's own answers.
   */
  functionAnswers(located: LocatedValue, seen = new Set<string>()): FunctionSummary | undefined {
    const fn = located.value;
    if (fn.kind !== 'function') return undefined;
    if (!fn.forwards || fn.returnsPromise !== 'unknown' || seen.size >= MAX_FORWARDS) return fn;
    const key = `${located.file}\0${fn.line}\0${fn.name ?? ''}`;
    if (seen.has(key)) return fn;
    seen.add(key);
    let cannotReject = true;
    let noRejectionSource = true;
    let effect: FunctionSummary['effect'] = 'read';
    for (const reference of fn.forwards) {
      const target = this.resolveReference(located.file, reference);
      const answers = target && this.functionAnswers(target, seen);
      if (answers?.returnsPromise !== 'yes') return fn;
      cannotReject &&= answers.cannotReject;
      noRejectionSource &&= answers.noRejectionSource;
      if (EFFECT_ORDER.indexOf(answers.effect) > EFFECT_ORDER.indexOf(effect)) effect = answers.effect;
    }
    return { ...fn, returnsPromise: 'yes', cannotReject, noRejectionSource, effect };
  }

  /** What calling a located function gives, when it is a factory (of an object of methods, or of a sync bridge). */
  productOf(located: LocatedValue): LocatedValue | undefined {
    return located.value.kind === 'function' && located.value.product
      ? { value: located.value.product, file: located.file }
      : undefined;
  }

  /** What `require(file)` or `import * as ns from file` gives. */
  wholeModule(file: string): LocatedValue | undefined {
    const summary = this.summaryOf(file);
    if (!summary) return undefined;
    if (summary.moduleExports) return this.settle(summary.moduleExports, file);
    return { value: { kind: 'module' }, file };
  }

  /** The export `name` of `file`, following re-exports; `seen` guards against `export *` cycles. */
  exportOf(file: string, name: string, seen: Set<string>): LocatedValue | undefined {
    const key = `${file}\0${name}`;
    if (seen.has(key) || ++this.steps > MAX_STEPS) return undefined;
    seen.add(key);
    const summary = this.summaryOf(file);
    if (!summary) return undefined;
    const own = summary.exports[name];
    if (own) return this.settle(own, file);
    if (summary.moduleExports) {
      const whole = this.settle(summary.moduleExports, file);
      // `import helpers from './cjs'` is `module.exports`; `import { f } from './cjs'` is one of its members.
      if (name === 'default') return whole;
      return whole && this.memberOf(whole, name);
    }
    if (name === 'default') return summary.commonJs ? { value: { kind: 'module' }, file } : undefined;
    for (const specifier of summary.starExports) {
      const target = this.resolve(file, specifier, 'import');
      const found = target && this.exportOf(target, name, seen);
      if (found) return found;
    }
    return undefined;
  }

  /** The member `name` of a located value: an object's property, a class's static method, an instance's method, a module's export. */
  memberOf(located: LocatedValue, name: MemberKey): LocatedValue | undefined {
    if (++this.steps > MAX_STEPS) return undefined;
    const { value, file } = located;
    if (typeof name !== 'string') {
      if (value.kind === 'class') {
        const own = this.symbolMemberOf(located, name, true);
        if (own) return own;
        const parent = this.settle(value.superClass, file);
        return parent?.value.kind === 'class' ? this.memberOf(parent, name) : undefined;
      }
      if (value.kind === 'instance') {
        const classValue = this.settle(value.of, file);
        return classValue ? this.instanceMemberOf(classValue, name) : undefined;
      }
      return undefined;
    }
    switch (value.kind) {
      case 'object':
        return this.settle(value.members[name], file);
      case 'module':
        return this.exportOf(file, name, new Set());
      case 'class': {
        const own = value.staticMembers[name];
        if (own) return this.settle(own, file);
        const parent = this.settle(value.superClass, file);
        return parent?.value.kind === 'class' ? this.memberOf(parent, name) : undefined;
      }
      case 'instance': {
        const classValue = this.settle(value.of, file);
        return classValue ? this.instanceMemberOf(classValue, name) : undefined;
      }
      default:
        return undefined;
    }
  }

  /** The method `name` of instances of a located class, inherited through `extends` across files. */
  instanceMemberOf(located: LocatedValue, name: MemberKey): LocatedValue | undefined {
    if (located.value.kind !== 'class' || ++this.steps > MAX_STEPS) return undefined;
    const own =
      typeof name === 'string'
        ? this.settle(located.value.instanceMembers[name], located.file)
        : this.symbolMemberOf(located, name, false);
    if (own) return own;
    const parent = this.settle(located.value.superClass, located.file);
    return parent ? this.instanceMemberOf(parent, name) : undefined;
  }

  /** The method of a located class keyed by the symbol `key`: each symbol key is settled and compared. */
  private symbolMemberOf(
    located: LocatedValue,
    key: Exclude<MemberKey, string>,
    isStatic: boolean,
  ): LocatedValue | undefined {
    if (located.value.kind !== 'class') return undefined;
    for (const member of located.value.symbolMembers) {
      if (member.isStatic !== isStatic) continue;
      // Each key gets the whole step budget: a class may have many symbol members.
      const steps = this.steps;
      const symbol = symbolKey(this.settle(member.key, located.file));
      this.steps = steps;
      if (typeof symbol === 'object' && symbol.file === key.file && symbol.symbol === key.symbol)
        return this.settle(member.value, located.file);
    }
    return undefined;
  }

  /**
   * What calling the method `method` of a value declared with the type `reference` (seen from `fromFile`)
   * returns, by the declarations of that type and of the types it extends; unknown when not declared.
   */
  declaredMethodKind(fromFile: string, reference: ModuleReference, method: string): DeclaredKind {
    const file = this.resolve(fromFile, reference.specifier, reference.via);
    if (!file || reference.name === '*' || reference.members.length > 0) return 'unknown';
    const located = this.typeExportOf(file, reference.name, new Set());
    return located ? this.shapeMethodKind(located, method, new Set(), 0) : 'unknown';
  }

  /** The method `method` of a located shape, else of the types it builds on, in order; `seen` guards cycles. */
  private shapeMethodKind(located: LocatedShape, method: string, seen: Set<string>, depth: number): DeclaredKind {
    const own = Object.hasOwn(located.shape.methods, method) ? located.shape.methods[method] : undefined;
    if (own !== undefined) return own;
    if (depth >= MAX_TYPE_DEPTH) return 'unknown';
    for (const base of located.shape.bases) {
      const key = `${located.file}\0${base}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const parent = this.settleType(this.summaryOf(located.file)?.types?.local[base], located.file);
      const kind = parent ? this.shapeMethodKind(parent, method, seen, depth + 1) : 'unknown';
      if (kind !== 'unknown') return kind;
    }
    return 'unknown';
  }

  /** A type of `file` (a shape, or an import of one) settled to its shape. */
  private settleType(value: TypeValue | undefined, file: string): LocatedShape | undefined {
    if (!value || ++this.steps > MAX_STEPS) return undefined;
    if (value.kind === 'shape') return { shape: value, file };
    if (value.name === '*' || value.members.length > 0) return undefined;
    const target = this.resolve(file, value.specifier, value.via);
    return target ? this.typeExportOf(target, value.name, new Set()) : undefined;
  }

  /** The exported type `name` of `file`, through re-exports and `export *`; `seen` guards against cycles. */
  private typeExportOf(file: string, name: string, seen: Set<string>): LocatedShape | undefined {
    const key = `${file}\0${name}`;
    if (seen.has(key) || ++this.steps > MAX_STEPS) return undefined;
    seen.add(key);
    const summary = this.summaryOf(file);
    if (!summary) return undefined;
    const exported =
      summary.types && Object.hasOwn(summary.types.exported, name) ? summary.types.exported[name] : undefined;
    if (typeof exported === 'string') {
      const local = summary.types!.local[exported];
      if (local?.kind === 'shape') return { shape: local, file };
      if (!local || local.name === '*' || local.members.length > 0) return undefined;
      const target = this.resolve(file, local.specifier, local.via);
      return target ? this.typeExportOf(target, local.name, seen) : undefined;
    }
    if (exported) {
      const target = this.resolve(file, exported.specifier, exported.via);
      return target ? this.typeExportOf(target, exported.name, seen) : undefined;
    }
    for (const specifier of summary.starExports) {
      const target = this.resolve(file, specifier, 'import');
      const found = target && this.typeExportOf(target, name, seen);
      if (found) return found;
    }
    return undefined;
  }
}
