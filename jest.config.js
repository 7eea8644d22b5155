/** Three projects: node (core, cli, excel, commands), dom (the pane, jsdom), e2e (built pane in Chromium). */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { warnOnly: false } }];
const shared = {
  transform: { '^.+\\.tsx?$': tsJest },
  moduleNameMapper: { '^office-addin-manifest$': '<rootDir>/tests/stubs/office-addin-manifest.js' },
};

module.exports = {
  // Up to eight sessions share two cores here (load averages near 18): a 5 s default fails tests by time
  // alone. Tests check behaviour; speed is measured in npm run bench. (A global option: projects ignore it.)
  testTimeout: 30_000,
  projects: [
    {
      ...shared,
      displayName: 'node',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/tests/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/e2e/', '<rootDir>/src/taskpane/'],
    },
    {
      ...shared,
      displayName: 'dom',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/src/taskpane/**/*.test.ts?(x)'],
      setupFilesAfterEnv: ['<rootDir>/tests/setup-dom.ts'],
    },
    {
      ...shared,
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/e2e/**/*.e2e.ts'],
    },
  ],
};
