/** Tests run offline against the local sandbox (127.0.0.1). Type checking is `npm run typecheck`. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { isolatedModules: true }] },
  testTimeout: 30000,
  maxWorkers: 2,
};
