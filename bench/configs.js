/**
 * The plugin under test and the flat configs the bench compares. Every configuration uses
 * `@typescript-eslint/parser` for every file (JS and TS alike), so the only difference between
 * two configurations is the rules and whether type information is on.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import globals from 'globals';
import nPlugin from 'eslint-plugin-n';
import tseslint from 'typescript-eslint';
import { repoDir } from './corpora.js';

export const defaultPluginPath = path.join(repoDir, 'dist', 'index.js');

/** The built plugin (`dist/index.js`), or another build given by `--plugin` / `BENCH_PLUGIN`. */
export async function loadPlugin(pluginPath = process.env.BENCH_PLUGIN || defaultPluginPath) {
  const module = await import(pathToFileURL(path.resolve(pluginPath)).href);
  const plugin = module.default ?? module;
  if (!plugin || typeof plugin.rules !== 'object') throw new Error(`${pluginPath} does not export an ESLint plugin`);
  return plugin;
}

export function pluginNamespace(plugin) {
  return plugin.meta?.namespace ?? 'event-loop';
}

/**
 * Every rule of the plugin at `error`, with the options the `strict` config gives it (rules that
 * `strict` leaves out run with their defaults), so the bench follows whatever rules exist.
 */
export function ourRules(plugin) {
  const namespace = pluginNamespace(plugin);
  const strict = plugin.configs?.strict?.rules ?? {};
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
  parseForESLint(code, options) {
    const result = tseslint.parser.parseForESLint(code, options);
    if (result.services?.program) return result;
    return {
      ...result,
      services: { ...result.services, esTreeNodeToTSNodeMap: undefined, tsNodeToESTreeNodeMap: undefined },
    };
  },
};

export const configurations = {
  A: { title: '@typescript-eslint/parser, no rules', typed: false },
  B: { title: 'our rules, no type information', typed: false },
  C: { title: 'our rules, projectService', typed: true },
  D: { title: 'anchors without types: n/no-sync, no-await-in-loop', typed: false },
  E: { title: 'anchors with types: no-floating-promises, no-misused-promises', typed: true },
};

/** The flat config for one configuration on one corpus copied to `dir`. */
export function buildConfig(name, { plugin, dir, sourceType }) {
  const configuration = configurations[name];
  if (!configuration) throw new Error(`unknown configuration "${name}"`);
  const namespace = pluginNamespace(plugin);
  const plugins = {};
  let rules = {};
  if (name === 'B' || name === 'C') {
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
      rules,
    },
  ];
}
