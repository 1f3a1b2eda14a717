import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { main, parseArgs, type Stream } from "../../scripts/invoke";
import { buildDelivery } from "../../sandbox/webhooks";

/** `npm run invoke -- webhookTrigger --body delivery.json [--sign-with KEY]`: a delivery file through the real trigger. */
const KEY = "st-whk-2f9c7a1e5b3d4f6a8c0e2b4d6f8a1c3e";

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

describe("npm run invoke -- webhookTrigger --body … --sign-with …", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "invoke-webhook-"));
  const delivery = buildDelivery({ data: { job: { id: 10001, summary: "Café: no cooling" } } });
  const file = path.join(dir, "delivery.json");
  writeFileSync(file, delivery.body);

  it("reads --body and --sign-with", () => {
    expect(parseArgs(["webhookTrigger", "--body", "d.json", "--sign-with=abc"])).toMatchObject({ body: "d.json", signWith: "abc" });
  });

  it("runs the trigger on the file's exact bytes, signed with the key it also verifies with; the key is never printed", async () => {
    const state = path.join(dir, "state.json");
    const first = await invoke(["webhookTrigger", "--body", file, "--sign-with", KEY, "--state", state]);
    expect(first.stderr).not.toContain("failed");
    expect(first.code).toBe(0);
    const output = JSON.parse(first.stdout);
    expect(output).toMatchObject({ branch: "Event", statusCode: 200 });
    expect(output.data).toMatchObject({ eventType: "tn.jpm.job-completed", eventId: delivery.event.userassignedid, verified: true });
    expect(output.data.data.job.summary).toBe("Café: no cooling");
    expect(`${first.stdout}${first.stderr}`).not.toContain(KEY);

    // The state file carries the de-duplication window to the next run.
    expect(Object.keys(JSON.parse(readFileSync(state, "utf8")).serviceTitanWebhookSeen)).toEqual([`id:${delivery.event.userassignedid}`]);
    const second = await invoke(["webhookTrigger", "--body", file, "--sign-with", KEY, "--state", state]);
    expect(JSON.parse(second.stdout)).toMatchObject({ branch: "Skipped", statusCode: 200, data: { skipped: "duplicate" } });
  }, 60_000);

  it("shows the refusal when the trigger's HMAC Key differs from the signing key, redacting both", async () => {
    const other = "st-whk-0000000000aaaaaaaaaabbbbbbbbbbcccc";
    const run = await invoke(["webhookTrigger", "--body", file, "--sign-with", KEY, "--input", `hmacKey=${other}`]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ branch: "Refused", statusCode: 401 });
    expect(run.stderr).toContain("refused (401)");
    expect(`${run.stdout}${run.stderr}`).not.toContain(KEY);
    expect(`${run.stdout}${run.stderr}`).not.toContain(other);
  }, 60_000);

  it("refuses --body/--sign-with where they do not apply or cannot work", async () => {
    const onAction = await invoke(["listJobs", "--body", file]);
    expect(onAction.code).toBe(2);
    expect(onAction.stderr).toContain("--body and --sign-with only apply to webhook triggers");
    const noBody = await invoke(["webhookTrigger", "--sign-with", KEY]);
    expect(noBody.code).toBe(2);
    expect(noBody.stderr).toContain("give it with --body file.json");
    expect(noBody.stderr).not.toContain(KEY);
    const missing = await invoke(["webhookTrigger", "--body", path.join(dir, "nope.json")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("Cannot read --body");
  });
});
