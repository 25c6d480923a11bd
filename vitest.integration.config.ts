import { defineConfig } from 'vitest/config';

import { integrationTests, testOptions } from './vitest.config.js';

/** `npm run test:integration`: the packed plugin installed with npm into fresh projects, linted with the ESLint CLI. */
export default defineConfig({ test: { ...testOptions, include: integrationTests } });
