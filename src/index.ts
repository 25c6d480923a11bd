import { createRequire } from 'node:module';

import type { TSESLint } from '@typescript-eslint/utils';
import type { ESLint, Linter } from 'eslint';

import { computeConfigRules, type ConfigName } from './configs.js';
import { rules } from './rules/index.js';

const packageJson = createRequire(import.meta.url)('../package.json') as { name: string; version: string };

const namespace = 'event-loop';

/** ESLint's own config type, so `defineConfig([eventLoop.configs.recommended])` and `Linter.Config` annotations compile. */
type EventLoopConfig = Linter.Config & Required<Pick<Linter.Config, 'name' | 'plugins' | 'rules'>>;

const plugin = {
  meta: { name: packageJson.name, version: packageJson.version, namespace },
  rules: rules as unknown as Record<string, TSESLint.LooseRuleDefinition>,
  configs: {} as Record<ConfigName, EventLoopConfig>,
};

for (const config of ['recommended', 'strict', 'all'] as const) {
  plugin.configs[config] = {
    name: `${namespace}/${config}`,
    // typescript-eslint's rule type and ESLint's describe the same objects but do not assign to each other.
    plugins: { [namespace]: plugin as unknown as ESLint.Plugin },
    rules: computeConfigRules(rules, namespace, config),
  };
}

export { plugin as default, plugin as 'module.exports' };
