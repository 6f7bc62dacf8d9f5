import { defineConfig } from 'vitest/config';

// Unit tests: pure logic in Node, next to the code they test.
export default defineConfig({
  test: {
    include: [
      'shared/**/*.test.ts',
      'extension/**/*.test.ts',
      'scripts/**/*.test.ts',
      'server/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 30_000,
  },
});
