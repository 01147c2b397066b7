import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    environment: 'node',
    globalSetup: ['tests/global-setup.ts'],
    // The CLI tests start the built program; give slow CI machines room.
    testTimeout: 20_000,
    // Two files at a time on two cores: much of a CLI test is waiting for the program it started.
    maxWorkers: 2,
    // The tests assert English words: whatever locale the machine running them has, the program is started
    // in the C locale, UTF-8 (Wine converts paths by it; the tests of choosing a language set their own).
    env: { LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '', LANGUAGE: '' },
  },
});
