import { createRequire } from 'node:module';

import type { TSESLint } from '@typescript-eslint/utils';

import { computeConfigRules, type ConfigName } from './configs.js';
import { rules } from './rules/index.js';

const packageJson = createRequire(import.meta.url)('../package.json') as { name: string; version: string };

const namespace = 'event-loop';

interface FlatConfig {
  name: string;
  plugins: Record<string, unknown>;
  rules: Record<string, unknown>;
}

const plugin = {
  meta: { name: packageJson.name, version: packageJson.version, namespace },
  rules: rules as unknown as Record<string, TSESLint.LooseRuleDefinition>,
  configs: {} as Record<ConfigName, FlatConfig>,
};

for (const config of ['recommended', 'strict', 'all'] as const) {
  plugin.configs[config] = {
    name: `${namespace}/${config}`,
    plugins: { [namespace]: plugin },
    rules: computeConfigRules(rules, namespace, config),
  };
}

export { plugin as default, plugin as 'module.exports' };
