/** The plugin object, its rules' metadata and configs, and the built package as users load it. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { type ESLint, Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import { REPOSITORY_URL } from '../src/create-rule.js';
import plugin from '../src/index.js';
import { rules } from '../src/rules/index.js';
import { NAMESPACE, repoRoot } from './helpers/lint-example.js';
import { propertiesWithoutDescription } from './helpers/rule-schema.js';

const packageJson = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
};
const RULE_NAMES = ['no-blocking-in-async', 'no-floating-promise', 'no-nested-event-loop', 'prefer-promise-all'];
const CONFIG_NAMES = ['recommended', 'strict', 'all'] as const;

// What users get: literal, so a change to a rule's `meta.docs` that moves it between configs shows up here.
const STRICT_RULES = {
  'event-loop/no-blocking-in-async': [
    'error',
    { checkLocalHelpers: true, checkMetadataCalls: true, checkSyncByDesignApis: true },
  ],
  'event-loop/no-floating-promise': [
    'error',
    { checkEntryScriptCalls: true, checkEventCallbacks: true, checkNeverRejecting: true },
  ],
  'event-loop/no-nested-event-loop': 'error',
  'event-loop/prefer-promise-all': ['error', { checkUnknownEffects: true, checkUnknownLatency: true }],
};
const CONFIG_RULES: Record<(typeof CONFIG_NAMES)[number], Record<string, unknown>> = {
  recommended: {
    'event-loop/no-blocking-in-async': 'error',
    'event-loop/no-floating-promise': 'error',
    'event-loop/no-nested-event-loop': 'error',
  },
  strict: STRICT_RULES,
  all: STRICT_RULES,
};

describe('plugin', () => {
  it('has meta from package.json and the event-loop namespace', () => {
    expect(plugin.meta).toEqual({ name: packageJson.name, version: packageJson.version, namespace: NAMESPACE });
  });

  it('exports the four rules, in alphabetical order', () => {
    expect(Object.keys(plugin.rules)).toEqual(RULE_NAMES);
  });

  it('exports exactly the recommended, strict and all configs', () => {
    expect(Object.keys(plugin.configs).sort()).toEqual([...CONFIG_NAMES].sort());
  });

  for (const config of CONFIG_NAMES) {
    it(`configs.${config} is named event-loop/${config}, registers the plugin and turns on its rules`, () => {
      const flatConfig = plugin.configs[config];
      expect(flatConfig.name).toBe(`${NAMESPACE}/${config}`);
      expect(flatConfig.plugins).toEqual({ [NAMESPACE]: plugin });
      expect(flatConfig.plugins[NAMESPACE]).toBe(plugin);
      expect(flatConfig.rules).toEqual(CONFIG_RULES[config]);
    });
  }

  it('loads in ESLint as a flat config', () => {
    const linter = new Linter();
    for (const config of CONFIG_NAMES) {
      const flatConfig = plugin.configs[config] as Linter.Config;
      expect(linter.verify('const x = 1;\n', [flatConfig], 'file.js')).toEqual([]);
    }
  });
});

for (const name of RULE_NAMES) {
  const rule = rules[name]!;
  const ruleId = `${NAMESPACE}/${name}`;

  describe(`rule ${name}`, () => {
    it('has a docs page and a test file', () => {
      expect(fs.existsSync(path.join(repoRoot, 'rules-docs', `${name}.md`)), `rules-docs/${name}.md`).toBe(true);
      expect(fs.existsSync(path.join(repoRoot, 'tests/rules', `${name}.test.ts`)), `tests/rules/${name}.test.ts`).toBe(
        true,
      );
    });

    it('has meta.docs with a url to its page, a description and no type-checking requirement', () => {
      const docs = rule.meta.docs;
      expect(docs?.url).toBe(`${REPOSITORY_URL}/blob/main/rules-docs/${name}.md`);
      expect(docs?.description).toEqual(expect.stringMatching(/\S/u));
      expect(docs?.requiresTypeChecking).toBe(false);
      expect(typeof docs?.recommended).toBe('boolean');
    });

    it('has a type and messages', () => {
      expect(['problem', 'suggestion', 'layout']).toContain(rule.meta.type);
      expect(Object.keys(rule.meta.messages).length).toBeGreaterThan(0);
      for (const [messageId, message] of Object.entries(rule.meta.messages)) {
        expect(message, messageId).toEqual(expect.stringMatching(/\S/u));
      }
    });

    it('describes every option schema property', () => {
      expect(propertiesWithoutDescription(rule.meta.schema)).toEqual([]);
    });

    it('rejects an unknown option with a message that names the rule and the option', () => {
      const linter = new Linter();
      const config: Linter.Config = {
        plugins: { [NAMESPACE]: plugin as ESLint.Plugin },
        rules: { [ruleId]: ['error', { notAnOption: true }] },
      };
      expect(() => linter.verify('const x = 1;\n', [config], 'file.js')).toThrow(
        expect.objectContaining({
          message: expect.stringMatching(new RegExp(`${ruleId}[\\s\\S]*notAnOption`, 'u')) as unknown,
        }),
      );
    });
  });
}

describe('built package (dist/)', () => {
  it('is the same plugin through require() and import, resolved by package name', () => {
    expect(fs.existsSync(path.join(repoRoot, 'dist/index.js')), 'dist/index.js is missing: run `npm run build`').toBe(
      true,
    );
    // A separate Node process loads the package the way users do (self-reference through `exports`),
    // outside vitest's module transform.
    const script = `
      import { createRequire } from 'node:module';
      import imported from ${JSON.stringify(packageJson.name)};
      const required = createRequire(import.meta.url)(${JSON.stringify(packageJson.name)});
      console.log(JSON.stringify({
        same: imported === required,
        meta: required.meta,
        rules: Object.keys(required.rules),
        configs: Object.fromEntries(Object.entries(required.configs).map(([name, config]) => [name, {
          name: config.name,
          registersItself: config.plugins[${JSON.stringify(NAMESPACE)}] === required,
          rules: config.rules,
        }])),
      }));
    `;
    const output = execFileSync(process.execPath, ['--input-type=module', '--eval', script], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    const loaded = JSON.parse(output) as {
      same: boolean;
      meta: unknown;
      rules: string[];
      configs: Record<string, { name: string; registersItself: boolean; rules: unknown }>;
    };
    expect(loaded.same).toBe(true);
    expect(loaded.meta).toEqual({ name: packageJson.name, version: packageJson.version, namespace: NAMESPACE });
    expect(loaded.rules, 'dist/ is stale: run `npm run build`').toEqual(RULE_NAMES);
    for (const config of CONFIG_NAMES) {
      expect(loaded.configs[config]).toEqual({
        name: `${NAMESPACE}/${config}`,
        registersItself: true,
        rules: CONFIG_RULES[config],
      });
    }
  });

  it('keeps every message, schema and default option of the sources (the build escapes non-ASCII text)', () => {
    const script = `
      import plugin from ${JSON.stringify(packageJson.name)};
      console.log(JSON.stringify(Object.fromEntries(Object.entries(plugin.rules).map(([name, rule]) =>
        [name, { messages: rule.meta.messages, schema: rule.meta.schema, defaultOptions: rule.meta.defaultOptions ?? rule.defaultOptions }]))));
    `;
    const output = execFileSync(process.execPath, ['--input-type=module', '--eval', script], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    const built = JSON.parse(output) as Record<string, unknown>;
    const sources = Object.fromEntries(
      Object.entries(rules).map(([name, rule]) => [
        name,
        {
          messages: rule.meta.messages,
          schema: rule.meta.schema,
          defaultOptions: (rule.meta as { defaultOptions?: unknown }).defaultOptions ?? rule.defaultOptions,
        },
      ]),
    );
    expect(built).toEqual(JSON.parse(JSON.stringify(sources)));
    expect(JSON.stringify(built)).toContain('’');
  });

  it('loads no parser, type checker or ESLint API until a rule needs one', () => {
    // Every editor start and CLI run pays the plugin's load: `typescript`, the scope manager, ESLint's API and the
    // cross-file parsers load lazily, where a rule needs them (CommonJS packages land in require's cache).
    const script = `
      import Module from 'node:module';
      await import(${JSON.stringify(packageJson.name)});
      const packages = new Set(Object.keys(Module._cache).map((file) => /node_modules\\/((?:@[^/]+\\/)?[^/]+)/.exec(file)?.[1]));
      console.log(JSON.stringify([...packages].filter(Boolean).sort()));
    `;
    const output = execFileSync(process.execPath, ['--input-type=module', '--eval', script], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    const packages = JSON.parse(output) as string[];
    for (const heavy of [
      'eslint',
      'espree',
      'oxc-parser',
      'oxc-resolver',
      'typescript',
      '@typescript-eslint/scope-manager',
      '@typescript-eslint/typescript-estree',
    ]) {
      expect(packages, `${heavy} is loaded with the plugin`).not.toContain(heavy);
    }
  });
});
