/** Jest: unit, model, API and SQLite store tests (TypeScript through ts-jest), in parallel. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  // Neo4j tests (*.int.test.ts) run in band against one database (jest.int.config.js); browser
  // tests have their own configuration (jest.e2e.config.js) and need a built client.
  testPathIgnorePatterns: ['/node_modules/', '\\.int\\.test\\.ts$', '/tests/e2e/'],
  // Records the exchanges the API tests make when OPENAPI_RECORD_DIR is set (`npm test`), for tests/contract.
  setupFiles: ['<rootDir>/tests/support/exchange-recorder.ts'],
  // The client's alias for the shared model (tsconfig.json paths, vite.config.mts).
  moduleNameMapper: { '^@model$': '<rootDir>/server/model/index.ts', '^@model/(.*)$': '<rootDir>/server/model/$1' },
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testTimeout: 30000,
};
