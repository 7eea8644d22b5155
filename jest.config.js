/** Three projects: node (core, cli, excel, commands), dom (the pane, jsdom), e2e (built pane in Chromium). */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { warnOnly: false } }];
const shared = {
  transform: { '^.+\\.tsx?$': tsJest },
  moduleNameMapper: { '^office-addin-manifest$': '<rootDir>/tests/stubs/office-addin-manifest.js' },
};

module.exports = {
  // Generous per-test time: these machines are shared (2 cores, often many processes), and a test that
  // spawns the CLI or renders the pane can take several seconds under load. Speed is the bench's business.
  // Top level on purpose: Jest ignores testTimeout inside a project's config (jestjs/jest#9696).
  testTimeout: 60_000,
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
