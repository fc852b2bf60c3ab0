// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import local from './tools/eslint/layer-imports.js';

const root = import.meta.dirname;

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'test-results/', 'test-artifacts/', 'playwright-report/', '.kiosk-data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['eslint.config.js', 'tools/eslint/*.js'],
        },
        tsconfigRootDir: root,
      },
    },
    plugins: { local },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'local/layer-imports': ['error', { root }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // A disable comment must say why: `// eslint-disable-next-line rule -- reason`.
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.name="setTimeout"][arguments.length=1]',
          message: 'setTimeout needs an explicit delay',
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'platform/console/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // expect.any()/expect.stringMatching() are typed `any` by vitest and Playwright.
    files: ['**/*.test.{ts,tsx}', 'tests/**/*.ts'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  {
    files: [
      '**/*.js',
      'scripts/**/*.ts',
      'tests/**/*.ts',
      'platform/**/*.ts',
      'core/**/*.ts',
      'electron/**/*.ts',
      'kiosk-config/**/*.ts',
      'drivers/**/*.ts',
    ],
    languageOptions: { globals: globals.node },
  },
);
