/** Tests run offline against the local sandbox (127.0.0.1). Type checking is `npm run typecheck`. */
module.exports = {
  // Node, holding console.info/debug back unless the test fails (test/setup/quietEnvironment.js).
  testEnvironment: "<rootDir>/test/setup/quietEnvironment.js",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  // Transpile only (type checking is tsc's job); set through tsconfig because ts-jest's own option is deprecated.
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: { isolatedModules: true } }] },
  testTimeout: 30000,
  maxWorkers: 2,
};
