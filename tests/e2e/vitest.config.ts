import { defineConfig } from 'vitest/config';

// Browser tests: the built extension in real Chromium, one file at a time (one browser at
// a time fits a 2-core machine and keeps timings honest).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 90_000,
    retry: 0,
  },
});
