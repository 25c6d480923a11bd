/**
 * What both sweeps (bench/sweep.js, bench/sweep-typed.js) set up the same way: every rule at its
 * most inclusive options, and the seeded sample.
 */

/** Follows a local `$ref` (`#/definitions/x`, `#/$defs/x`, `#/items/0`) within the rule's schema. */
function resolveSchema(schema, root) {
  let current = schema;
  for (
    let depth = 0;
    current && typeof current.$ref === 'string' && current.$ref.startsWith('#/') && depth < 10;
    depth++
  ) {
    current = current.$ref
      .slice(2)
      .split('/')
      .reduce((node, key) => node?.[key], root);
  }
  return current ?? {};
}

/**
 * The object an option schema accepts with every `check*` boolean and `autofix` on and every
 * `allow*` boolean off (the positive option names: on means more reports, more fixes).
 */
function inclusiveValue(schema, root, defaults) {
  const resolved = resolveSchema(schema, root);
  if (resolved.type !== 'object' || !resolved.properties) return defaults;
  const value = { ...(typeof defaults === 'object' && defaults ? defaults : {}) };
  for (const [key, property] of Object.entries(resolved.properties)) {
    const prop = resolveSchema(property, root);
    if (prop.type === 'boolean') {
      if (/^check[A-Z]/u.test(key) || key === 'autofix') value[key] = true;
      else if (/^allow[A-Z]/u.test(key)) value[key] = false;
    } else if (prop.type === 'object') {
      const nested = inclusiveValue(prop, root, value[key]);
      if (nested !== undefined && Object.keys(nested).length > 0) value[key] = nested;
    }
  }
  return value;
}

export function inclusiveOptions(rule) {
  const schema = rule.meta?.schema;
  if (!schema) return [];
  const items = Array.isArray(schema)
    ? schema
    : Array.isArray(schema.items)
      ? schema.items
      : schema.items
        ? [schema.items]
        : [];
  const defaults = rule.meta?.defaultOptions ?? [];
  const options = [];
  for (const [index, item] of items.entries()) {
    const value = inclusiveValue(item, schema, defaults[index]);
    if (value === undefined) break;
    options.push(value);
  }
  return options;
}

/**
 * Every rule of the plugin as `namespace/name` → its flat-config entry at its most inclusive options.
 * @param {{ rules: Record<string, unknown> }} plugin
 * @param {string} namespace
 * @returns {Record<string, import('eslint').Linter.RuleEntry>}
 */
export function inclusiveRuleEntries(plugin, namespace) {
  return Object.fromEntries(
    Object.keys(plugin.rules)
      .sort()
      .map((name) => {
        const options = inclusiveOptions(plugin.rules[name]);
        return [`${namespace}/${name}`, options.length ? ['error', ...options] : 'error'];
      }),
  );
}

/** mulberry32: a small seeded PRNG, so a sample is the same on every machine. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The first `size` of `items` after a seeded shuffle (Fisher–Yates with mulberry32), or all of them. */
export function seededSample(items, size, seed) {
  if (size === undefined || size >= items.length) return [...items];
  const shuffled = [...items];
  const random = mulberry32(seed);
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  return shuffled.slice(0, size);
}
