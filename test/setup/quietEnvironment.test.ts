import path from "path";
import { holdConsole } from "./quietEnvironment";

describe("the quiet test environment", () => {
  it("is the one jest uses", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const config = require("../../jest.config") as { testEnvironment: string };
    expect(config.testEnvironment.replace("<rootDir>", path.resolve(__dirname, "../.."))).toBe(path.join(__dirname, "quietEnvironment.js"));
  });

  it("holds console.info and console.debug back, drops them for a passing test and replays them in order for a failing one", () => {
    const printed: string[] = [];
    const fake = {
      info: (...args: unknown[]) => printed.push(`info ${args.join(" ")}`),
      debug: (...args: unknown[]) => printed.push(`debug ${args.join(" ")}`),
      warn: (...args: unknown[]) => printed.push(`warn ${args.join(" ")}`),
    };
    const held = holdConsole(fake);
    fake.info("passing", 1);
    fake.warn("always shown");
    expect(printed).toEqual(["warn always shown"]);
    held.flush(false);
    fake.debug("failing", 2);
    fake.info("then", 3);
    held.flush(true);
    expect(printed).toEqual(["warn always shown", "debug failing 2", "info then 3"]);
    held.flush(true);
    expect(printed).toHaveLength(3);
  });
});
