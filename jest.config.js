/** Two projects: `unit` (core, plugin layer against the stand-in, CLI) and `browser` (built main.js in Chromium). */
const shared = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  moduleNameMapper: { '^obsidian$': '<rootDir>/test/stand-in/obsidian.ts' },
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
};
module.exports = {
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/test/{core,plugin,cli,docs}/**/*.test.ts'], setupFiles: ['<rootDir>/test/text-codec-setup.ts'] },
    {
      ...shared,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/browser/setup.ts'],
    },
  ],
};
