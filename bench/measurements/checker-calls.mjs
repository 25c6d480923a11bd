/**
 * How many type-checker calls our rules make with types: lints one corpus with configuration C (our rules,
 * projectService) in this process, with the parser's checker wrapped in a counting proxy, and prints the calls
 * by checker method, by rule (each rule run alone, so the rules' shared per-file caches do not hide a rule's
 * calls), and the rule times. Nothing in the plugin is changed: the count comes from outside.
 *
 *   node bench/measurements/checker-calls.mjs mongodb [--rule no-floating-promise] [--limit N] [--plugin dist/index.js]
 */
import { parseArgs } from 'node:util';

import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

import { buildConfig, loadPlugin, pluginNamespace } from '../configs.js';
import { corpusByName, prepareCorpus } from '../corpora.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    rule: { type: 'string', multiple: true },
    limit: { type: 'string' },
    plugin: { type: 'string' },
  },
});
const corpus = corpusByName(positionals[0] ?? 'mongodb');
const plugin = await loadPlugin(values.plugin);
const namespace = pluginNamespace(plugin);
const { dir, files } = prepareCorpus(corpus, { limit: values.limit ? Number(values.limit) : undefined });

/** @type {Map<string, number>} */
let counts = new Map();
/** @type {WeakMap<object, object>} */
const proxies = new WeakMap();
/** @param {any} checker */
function countingChecker(checker) {
  let proxy = proxies.get(checker);
  if (!proxy) {
    proxy = new Proxy(checker, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver);
        if (typeof value !== 'function' || typeof key !== 'string') return value;
        return (/** @type {unknown[]} */ ...args) => {
          counts.set(key, (counts.get(key) ?? 0) + 1);
          return value.apply(target, args);
        };
      },
    });
    proxies.set(checker, proxy);
  }
  return proxy;
}
/** @type {WeakMap<object, object>} */
const programs = new WeakMap();
/** @param {any} program */
function countingProgram(program) {
  let proxy = programs.get(program);
  if (!proxy) {
    proxy = new Proxy(program, {
      get(target, key, receiver) {
        if (key === 'getTypeChecker') return () => countingChecker(target.getTypeChecker());
        const value = Reflect.get(target, key, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    programs.set(program, proxy);
  }
  return proxy;
}
const parser = /** @type {any} */ (tseslint.parser);
const countingParser = {
  meta: { name: 'typescript-eslint/parser (counting checker calls)' },
  /** @param {string} code @param {any} options */
  parseForESLint(code, options) {
    const result = parser.parseForESLint(code, options);
    if (!result.services?.program) return result;
    return { ...result, services: { ...result.services, program: countingProgram(result.services.program) } };
  },
};

const [base] = buildConfig('C', { plugin, dir, sourceType: corpus.sourceType });
if (!base?.rules || !base.languageOptions) throw new Error('configuration C has no rules');
const ruleIds = Object.keys(base.rules).filter(
  (id) => !values.rule?.length || values.rule.some((name) => `${namespace}/${name}` === id),
);
console.log(`${corpus.name}: ${files.length} files, with types; checker calls by rule (each rule alone):`);
let total = 0;
for (const id of ruleIds) {
  counts = new Map();
  const config = {
    ...base,
    languageOptions: { ...base.languageOptions, parser: countingParser },
    rules: { [id]: base.rules[id] },
  };
  const eslint = new ESLint({
    cwd: dir,
    overrideConfigFile: true,
    overrideConfig: [config],
    stats: true,
    cache: false,
  });
  let ruleMs = 0;
  for (const result of await eslint.lintFiles(files))
    for (const pass of result.stats?.times?.passes ?? []) ruleMs += pass.rules?.[id]?.total ?? 0;
  const calls = [...counts.values()].reduce((a, b) => a + b, 0);
  total += calls;
  const top = [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([name, n]) => `${name} ${n}`)
    .join(', ');
  console.log(`  ${id.padEnd(36)} ${String(calls).padStart(7)} calls, ${ruleMs.toFixed(0).padStart(6)} ms  (${top})`);
}
console.log(`  ${'all'.padEnd(36)} ${String(total).padStart(7)} calls`);
