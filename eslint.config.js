// Lint: typescript-eslint's recommended rules, plus the house rules that keep the layers apart.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'coverage/**', 'e2e/output/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        TextDecoder: 'readonly',
        performance: 'readonly',
        setTimeout: 'readonly',
        Buffer: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // Tests poke at invalid profiles (any) and look for terminal escape codes (control characters).
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', 'no-control-regex': 'off' },
  },
  {
    // shared/ is pure: no Node, no DOM, no Electron (DESIGN.md, "Layout").
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'electron', 'fs', 'path', 'child_process', 'os'], message: 'shared/ must stay free of Node and Electron.' },
          ],
        },
      ],
    },
  },
  {
    // Only the composition root, the window, the IPC registration and the preload may import electron.
    files: ['electron/**/*.ts'],
    ignores: ['electron/main.ts', 'electron/window.ts', 'electron/ipc.ts', 'electron/preload.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Only main.ts, window.ts, ipc.ts and preload.ts may import electron.' }] },
      ],
    },
  },
  {
    // Child processes only with argument arrays, never through a shell.
    files: ['electron/**/*.ts', 'scripts/**/*.{ts,js}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "Property[key.name='shell'][value.value=true]",
          message: 'Never start a child process through a shell: pass an argument array.',
        },
        { selector: 'CallExpression[callee.name=/^(exec|execSync)$/]', message: 'Use execFile/spawn with an argument array, not exec.' },
      ],
    },
  },
);
