import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: ['dist/', 'dist-firefox/', 'node_modules/', 'test-results/', 'public-list/', '.keys/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Never insert HTML; build DOM or use Preact.' },
        { property: 'outerHTML', message: 'Never insert HTML; build DOM or use Preact.' },
      ],
    },
  },
  {
    // shared/ is the pure engine: it runs unchanged in Node, scripts and the extension.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'webextension-polyfill',
            'idb',
            '../extension/*',
            '../../extension/*',
            'node:*',
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'chrome',
        'browser',
        'fetch',
        'document',
        'window',
        'indexedDB',
      ],
    },
  },
  {
    // UI code talks to the background only through messages, never imports it.
    files: [
      'extension/popup/**',
      'extension/warning/**',
      'extension/options/**',
      'extension/ui/**',
    ],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['../background/*', '../../background/*'] }],
    },
  },
);
