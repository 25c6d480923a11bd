import { RuleCreator } from '@typescript-eslint/utils/eslint-utils';

export const REPOSITORY_URL = 'https://github.com/eslint-plugin-event-loop/eslint-plugin-event-loop';

/** Extra `meta.docs` fields every rule of this plugin declares; configs are computed from them. */
export interface EventLoopRuleDocs {
  description: string;
  /** In the `recommended` config (and so in `strict` and `all`). */
  recommended: boolean;
  /** Options the `strict` config sets; a rule with `strict` but not `recommended` is on only in `strict`/`all`. */
  strict?: boolean | { options: readonly unknown[] };
  /** Always false: every rule works without type information and is sharper with it. */
  requiresTypeChecking: false;
}

export const createRule = RuleCreator<EventLoopRuleDocs>((name) => `${REPOSITORY_URL}/blob/main/rules-docs/${name}.md`);
