/** The blocking-API catalogue as a user's `additionalBlockingApis` option extends it. */
import { BLOCKING_APIS, type BlockingApiRow } from './blocking-apis.js';

/** An `additionalBlockingApis` option entry: an export by module and dot-separated path. */
export interface AdditionalBlockingApi {
  module?: string;
  name: string;
  hint?: string;
  asyncTwin?: string;
}

/** Catalogues extended by `additionalBlockingApis`, built once per options array. */
const catalogs = new WeakMap<readonly AdditionalBlockingApi[], readonly BlockingApiRow[]>();

/** The built-in catalogue, extended by the rows of `additionalBlockingApis` when there are any. */
export function blockingCatalogWith(
  additional: readonly AdditionalBlockingApi[] | undefined,
): readonly BlockingApiRow[] {
  if (!additional || additional.length === 0) return BLOCKING_APIS;
  let catalog = catalogs.get(additional);
  if (!catalog) {
    catalog = [...BLOCKING_APIS, ...additional.map(customBlockingRow)];
    catalogs.set(additional, catalog);
  }
  return catalog;
}

/** One `additionalBlockingApis` entry as a catalogue row: a call, with a rename fix when it names an async twin. */
export function customBlockingRow(entry: AdditionalBlockingApi): BlockingApiRow {
  const path = entry.name === 'default' ? [] : entry.name.split('.');
  const twin = entry.asyncTwin;
  return {
    ...(entry.module === undefined ? {} : { module: entry.module }),
    path,
    kind: 'call',
    category: 'custom',
    hint: entry.hint ?? (twin ? `Use \`${twin}()\`.` : 'Use an asynchronous alternative.'),
    ...(twin && path.length > 0
      ? {
          twin: {
            description: `\`${twin}()\``,
            fix: {
              kind: 'rename' as const,
              member: [twin],
              ...(entry.module !== undefined && path.length === 1
                ? { import: { module: entry.module, name: twin } }
                : {}),
            },
          },
        }
      : {}),
  };
}
