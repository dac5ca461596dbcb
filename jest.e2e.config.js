/** Jest: end-to-end tests, the built client (dist/client) and the real API in a real Chromium. Build first. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests/e2e'],
  testMatch: ['**/*.e2e.test.ts'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  moduleNameMapper: require('./jest.config.js').moduleNameMapper, // the client's @model alias
  testTimeout: 60000,
  maxWorkers: 1,
};
