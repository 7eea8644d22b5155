// ESLint 9 flat config: typescript-eslint recommended + the Office add-in rules of eslint-plugin-office-addins.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import officeAddins from 'eslint-plugin-office-addins';

// The plugin's own "recommended" preset also turns on Prettier formatting and brings a second copy of the
// @typescript-eslint plugin (flat config refuses two plugins under one name), so only its rules are wired here.
const officeAddinRules = {
  'office-addins/call-sync-after-load': 'error',
  'office-addins/call-sync-before-read': 'error',
  'office-addins/load-object-before-read': 'error',
  'office-addins/no-context-sync-in-loop': 'warn',
  'office-addins/no-empty-load': 'warn',
  'office-addins/no-navigational-load': 'warn',
  'office-addins/no-office-initialize': 'warn',
  'office-addins/test-for-null-using-isNullObject': 'error',
};

// Node globals for the plain-JS build scripts (kept here rather than depending on the `globals` package).
const nodeGlobals = Object.fromEntries(
  ['require', 'module', 'exports', 'process', '__dirname', '__filename', 'console', 'Buffer', 'setTimeout',
    'clearTimeout', 'setInterval', 'clearInterval', 'URL'].map((name) => [name, 'readonly']),
);

export default tseslint.config(
  // Build output anywhere (the demo has its own dist/), dependencies and reports are not linted.
  { ignores: ['**/dist/', 'lib/', '**/node_modules/', 'coverage/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Only where Office.js is used: the rules recognise proxies by shape (getCell, getRange…), so on
    // exceljs code in src/cli and on plain data in src/core they would report false positives.
    files: ['src/excel/**/*.{ts,tsx}', 'src/taskpane/**/*.{ts,tsx}', 'src/commands/**/*.{ts,tsx}'],
    plugins: { 'office-addins': officeAddins },
    rules: officeAddinRules,
  },
  {
    // Build scripts, bin and configs: CommonJS run by Node.
    files: ['**/*.{js,cjs}'],
    languageOptions: { sourceType: 'commonjs', globals: nodeGlobals },
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
    },
  },
  {
    // The pages' inline ES5 loader: a classic browser script (its function is called from the page).
    files: ['src/taskpane/oldWebview.js'],
    languageOptions: { sourceType: 'script', ecmaVersion: 5, globals: { navigator: 'readonly', document: 'readonly' } },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { sourceType: 'module', globals: nodeGlobals },
  },
);
