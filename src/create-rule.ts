import { applyDefault, RuleCreator } from '@typescript-eslint/utils/eslint-utils';

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

const createNamedRule = RuleCreator<EventLoopRuleDocs>((name) => `${REPOSITORY_URL}/blob/main/rules-docs/${name}.md`);

/**
 * `RuleCreator`, with the options merged into the defaults once per options object rather than once per
 * file: ESLint hands every file of one configuration the same options object, and the creator's
 * `structuredClone` of the defaults was most of a small file's rule time in `create`. Rules read their
 * options and never write them, so files may share the merged object.
 */
export const createRule: typeof createNamedRule = (spec) => {
  const rule = createNamedRule(spec);
  type Options = Parameters<typeof spec.create>[1];
  const defaults = (spec.meta.defaultOptions ?? []) as Options;
  const merged = new WeakMap<object, Options>();
  let withoutOptions: Options | undefined;
  return {
    ...rule,
    create(context) {
      const given = context.options;
      if (given.length === 0) return spec.create(context, (withoutOptions ??= applyDefault(defaults, given)));
      const key = given.length === 1 && typeof given[0] === 'object' && given[0] !== null ? given[0] : undefined;
      if (key === undefined) return spec.create(context, applyDefault(defaults, given));
      let options = merged.get(key);
      if (!options) {
        options = applyDefault(defaults, given);
        merged.set(key, options);
      }
      return spec.create(context, options);
    },
  };
};
