import { execFile } from "child_process";
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { promisify } from "util";
import { main, parseArgs, type Stream } from "../../scripts/invoke";

/** Output meant for files and pipes: --out, `npm run -s`, and key/value inputs typed on a command line. */
const capture = (): Stream & { text: string } => ({
  isTTY: false,
  text: "",
  write(chunk: string) {
    this.text += chunk;
    return true;
  },
});
const dir = mkdtempSync(path.join(tmpdir(), "invoke-output-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// No SERVICETITAN_* variables and no discovery file: the one-shot sandbox, whatever runs on this machine.
const env = { SERVICETITAN_SANDBOX_FILE: path.join(dir, "no-sandbox.json") };
const invoke = async (argv: string[]) => {
  const stdout = capture();
  const stderr = capture();
  const code = await main(argv, { stdout, stderr, env, componentSource: "src" });
  return { code, stdout: stdout.text, stderr: stderr.text };
};
const noTenant = Object.fromEntries(
  ["SERVICETITAN_CLIENT_ID", "SERVICETITAN_CLIENT_SECRET", "SERVICETITAN_TENANT_ID", "SERVICETITAN_APP_KEY"].map((name) => [name, ""]),
);
const JOBS = ["rawRequest", "--input", "url=/jpm/v2/tenant/{tenant}/jobs"];

describe("--out", () => {
  it("is parsed", () => expect(parseArgs(["listJobs", "--out", "jobs.json"]).out).toBe("jobs.json"));

  it("writes the JSON result to the file and nothing to stdout", async () => {
    const file = path.join(dir, "jobs.json");
    const run = await invoke(["listJobs", "--input", "pageSize=2", "--out", file]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(new RegExp(`wrote ${file.replace(/[.\\]/g, "\\$&")} \\(\\d+ bytes\\)`));
    expect(JSON.parse(readFileSync(file, "utf8")).data).toHaveLength(2);
  });
});

describe("key/value inputs on the command line", () => {
  it("take a JSON object", async () => {
    const run = await invoke([...JOBS, "--input", 'queryParams={"pageSize":"2","page":"3"}']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ page: 3, pageSize: 2 });
  });

  it("take name=value pairs, repeated", async () => {
    const run = await invoke([...JOBS, "--input", "queryParams=pageSize=2", "--input", "queryParams=page=3"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ page: 3, pageSize: 2 });
  });

  it("refuse a value that is neither, saying what they take", async () => {
    const run = await invoke([...JOBS, "--input", "queryParams=pageSize"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/queryParams is a key\/value input: give name=value .* or a JSON object/);
  });

  it("say so in --help", async () => {
    expect((await invoke(["--help"])).stdout).toContain(`--input 'queryParams={"pageSize":"2"}'`);
    expect((await invoke(["rawRequest", "--help"])).stdout).toContain(
      `--input 'queryParams={"name":"value"}' or --input queryParams=name=value`,
    );
  });
});

it("npm run -s invoke prints nothing but the JSON on stdout, so it can be redirected to a file", async () => {
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const { stdout } = await promisify(execFile)(npm, ["run", "-s", "invoke", "--", "listJobs", "--input", "pageSize=2", "--src"], {
    cwd: path.resolve(__dirname, "../.."),
    env: { ...process.env, ...env, ...noTenant, NO_COLOR: "1" },
    timeout: 60_000,
  });
  expect(JSON.parse(stdout).data).toHaveLength(2);
});
