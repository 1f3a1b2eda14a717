import { execFile } from "child_process";
import path from "path";
import { distIsFresh } from "../../scripts/invoke";
import { missingKeys, USES } from "../../scripts/demo";

const ROOT = path.resolve(__dirname, "../..");

/**
 * `npm start` = build + this demo. It runs here as a separate process, exactly as npm start runs it: through the
 * built dist/index.js when that bundle is current, otherwise through src/ (ts-node), so a clean clone tests it too.
 */
const runDemo = (env: Record<string, string | undefined> = {}) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const args = [path.join(ROOT, "scripts", "demo.js"), ...(distIsFresh() ? [] : ["--src"])];
    const childEnv = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...env };
    execFile(process.execPath, args, { cwd: ROOT, env: childEnv, timeout: 120_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    );
  });

describe("the demo (npm start)", () => {
  let run: Awaited<ReturnType<typeof runDemo>>;
  beforeAll(async () => {
    run = await runDemo();
  }, 150_000);

  it("runs every step against the sandbox and exits 0", () => {
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const steps = [
      "Sandbox",
      "Connection",
      "Customer",
      "Job",
      "Appointment",
      "Picklist",
      "Assignment",
      "List jobs",
      "Trigger run 1",
      "Trigger run 2",
      "Bad input",
      "Any operation",
      "Webhook",
    ];
    steps.forEach((title, i) => expect(run.stdout).toMatch(new RegExp(`^✓ +${i + 1}\\. ${title} `, "m")));
    expect(run.stdout).toMatch(/Done: \d+ API requests, 0 spec violations\./);
  });

  it("shows the trigger's second run delivering only the change made in between", () => {
    const changed = /meanwhile: updateJob #(\d+) priority → Urgent/.exec(run.stdout);
    expect(changed).not.toBeNull();
    expect(run.stdout).toMatch(/Trigger run 1 +no changes/);
    expect(run.stdout).toMatch(new RegExp(`Trigger run 2 +updated job #${changed![1]} \\(priority Urgent\\)$`, "m"));
  });

  it("shows a bad input's error naming the input, with no request sent", () => {
    expect(run.stdout).toMatch(
      /Bad input +getJob with Job ID "12ab" → Input "Job ID": "12ab" is not a whole number.*\(no request sent\)$/m,
    );
  });

  it("shows Call ServiceTitan API creating a lead, and refusing a misspelled body field before sending", () => {
    expect(run.stdout).toMatch(/Any operation +callOperation POST \/crm\/v2\/tenant\/\{tenant\}\/leads → lead #\d+ \(Open\)$/m);
    expect(run.stdout).toMatch(
      /"priorty" for priority → Input "Body": field "priorty" is not a field ServiceTitan knows here.*\(no request sent\)$/m,
    );
  });

  it("shows a signed webhook running once, its retry skipped and a changed copy refused", () => {
    expect(run.stdout).toMatch(/Webhook +tn\.jpm\.job-completed for job #\d+ → 200 Event \(verified: true\)$/m);
    expect(run.stdout).toMatch(/ServiceTitan's retry of it → 200 Skipped \(duplicate\)$/m);
    expect(run.stdout).toMatch(/one byte changed → 401 Refused$/m);
  });

  it("never prints a secret, and no colour codes when stdout is not a terminal", () => {
    expect(run.stdout).toMatch(/Client Secret set \(hidden\) · Application Key set \(hidden\)/);
    // The sandbox's secrets look like cs1.<random> and ak1.<random>; tokens would follow "Bearer".
    expect(run.stdout).not.toMatch(/cs1\.|ak1\.|Bearer/);
    expect(run.stdout).not.toContain("demo-webhook-hmac-key");
    expect(run.stdout).not.toContain("\x1b[");
  });

  it("fails loudly when the component lacks a key it uses", () => {
    expect(missingKeys({ actions: {}, dataSources: {}, triggers: {} })).toEqual([
      ...USES.actions.map((k) => `actions.${k}`),
      ...USES.dataSources.map((k) => `dataSources.${k}`),
      ...USES.triggers.map((k) => `triggers.${k}`),
    ]);
  });
});
