import { main, type Stream } from "../../scripts/invoke";
import { harness, useSandbox } from "../support";

/**
 * Debug logging: with the runner's --debug (and with Prismatic's global debug, which reaches a step as
 * `globalDebug`) every request and answer is logged, secrets redacted, for actions, data sources and triggers.
 */
const capture = (): Stream & { text: string } => ({
  isTTY: false,
  text: "",
  write(chunk: string) {
    this.text += chunk;
    return true;
  },
});
const invoke = async (argv: string[]) => {
  const stdout = capture();
  const stderr = capture();
  const code = await main(argv, { stdout, stderr, env: {}, componentSource: "src" });
  return { code, stdout: stdout.text, stderr: stderr.text };
};

const REQUEST = /→ GET \/(jpm|settings)\/v2\/tenant\/\d+\/\S+/;
const ANSWER = /← 200 GET \/(jpm|settings)\/v2\/tenant\/\d+\/\S+/;

describe("--debug in the runner", () => {
  it.each([
    ["an action", ["listJobs", "--input", "pageSize=1"]],
    ["a data source", ["selectTechnician"]],
    ["a trigger", ["pollChangesTrigger", "--input", "resource=jobs"]],
  ])("logs every request and answer of %s on stderr", async (_kind, args) => {
    const run = await invoke([...args, "--debug"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(REQUEST);
    expect(run.stderr).toMatch(ANSWER);
    expect(run.stdout).not.toMatch(REQUEST); // the result alone goes to stdout
  });

  it("logs nothing of the kind without --debug", async () => {
    const run = await invoke(["listJobs", "--input", "pageSize=1"]);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toMatch(REQUEST);
  });
});

describe("global debug on the platform", () => {
  const ctx = useSandbox();
  const debugContext = () => {
    const lines: string[] = [];
    const log = (...a: unknown[]) => lines.push(a.join(" "));
    return { lines, logger: { debug: log, info: log, warn: log, error: log, metric: () => undefined } };
  };
  const secrets = () => [ctx.sandbox.credentials.clientSecret, ctx.sandbox.credentials.appKey];

  it("a data source logs its requests when the execution runs with global debug", async () => {
    const { lines, logger } = debugContext();
    await harness.dataSource("selectTechnician", { connection: ctx.connection }, { logger, globalDebug: true } as never);
    expect(lines.join("\n")).toMatch(REQUEST);
    expect(lines.join("\n")).toMatch(ANSWER);
    for (const secret of secrets()) expect(lines.join("\n")).not.toContain(secret);
  });

  it("a failed answer is logged too", async () => {
    const { lines, logger } = debugContext();
    await expect(
      harness.action("getJob", { connection: ctx.connection, id: "987654321" }, { logger, globalDebug: true } as never),
    ).rejects.toThrow(/not found/);
    expect(lines.join("\n")).toMatch(/← 404 GET \/jpm\/v2\/tenant\/\d+\/jobs\/987654321/);
  });
});
