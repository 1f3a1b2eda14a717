/** Tests run offline against the local sandbox (127.0.0.1). Type checking is `npm run typecheck`. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { isolatedModules: true }] },
  // openapi-backend (sandbox) requires json-schema-ref-parser 16, which ships only ES modules; the hoisted v14 is
  // CommonJS with the same API for what openapi-backend uses.
  moduleNameMapper: {
    "^@apidevtools/json-schema-ref-parser$": "<rootDir>/node_modules/@apidevtools/json-schema-ref-parser/dist/lib/index.js",
  },
  testTimeout: 30000,
  maxWorkers: 2,
};
