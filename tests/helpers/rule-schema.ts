/** Reads a rule's `meta.schema`: its option names, and every property that lacks a `description`. */

/** The parts of a JSON schema these checks walk; anything else is ignored. */
interface SchemaNode {
  type?: unknown;
  description?: unknown;
  properties?: Record<string, unknown>;
  patternProperties?: Record<string, unknown>;
  definitions?: Record<string, unknown>;
  $defs?: Record<string, unknown>;
  items?: unknown;
  additionalProperties?: unknown;
  anyOf?: unknown;
  oneOf?: unknown;
  allOf?: unknown;
}

function isSchemaNode(value: unknown): value is SchemaNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function topLevelSchemas(schema: unknown): SchemaNode[] {
  if (Array.isArray(schema)) return schema.filter(isSchemaNode);
  if (!isSchemaNode(schema)) return [];
  // A non-array schema describes the whole options array.
  if (schema.type === 'array' && Array.isArray(schema.items)) return schema.items.filter(isSchemaNode);
  if (schema.type === 'array' && isSchemaNode(schema.items)) return [schema.items];
  return [schema];
}

/** Names of the properties of the rule's object options (`checkAllFunctions`, …). */
export function optionNames(schema: unknown): string[] {
  return topLevelSchemas(schema).flatMap((option) => Object.keys(option.properties ?? {}));
}

const nestedSchemaMaps = ['properties', 'patternProperties', 'definitions', '$defs'] as const;
const nestedSchemaLists = ['anyOf', 'oneOf', 'allOf', 'items'] as const;

/** Paths (`[0].properties.checkAllFunctions`) of every named property without a non-empty `description`. */
export function propertiesWithoutDescription(schema: unknown): string[] {
  const missing: string[] = [];
  const visit = (node: unknown, where: string): void => {
    if (!isSchemaNode(node)) return;
    for (const [name, property] of Object.entries(node.properties ?? {})) {
      const description = isSchemaNode(property) ? property.description : undefined;
      if (typeof description !== 'string' || description.trim() === '') missing.push(`${where}.properties.${name}`);
    }
    for (const key of nestedSchemaMaps) {
      for (const [name, child] of Object.entries(node[key] ?? {})) visit(child, `${where}.${key}.${name}`);
    }
    for (const key of nestedSchemaLists) {
      const children: unknown = node[key];
      if (Array.isArray(children))
        children.forEach((child: unknown, index) => visit(child, `${where}.${key}[${index}]`));
      else visit(children, `${where}.${key}`);
    }
    visit(node.additionalProperties, `${where}.additionalProperties`);
  };
  topLevelSchemas(schema).forEach((option, index) => visit(option, `[${index}]`));
  return missing;
}
