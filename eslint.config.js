// Lint rules, including the one-way import layering of STYLE.md:
// renderer -> (types of) main/ipc/contract; main/electron -> main/core; main/core -> nothing of ours above it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const electronOnly = {
  name: 'electron',
  message: 'Only main/electron, main/index.ts and main/preload.ts may import electron.',
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.tools/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnly],
          patterns: [
            {
              group: ['**/ipc/*', '**/electron/*', '**/cli/*', '**/renderer/*', '**/preload*', '**/test/*'],
              message: 'main/core imports nothing of ours above it.',
            },
          ],
        },
      ],
    },
  },
  {
    // main/shared: pure code both the renderer and main compile, so it may import nothing (no Node, no DOM, nothing of ours).
    files: ['main/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnly],
          patterns: [
            {
              regex: '^(?!\\./[\\w.-]+$)',
              message: 'main/shared imports nothing but main/shared: the renderer and main both compile it.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['main/ipc/**/*.ts', 'main/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnly],
          patterns: [
            { group: ['**/electron/*', '**/renderer/*', '**/test/*'], message: 'ipc and cli build on core only.' },
          ],
        },
      ],
    },
  },
  {
    // The contract is type-checked by the renderer's project too, so it names only what main/shared declares (pure
    // code): a shape the core and the window share is declared there once, never copied here.
    files: ['main/ipc/contract.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!\\.\\./shared/[\\w.-]+\\.ts$)',
              message: 'main/ipc/contract.ts imports only from main/shared: the renderer type-checks it.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['main/electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/cli/*', '**/renderer/*', '**/test/*'],
              message: 'main/electron builds on core and ipc only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            electronOnly,
            {
              name: '../main/ipc/contract.ts',
              allowTypeImports: true,
              message:
                'The renderer may import only the types of main/ipc/contract.ts; it talks to main through window.api.',
            },
          ],
          patterns: [
            {
              regex: '(^|/)main/(?!shared/[\\w.-]+\\.ts$|ipc/contract\\.ts$)',
              message:
                'The renderer talks only to window.api; it may import only the types of main/ipc/contract.ts, and main/shared.',
            },
            { group: ['node:*'], message: 'The renderer cannot use Node.' },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
