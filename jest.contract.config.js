/** Jest: the check of the API tests' recorded exchanges against the OpenAPI document (run by `npm test` after the unit run). */
const base = require('./jest.config.js');

module.exports = {
  ...base,
  testMatch: ['**/tests/contract/**/*.check.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
};
