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
    // The tests assert English words: whatever locale the machine running them has, the program is started
    // in the C locale (the tests of choosing a language set their own).
    env: { LANG: 'C', LC_ALL: '', LC_MESSAGES: '', LANGUAGE: '' },
  },
});
