// The suites StrykerJS runs against each mutant of apps/verify/src and libs/outbox (`npm run mutate`): their unit
// specs and the outbox's integration spec (real Postgres and JetStream); with MUTATE_INTEGRATION=1 verify's
// integration specs too (each run then boots Nest on Postgres, Redis and NATS: several times slower). Never the
// end-to-end suites.
import base from './jest.config.js';

const [unit] = base.projects;

export default {
  ...unit,
  displayName: 'mutate',
  testTimeout: base.testTimeout,
  testMatch: [
    '<rootDir>/apps/verify/**/*.spec.ts',
    '<rootDir>/libs/outbox/**/*.spec.ts',
    '<rootDir>/libs/outbox/**/*.integration-spec.ts',
    ...(process.env.MUTATE_INTEGRATION ? ['<rootDir>/apps/verify/test/*.integration-spec.ts'] : []),
  ],
  // Not the base's list: Stryker runs the suites from its sandbox under .stryker-tmp/.
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};
