import { defineConfig } from 'vitest/config';

/** Packing and installing from the registry is the slow part: `npm run test:integration`, which .ci/run runs too. */
export const integrationTests = ['tests/integration/pack.test.ts'];

export const testOptions = {
  // Typed rule tests build TypeScript programs; the 2-core CI machine needs generous limits.
  testTimeout: 60_000,
  hookTimeout: 120_000,
  pool: 'forks',
} as const;

export default defineConfig({
  test: {
    ...testOptions,
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/fixtures/**', 'node_modules/**', ...integrationTests],
  },
});
