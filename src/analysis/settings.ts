/**
 * The plugin's shared settings, `settings['event-loop']` in the ESLint config: one reader for every
 * analysis module that a setting steers.
 */
import { type AnyContext } from './scope.js';

export interface PluginSettings {
  /** False turns cross-file analysis off. Default true. */
  readonly crossFile?: boolean;
  /** The tsconfig.json whose `paths` and `baseUrl` resolve imports, relative to the working directory. */
  readonly tsconfig?: string;
  /** Where the linted files run, when the configured globals do not tell: `browser` or `node`. */
  readonly environment?: 'browser' | 'node';
}

/** `settings['event-loop']`, or no settings. */
export function getPluginSettings(context: AnyContext): PluginSettings {
  const settings = (context.settings as Record<string, unknown> | undefined)?.['event-loop'];
  return typeof settings === 'object' && settings !== null ? settings : {};
}
