import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const shared = {
  environment: 'node',
  // The CLI tests start the built program; give slow CI machines room.
  testTimeout: 20_000,
  // The tests assert English words: whatever locale the machine running them has, the program is started
  // in the C locale, UTF-8 (Wine converts paths by it; the tests of choosing a language set their own).
  env: { LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '', LANGUAGE: '' },
};

export default defineConfig({
  plugins: [react()],
  test: {
    globalSetup: ['tests/global-setup.ts'],
    projects: [
      {
        extends: true,
        // Two files at a time on two cores: much of a CLI test is waiting for the program it started.
        test: {
          ...shared,
          name: 'tests',
          include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
          exclude: ['tests/wine/**'],
          maxWorkers: 2,
        },
      },
      {
        extends: true,
        // The Wine tier last and alone: Wine's tools answer within their timeouts only on a machine it has to itself.
        test: { ...shared, name: 'wine', include: ['tests/wine/**/*.test.ts'], maxWorkers: 1, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
