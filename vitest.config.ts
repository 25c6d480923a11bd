import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/fixtures/**', 'node_modules/**'],
    // Typed rule tests build TypeScript programs; the 2-core CI machine needs generous limits.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
