import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/global-setup.ts'],
    // The CLI tests start the built program; give slow CI machines room.
    testTimeout: 20_000,
  },
});
