/** Jest: tests against a real Neo4j (*.int.test.ts). The global set-up starts one unless NEO4J_URI is set. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.int.test.ts'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  moduleNameMapper: require('./jest.config.js').moduleNameMapper, // the client's @model alias
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
  // One Community database: test files take turns.
  maxWorkers: 1,
  testTimeout: 120000,
};
