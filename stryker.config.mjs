// Mutation testing of verify and the outbox (`npm run mutate`, not part of `npm test`): tools/mutate.mjs prepares
// the database and takes the lock first. Two workers at most: the machine has two cores and shares them.
export default {
  packageManager: 'npm',
  testRunner: 'jest',
  testRunnerNodeArgs: ['--experimental-vm-modules'],
  jest: { projectType: 'custom', configFile: 'jest.mutate.config.js', enableFindRelatedTests: false },
  checkers: [],
  coverageAnalysis: 'perTest',
  // Mutants of module-level constants would need every spec re-run per mutant (70 % of the time for a handful).
  ignoreStatic: true,
  concurrency: 2,
  timeoutMS: 15_000,
  mutate: [
    'apps/verify/src/**/*.ts',
    'libs/outbox/src/**/*.ts',
    '!**/*.spec.ts',
    '!**/*.integration-spec.ts',
    '!**/main.ts',
    '!**/main.worker.ts',
    '!**/index.ts',
    '!apps/verify/src/database/**',
  ],
  ignorePatterns: ['dist', 'coverage', 'reports', '.signet', '.nx'],
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 80, low: 60, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
