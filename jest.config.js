// ESM throughout (NestJS 12 ships only ESM): SWC compiles TypeScript with the same .swcrc as the build.
// Three projects, selected by `node tools/test.mjs --unit | --integration | --e2e`: unit specs need nothing
// running, integration specs use the real local Postgres/Redis/NATS, and the end-to-end suites share one stack
// booted once per run by the e2e project's global setup (e2e/support/global-setup.mjs).
const shared = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  moduleNameMapper: {
    '^@signet/(.*)$': '<rootDir>/libs/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.stryker-tmp/'],
};

export default {
  testTimeout: 30_000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts', '<rootDir>/tools/*.spec.ts'] },
    { ...shared, displayName: 'integration', testMatch: ['<rootDir>/{apps,libs}/**/*.integration-spec.ts', '<rootDir>/tools/*.integration-spec.ts'] },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/e2e/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/e2e/support/global-setup.mjs',
      globalTeardown: '<rootDir>/e2e/support/global-teardown.mjs',
    },
    // Runs last, on its own (tools/test.mjs): what every earlier suite and process logged holds no secret.
    { ...shared, displayName: 'after', testMatch: ['<rootDir>/e2e/*.after-spec.ts'] },
  ],
};
