/**
 * Every suggestion the rule tests expect in a typed TypeScript fixture case must type-check: each
 * `errors[].suggestions[].output` of an invalid case that runs with types (no `mode: 'untyped'`) in
 * a `.ts`, `.mts`, `.cts` or `.tsx` file is compiled with the fixture project's tsconfig, and must
 * add no compiler error to those the case's own code has. The rule tests assert these outputs
 * exactly, so this checks what the rules offer. Every original and every output is one file of a
 * single ts.Program, so the type checker is built once (about as long as one typed rule test).
 */
import fs from 'node:fs';
import path from 'node:path';

import ts from 'typescript';
import { describe, expect, it, vi } from 'vitest';

import { fixturesDir } from './helpers/language-options.js';
import type * as RuleTesterModule from './rule-tester.js';
import { type Cases } from './rule-tester.js';

const collected = vi.hoisted(() => [] as { name: string; cases: Cases<string, readonly unknown[]> }[]);

// The rule test files call runRuleTests at import: collect their cases instead of running them here.
vi.mock('./rule-tester.js', async (importOriginal) => ({
  ...(await importOriginal<typeof RuleTesterModule>()),
  runRuleTests: (name: string, _rule: unknown, cases: Cases<string, readonly unknown[]>) => {
    collected.push({ name, cases });
  },
}));

const rulesDir = path.join(import.meta.dirname, 'rules');
const ruleTestFiles = fs.readdirSync(rulesDir).filter((file) => file.endsWith('.test.ts'));

interface Candidate {
  rule: string;
  filename: string;
  code: string;
  messageId: string;
  output: string;
}

const OVERFLOW = 'the compiler overflowed its stack';

/**
 * The compiler errors of many texts at once: each text becomes a virtual file beside the fixtures
 * (same extension as its case, so it resolves imports and gets its module format as the case does),
 * all in one ts.Program with the fixture tsconfig, so the checker is built once for the batch.
 * `moduleDetection: force` keeps the texts' top-level names apart.
 */
function compilerErrors(texts: { filename: string; text: string }[]): string[][] {
  const configPath = path.join(fixturesDir, 'tsconfig.json');
  const { config } = ts.readConfigFile(configPath, (file) => ts.sys.readFile(file)) as { config: unknown };
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, fixturesDir);
  const options = { ...parsed.options, moduleDetection: ts.ModuleDetectionKind.Force };
  const virtual = new Map(
    texts.map(({ filename, text }, index) => [
      path.join(fixturesDir, `__typed_suggestion_${index}${path.extname(filename)}`),
      text,
    ]),
  );
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const readFile = host.readFile.bind(host);
  host.fileExists = (file) => virtual.has(file) || fileExists(file);
  host.readFile = (file) => virtual.get(file) ?? readFile(file);
  host.getSourceFile = (file, languageVersion, ...rest) => {
    const text = virtual.get(file);
    return text === undefined
      ? getSourceFile(file, languageVersion, ...rest)
      : ts.createSourceFile(file, text, languageVersion, true);
  };
  const program = ts.createProgram({ rootNames: [...parsed.fileNames, ...virtual.keys()], options, host });
  return [...virtual.keys()].map((file) => {
    const source = program.getSourceFile(file);
    if (!source) throw new Error(`${file} is not in the program`);
    try {
      return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map(
        diagnosticText,
      );
    } catch (error) {
      // TypeScript's own checker overflows on some self-referential generics (typescript-eslint#11947): such a
      // text counts as one error, so a suggestion compiles "as well as" an original that overflows too.
      if (error instanceof RangeError) return [OVERFLOW];
      throw error;
    }
  });
}

// The checker offers "Did you mean …?" for only so many names per program: compare without it.
const withoutSpelling = new Map([
  [2552, 2304],
  [2551, 2339],
]);

function diagnosticText(diagnostic: ts.Diagnostic): string {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
  const plain = withoutSpelling.get(diagnostic.code);
  return plain ? `TS${plain}: ${message.replace(/ Did you mean .*$/u, '')}` : `TS${diagnostic.code}: ${message}`;
}

// noImplicitAny: a case whose own code has untyped parameters gets more of them from any rewrite.
const implicitAny = /^TS70(05|06|31|34):/u;

/** The errors of `after` that `before` does not have (as a multiset). */
function newErrors(before: string[], after: string[]): string[] {
  const left = [...before];
  const untypedCase = before.some((error) => implicitAny.test(error));
  return after.filter((error) => {
    const index = left.indexOf(error);
    if (index !== -1) {
      left.splice(index, 1);
      return false;
    }
    return !(untypedCase && implicitAny.test(error));
  });
}

/**
 * Suggestions known not to type-check, by rule and messageId, with the reason: each must be in this
 * list and still fail, so the list cannot go stale.
 */
const knownFailures: { rule: string; messageId: string; code: string; reason: string }[] = [];

describe('the type check itself', () => {
  it('rejects the promisify(scrypt) suggestion of issue 15 (the promisified result is unknown)', () => {
    const code =
      "import { scryptSync } from 'node:crypto';\nexport async function key(password: string, salt: string): Promise<Buffer> {\n  return scryptSync(password, salt, 64);\n}\n";
    const output =
      "import { scrypt } from 'node:crypto';\nimport { promisify } from 'node:util';\nexport async function key(password: string, salt: string): Promise<Buffer> {\n  return await promisify(scrypt)(password, salt, 64);\n}\n";
    const [before = [], after = []] = compilerErrors([
      { filename: 'file.ts', text: code },
      { filename: 'file.ts', text: output },
    ]);
    expect(before).toEqual([]);
    expect(newErrors(before, after)).toEqual([expect.stringMatching(/^TS2322: Type 'unknown' is not assignable/u)]);
  });

  it('counts only errors the original does not have', () => {
    expect(newErrors(["TS2304: Cannot find name 'x'."], ["TS2304: Cannot find name 'x'."])).toEqual([]);
    expect(newErrors([], ["TS2304: Cannot find name 'x'."])).toEqual(["TS2304: Cannot find name 'x'."]);
  });
});

describe('suggestions of the typed fixture cases type-check', async () => {
  for (const file of ruleTestFiles) await import(path.join(rulesDir, file));
  const candidates: Candidate[] = [];
  for (const { name, cases } of collected)
    for (const testCase of cases.invalid) {
      const filename = testCase.filename ?? 'file.ts';
      if (testCase.mode === 'untyped' || !/\.[cm]?tsx?$/u.test(filename)) continue;
      for (const error of testCase.errors)
        for (const suggestion of error.suggestions ?? [])
          candidates.push({
            rule: name,
            filename,
            code: testCase.code,
            messageId: String(suggestion.messageId),
            output: suggestion.output,
          });
    }

  it('finds the rule tests and their typed suggestions', () => {
    // At least one runRuleTests call per test file (a file may hold several; a rule may have several files).
    expect(collected.length).toBeGreaterThanOrEqual(ruleTestFiles.length);
    expect([...new Set(collected.map((c) => c.name))].sort()).toEqual([
      'no-blocking-in-async',
      'no-floating-promise',
      'no-nested-event-loop',
      'prefer-promise-all',
    ]);
    expect(candidates.length).toBeGreaterThan(50);
  });

  it('every suggestion compiles as well as the code it changes', () => {
    const started = performance.now();
    const originals = [...new Map(candidates.map((c) => [`${c.filename}\0${c.code}`, c])).values()];
    const errors = compilerErrors([
      ...originals.map((c) => ({ filename: c.filename, text: c.code })),
      ...candidates.map((c) => ({ filename: c.filename, text: c.output })),
    ]);
    // Only the self-referential generic case of no-floating-promise (its original and two suggestions) overflows.
    expect(errors.filter((list) => list.includes(OVERFLOW))).toHaveLength(3);
    const baseline = new Map(originals.map((c, index) => [`${c.filename}\0${c.code}`, errors[index] ?? []]));
    const failures = candidates
      .map((candidate, index) => ({
        ...candidate,
        errors: newErrors(
          baseline.get(`${candidate.filename}\0${candidate.code}`) ?? [],
          errors[originals.length + index] ?? [],
        ),
      }))
      .filter((failure) => failure.errors.length > 0);
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `type-checked ${candidates.length} suggestions of ${originals.length} typed cases in ${seconds.toFixed(1)}s; ${failures.length} add a compiler error`,
    );
    const unexpected = failures.filter(
      (f) => !knownFailures.some((k) => k.rule === f.rule && k.messageId === f.messageId && k.code === f.code),
    );
    expect(
      unexpected.map(
        (f) => `${f.rule} ${f.messageId}:\n${f.code}\n--- becomes ---\n${f.output}\n${f.errors.join('\n')}`,
      ),
    ).toEqual([]);
    const fixed = knownFailures.filter(
      (k) => !failures.some((f) => k.rule === f.rule && k.messageId === f.messageId && k.code === f.code),
    );
    expect(fixed.map((k) => `${k.rule} ${k.messageId} now type-checks: remove it from knownFailures`)).toEqual([]);
  });
});
