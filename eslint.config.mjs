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

// Each layer, the import paths it may not use, and why. Dynamic import() is checked too (no-restricted-syntax),
// since a lazily loaded chunk crosses the boundary as surely as a static import.
const LAYERS = [
  { files: ['src/core/**/*.ts'], banned: ['excel', 'cli', 'taskpane', 'commands', 'wps'], packages: ['exceljs', 'react', 'react-dom', 'fs', 'path', 'os', 'child_process'], why: 'src/core is the pure engine: it imports nothing outside src/core' },
  { files: ['src/cli/**/*.ts'], banned: ['excel', 'taskpane', 'wps'], packages: [], why: 'the CLI and the Office front doors never import each other: shared logic belongs in src/core' },
  { files: ['src/excel/**/*.ts'], banned: ['cli', 'wps'], packages: [], why: 'the Office adapter and the other front doors never import each other: shared logic belongs in src/core (renderers in src/report)' },
  { files: ['src/wps/**/*.{ts,tsx}'], banned: ['cli', 'commands'], packages: [], why: 'the WPS front door never imports the CLI or the Office ribbon: shared logic belongs in src/core (renderers in src/report)' },
];
const layerRules = LAYERS.map(({ files, banned, packages, why }) => {
  const paths = banned.map((d) => `**/${d}/**`);
  const source = `/(^|\\/)(${banned.join('|')})\\//`;
  return {
    files,
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: paths, message: why }], paths: packages.map((name) => ({ name, message: why })) }],
      'no-restricted-syntax': ['error', { selector: `ImportExpression[source.value=${source}]`, message: why }],
    },
  };
});

export default tseslint.config(
  // Build output anywhere (the demo has its own dist/), dependencies and reports are not linted.
  { ignores: ['**/dist/', 'dist-wps/', 'lib/', '**/node_modules/', 'coverage/', 'test-results/'] },
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
  // Layer boundaries (DESIGN.md): core imports nothing outside core; the front doors never import each other.
  ...layerRules,
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
