import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    // e2e/react-page/app is copied out and type-checked against the packed package by its own test.
    ignores: ['**/node_modules/', '**/dist/', 'storybook-static/', 'test-results/', 'playwright-report/', '.reports/', '.cache/', 'dist-types/', '**/custom-elements.json', 'e2e/react-page/app/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['widgets/**/*.ts', 'demo/**/*.ts', 'storybook/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['widgets/**/*.ts'],
    ...wc.configs['flat/recommended'],
    settings: { wc: { elementBaseClasses: ['LitElement', 'WidgetElement'] } },
  },
  {
    // The bench prints its tables.
    files: ['scripts/bench/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    // node:test's describe/it return promises the runner itself awaits.
    files: ['host-adapter/backend/test/**/*.ts', 'e2e/backend/**/*.ts'],
    rules: { '@typescript-eslint/no-floating-promises': 'off' },
  },
  {
    // Files the adopter test copies into a Backstage app, written the way Backstage's own examples are.
    files: ['scripts/adopter/files/**/*.ts'],
    rules: { '@typescript-eslint/require-await': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['scripts/**/*.mjs', 'scripts/**/*.js', '**/scripts/**/*.mjs', 'e2e/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: { 'no-console': 'off' },
  },
  {
    files: ['scripts/adopter/*.mjs'],
    languageOptions: { globals: { Buffer: 'readonly', setTimeout: 'readonly', fetch: 'readonly' } },
  },
);
