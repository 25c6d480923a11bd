/**
 * The plugin under test and the flat configs the bench compares. Every configuration uses
 * `@typescript-eslint/parser` for every file (JS and TS alike), so the only difference between
 * two configurations is the rules and whether type information is on.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import nPlugin from 'eslint-plugin-n';
import globals from 'globals';
import tseslint from 'typescript-eslint';

import { repoDir } from './corpora.js';

export const defaultPluginPath = path.join(repoDir, 'dist', 'index.js');

/**
 * The built plugin (`dist/index.js`), or another build given by `--plugin` / `BENCH_PLUGIN`.
 * @returns {Promise<Plugin>}
 */
export async function loadPlugin(pluginPath = process.env.BENCH_PLUGIN || defaultPluginPath) {
  const module = await import(pathToFileURL(path.resolve(pluginPath)).href);
  const plugin = module.default ?? module;
  if (!plugin || typeof plugin.rules !== 'object') throw new Error(`${pluginPath} does not export an ESLint plugin`);
  return plugin;
}

/**
 * @typedef {import('eslint').ESLint.Plugin & { rules: Record<string, import('eslint').Rule.RuleModule> }} Plugin
 */

/** @param {Plugin} plugin */
export function pluginNamespace(plugin) {
  return plugin.meta?.namespace ?? 'event-loop';
}

/**
 * Every rule of the plugin at `error`, with the options the `strict` config gives it (rules that
 * `strict` leaves out run with their defaults), so the bench follows whatever rules exist.
 * @param {Plugin} plugin
 */
export function ourRules(plugin) {
  const namespace = pluginNamespace(plugin);
  const strictConfig = /** @type {import('eslint').Linter.Config | undefined} */ (plugin.configs?.strict);
  const strict = strictConfig?.rules ?? {};
  /** @type {import('eslint').Linter.RulesRecord} */
  const rules = {};
  for (const name of Object.keys(plugin.rules).sort()) {
    const id = `${namespace}/${name}`;
    const entry = strict[id];
    rules[id] = Array.isArray(entry) ? ['error', ...entry.slice(1)] : 'error';
  }
  return rules;
}

export const anchorRules = {
  D: { 'n/no-sync': 'error', 'no-await-in-loop': 'error' },
  E: { '@typescript-eslint/no-floating-promises': 'error', '@typescript-eslint/no-misused-promises': 'error' },
};

/**
 * typescript-eslint's parser without its ESTree↔TS node maps when there is no program. Only for D:
 * eslint-plugin-n (18.5.0) `no-sync` takes the maps as a sign of type information and throws "You
 * have used a rule which requires type information" on the first `*Sync` call in a file parsed
 * without a program. Parsing is unchanged; rules that check `program` see no difference.
 */
const parserForEslintPluginN = {
  meta: { name: 'typescript-eslint/parser (no node maps without a program)' },
  /**
   * @param {string} code
   * @param {import('@typescript-eslint/parser').ParserOptions} options
   */
  parseForESLint(code, options) {
    // `CompatibleParser` types only `parse`; at run time this is @typescript-eslint/parser.
    const result = /** @type {typeof import('@typescript-eslint/parser')} */ (
      /** @type {unknown} */ (tseslint.parser)
    ).parseForESLint(code, options);
    if (result.services?.program) return result;
    return {
      ...result,
      services: { ...result.services, esTreeNodeToTSNodeMap: undefined, tsNodeToESTreeNodeMap: undefined },
    };
  },
};

/** @type {Record<string, { title: string, typed: boolean }>} */
export const configurations = {
  A: { title: '@typescript-eslint/parser, no rules', typed: false },
  B: { title: 'our rules, no type information', typed: false },
  B0: {
    title: "our rules, no type information, cross-file analysis off (`settings['event-loop'].crossFile: false`)",
    typed: false,
  },
  C: { title: 'our rules, projectService', typed: true },
  D: { title: 'anchors without types: n/no-sync, no-await-in-loop', typed: false },
  E: { title: 'anchors with types: no-floating-promises, no-misused-promises', typed: true },
};

/**
 * The flat config for one configuration on one corpus copied to `dir`.
 * @param {string} name
 * @param {{ plugin: Plugin, dir: string, sourceType: 'module' | 'commonjs' | 'script' }} options
 * @returns {import('eslint').Linter.Config[]}
 */
export function buildConfig(name, { plugin, dir, sourceType }) {
  const configuration = configurations[name];
  if (!configuration) throw new Error(`unknown configuration "${name}"`);
  const namespace = pluginNamespace(plugin);
  /** @type {Record<string, any>} */
  const plugins = {};
  let rules = {};
  if (name === 'B' || name === 'B0' || name === 'C') {
    plugins[namespace] = plugin;
    rules = ourRules(plugin);
  } else if (name === 'D') {
    plugins.n = nPlugin;
    rules = anchorRules.D;
  } else if (name === 'E') {
    plugins['@typescript-eslint'] = tseslint.plugin;
    rules = anchorRules.E;
  }
  return [
    {
      files: ['**/*.{ts,mts,cts,tsx,js,mjs,cjs,jsx}'],
      plugins,
      languageOptions: {
        parser: name === 'D' ? parserForEslintPluginN : tseslint.parser,
        ecmaVersion: 'latest',
        sourceType,
        globals: { ...globals.node },
        parserOptions: configuration.typed ? { projectService: true, tsconfigRootDir: dir } : {},
      },
      // The corpora's own eslint comments would switch rules off (or on) unevenly between configurations.
      linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' },
      // B0: B with the knowledge of other files switched off, so the two rule times show what that knowledge costs.
      ...(name === 'B0' ? { settings: { 'event-loop': { crossFile: false } } } : {}),
      rules,
    },
  ];
}
