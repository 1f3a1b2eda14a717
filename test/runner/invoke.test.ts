import { subscribe, unsubscribe } from "diagnostics_channel";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import component from "../../src";
import { clearTokenCache } from "../../src/client/token";
import { useSandbox } from "../support";
import {
  closest,
  collectInputs,
  colours,
  createRedactor,
  levenshtein,
  main,
  parseArgs,
  selectTarget,
  UsageError,
  type Stream,
} from "../../scripts/invoke";

/** A stream that keeps what was written (not a terminal: no colours, no in-place progress). */
const capture = (): Stream & { text: string } => ({
  isTTY: false,
  text: "",
  write(chunk: string) {
    this.text += chunk;
    return true;
  },
});

/** Every HTTP request this process sends while `run` runs: its path and Authorization header. */
const watchHttp = async <T>(run: () => Promise<T>) => {
  const sent: Array<{ path: string; authorization?: string }> = [];
  const listener = (message: unknown) => {
    const { request } = message as { request: { path: string; getHeader(name: string): unknown } };
    sent.push({ path: request.path, authorization: request.getHeader("authorization") as string | undefined });
  };
  subscribe("http.client.request.start", listener);
  try {
    return { result: await run(), sent, apiRequests: () => sent.filter((r) => r.path.includes("/tenant/")) };
  } finally {
    unsubscribe("http.client.request.start", listener);
  }
};

/** Runs the runner in this process against the component's source; returns exit code and output. */
const invoke = async (argv: string[], env: Record<string, string | undefined> = {}) => {
  const stdout = capture();
  const stderr = capture();
  // A sandbox someone runs on this machine (npm run sandbox) must not answer these tests: point discovery elsewhere.
  const isolated = { SERVICETITAN_SANDBOX_FILE: path.join(tmpdir(), "servicetitan-invoke-test-no-sandbox.json"), ...env };
  const watched = await watchHttp(() => main(argv, { stdout, stderr, env: isolated, componentSource: "src" }));
  return { code: watched.result, stdout: stdout.text, stderr: stderr.text, sent: watched.sent, apiRequests: watched.apiRequests() };
};

describe("argument parsing", () => {
  it("reads the key, inputs in both spellings, and flags", () => {
    const options = parseArgs([
      "listJobs",
      "--input",
      "pageSize=3",
      "--input=sort=-Id",
      "-i",
      "externalDataKey=a=b",
      "--json",
      "--debug",
      "--sandbox",
      "--src",
    ]);
    expect(options).toMatchObject({
      key: "listJobs",
      inputs: { pageSize: "3", sort: "-Id", externalDataKey: "a=b" },
      json: true,
      debug: true,
      sandbox: true,
      src: true,
      list: false,
    });
  });

  it("turns a key given twice into a list (value-list inputs)", () => {
    expect(
      parseArgs(["assignTechnicians", "--input", "technicianIds=1", "--input", "technicianIds=2", "--input", "technicianIds=3"]).inputs,
    ).toEqual({
      technicianIds: ["1", "2", "3"],
    });
  });

  it("reads --inputs, --state and --list with a filter", () => {
    expect(parseArgs(["pollChangesTrigger", "--inputs", "in.json", "--state=s.json"])).toMatchObject({
      inputsFile: "in.json",
      state: "s.json",
    });
    expect(parseArgs(["--list", "invoice"])).toMatchObject({ list: true, filter: "invoice", key: undefined });
  });

  it.each([
    [["listJobs", "--input", "pageSize"], /--input expects key=value, got "pageSize"/],
    [["listJobs", "--input"], /--input needs a value/],
    [["listJobs", "--inptu", "a=b"], /Unknown option --inptu\. Did you mean "--input"\?/],
    [["listJobs", "getJob"], /one key at a time/],
    [[], /Which action, data source or trigger\?/],
  ])("refuses %j", (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
    expect(() => parseArgs(argv)).toThrow(message);
  });

  it("merges --inputs with --input (the command line wins) and checks the file", () => {
    const files: Record<string, string> = { "ok.json": '{"pageSize": "10", "sort": "-Id"}', "bad.json": "{pageSize", "list.json": "[1]" };
    const read = (file: string) => files[file];
    expect(collectInputs(parseArgs(["listJobs", "--inputs", "ok.json", "--input", "pageSize=3"]), read)).toEqual({
      pageSize: "3",
      sort: "-Id",
    });
    expect(() => collectInputs(parseArgs(["listJobs", "--inputs", "bad.json"]), read)).toThrow(/bad\.json is not valid JSON/);
    expect(() => collectInputs(parseArgs(["listJobs", "--inputs", "list.json"]), read)).toThrow(/must hold a JSON object/);
  });
});

describe("target selection", () => {
  const tenantEnv = {
    SERVICETITAN_CLIENT_ID: "cid.abc",
    SERVICETITAN_CLIENT_SECRET: "secret-value-123",
    SERVICETITAN_TENANT_ID: "123456789",
    SERVICETITAN_APP_KEY: "ak.xyz.987",
  };

  it("uses the sandbox when no SERVICETITAN_* variable is set", () => {
    expect(selectTarget({})).toEqual({ kind: "sandbox" });
  });

  it("uses the tenant when the four variables are set (production unless SERVICETITAN_ENV says otherwise)", () => {
    expect(selectTarget(tenantEnv)).toEqual({
      kind: "tenant",
      environment: "production",
      fields: {
        tokenUrl: "",
        clientId: "cid.abc",
        clientSecret: "secret-value-123",
        tenant: "123456789",
        applicationKey: "ak.xyz.987",
        environment: "production",
        baseUrl: "",
      },
      secrets: ["secret-value-123", "ak.xyz.987"],
    });
    expect(selectTarget({ ...tenantEnv, SERVICETITAN_ENV: "integration" })).toMatchObject({
      environment: "integration",
      fields: { environment: "integration" },
    });
  });

  it("refuses a partial set instead of quietly using the sandbox, naming what is missing", () => {
    const { SERVICETITAN_APP_KEY: _, SERVICETITAN_TENANT_ID: __, ...partial } = tenantEnv;
    expect(() => selectTarget(partial)).toThrow("set SERVICETITAN_TENANT_ID, SERVICETITAN_APP_KEY as well");
  });

  it("refuses an unknown environment", () => {
    expect(() => selectTarget({ ...tenantEnv, SERVICETITAN_ENV: "staging" })).toThrow(
      'SERVICETITAN_ENV must be "production" or "integration", not "staging"',
    );
  });

  it("--sandbox wins over the variables", () => {
    expect(selectTarget(tenantEnv, { forceSandbox: true })).toEqual({ kind: "sandbox" });
  });
});

describe("suggestions and redaction", () => {
  it("measures edit distance and suggests only close matches", () => {
    expect(levenshtein("kitten", "sitting")).toBe(3);
    expect(closest("listJob", ["getJob", "listJobs", "listJobCancelReasons"])).toBe("listJobs");
    expect(closest("PAGESIZE", ["page", "pageSize"])).toBe("pageSize");
    expect(closest("frobnicate", ["listJobs", "getJob"])).toBeUndefined();
  });

  it("removes known secrets, bearer tokens and credential-looking values from any text", () => {
    const redactor = createRedactor(["s3cr3t-value"]);
    redactor.add("ak.application.key");
    const text = redactor.text(
      'secret s3cr3t-value, key ak.application.key, sent Bearer eyJhbGciOi.abc-def_ghi= with Authorization: Basic dXNlcjpwdw== and {"access_token":"tok123456"} client_secret=zzz&x=1 "clientSecret": "hunter22"',
    );
    expect(text).not.toMatch(/s3cr3t-value|ak\.application\.key|eyJhbGciOi|dXNlcjpwdw|tok123456|zzz|hunter22/);
    expect(text).toContain("sent Bearer [redacted] with Authorization: [redacted] and");
    expect(text).toContain("client_secret=[redacted]&x=1");
    // Ordinary data stays intact.
    expect(redactor.text("Ball bearer replaced; token URL checked")).toBe("Ball bearer replaced; token URL checked");
  });

  it("colours only a terminal without NO_COLOR", () => {
    expect(colours({ isTTY: true, write: () => true }, {}).red("x")).toBe("\x1b[31mx\x1b[39m");
    expect(colours({ isTTY: true, write: () => true }, { NO_COLOR: "" }).red("x")).toBe("x");
    expect(colours({ isTTY: false, write: () => true }, {}).red("x")).toBe("x");
  });
});

describe("mistakes are reported before anything runs", () => {
  it("an unknown key suggests the closest one", async () => {
    const run = await invoke(["listJob", "--input", "pageSize=3"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('No action, data source or trigger has the key "listJob". Did you mean "listJobs"?');
    expect(run.stderr).not.toContain("sandbox http");
    expect(run.sent).toEqual([]);
  });

  it("a missing required input is named with its label", async () => {
    const run = await invoke(["cancelJob", "--input", "id=5"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("cancelJob needs reasonId (Cancel Reason ID), memo (Memo)");
    expect(run.stderr).not.toContain("sandbox http");
    expect(run.sent).toEqual([]);
  });

  it("an unknown input suggests the closest input", async () => {
    const run = await invoke(["listJobs", "--input", "pagesize=3"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('listJobs has no input "pagesize" (did you mean "pageSize"?)');
    expect(run.sent).toEqual([]);
  });

  it("a value the input refuses fails with the input's name and sends no API request", async () => {
    const run = await invoke(["getJob", "--input", "id=abc"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Input "Job ID": "abc" is not a whole number/);
    expect(run.apiRequests).toEqual([]);
  });
});

describe("--list", () => {
  it("lists every action, data source and trigger key with its label", async () => {
    const run = await invoke(["--list"]);
    expect(run.code).toBe(0);
    for (const collection of [component.actions, component.dataSources ?? {}, component.triggers ?? {}]) {
      for (const [key, definition] of Object.entries(collection)) {
        expect(run.stdout).toMatch(new RegExp(`^  ${key} +${definition.display.label.replace(/[()]/g, "\\$&")}$`, "m"));
      }
    }
    expect(run.stdout).toMatch(/inputs: id\*, reasonId\*, memo\*/);
  });
});

describe("against the built-in sandbox (default target)", () => {
  it("listJobs --input pageSize=3 prints three jobs as JSON", async () => {
    const run = await invoke(["listJobs", "--input", "pageSize=3"]);
    expect(run.code).toBe(0);
    const output = JSON.parse(run.stdout);
    expect(output.data).toHaveLength(3);
    expect(output.data[0]).toHaveProperty("jobNumber");
    expect(run.stderr).toMatch(/^sandbox http:\/\/127\.0\.0\.1:\d+/m);
  });

  it("prints a picklist as a key/label table, or as JSON with --json", async () => {
    const table = await invoke(["selectTechnician"]);
    expect(table.code).toBe(0);
    const [header, ...rows] = table.stdout.trimEnd().split("\n");
    expect(header).toMatch(/^KEY +LABEL$/);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]).toMatch(/^\d+ +\S/);
    const json = await invoke(["selectTechnician", "--json"]);
    expect(JSON.parse(json.stdout)).toHaveLength(rows.length);
  });

  it("shows progress on stderr while Fetch All drains many pages, and only the result on stdout", async () => {
    const run = await invoke(["listJobs", "--input", "fetchAll=true", "--input", "pageSize=5"]);
    expect(run.code).toBe(0);
    expect(run.apiRequests.length).toBeGreaterThanOrEqual(4);
    expect(run.stderr).toMatch(/^… 2 requests to ServiceTitan/m);
    expect(run.stderr).toMatch(/^… 4 requests to ServiceTitan/m);
    expect(run.stderr).toMatch(new RegExp(`^done: ${run.apiRequests.length} requests to ServiceTitan`, "m"));
    expect(JSON.parse(run.stdout).data.length).toBeGreaterThan(5);
  });
});

describe("against a tenant named by environment variables", () => {
  const ctx = useSandbox();
  const tenantEnv = () => ({
    SERVICETITAN_CLIENT_ID: ctx.sandbox.credentials.clientId,
    SERVICETITAN_CLIENT_SECRET: ctx.sandbox.credentials.clientSecret,
    SERVICETITAN_TENANT_ID: ctx.sandbox.credentials.tenant,
    SERVICETITAN_APP_KEY: ctx.sandbox.credentials.appKey,
    SERVICETITAN_ENV: "integration",
    // Stand-ins for the environment's hosts, so this test stays offline.
    SERVICETITAN_BASE_URL: ctx.sandbox.url,
    SERVICETITAN_TOKEN_URL: ctx.sandbox.tokenUrl,
  });

  it("sends the requests to that tenant (fetching its own token), not to a sandbox of its own", async () => {
    const before = ctx.sandbox.requests.length;
    const run = await invoke(["getJob", "--input", `id=${ctx.sandbox.db.all("jobs")[0].id}`], tenantEnv());
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).id).toBe(ctx.sandbox.db.all("jobs")[0].id);
    expect(ctx.sandbox.requests.length).toBe(before + 1);
    expect(run.stderr).toMatch(/^tenant \d+ \(integration\)/m);
    expect(run.stderr).not.toContain("sandbox http");
  });

  it("never prints the client secret, the application key or a token, in debug logs or errors", async () => {
    const { SERVICETITAN_CLIENT_SECRET: secret, SERVICETITAN_APP_KEY: appKey } = tenantEnv();
    const ok = await invoke(["listJobs", "--input", "pageSize=2", "--debug"], tenantEnv());
    expect(ok.code).toBe(0);
    const tokens = ok.sent.map((r) => r.authorization?.replace(/^Bearer /, "")).filter((t): t is string => Boolean(t));
    expect(tokens.length).toBeGreaterThan(0);
    const printed = ok.stdout + ok.stderr;
    for (const value of [secret, appKey, ...tokens]) expect(printed).not.toContain(value);

    clearTokenCache();
    const wrongSecret = "wrong-" + secret;
    const failed = await invoke(["listJobs", "--input", "pageSize=2"], { ...tenantEnv(), SERVICETITAN_CLIENT_SECRET: wrongSecret });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/Could not get an access token/);
    for (const value of [wrongSecret, secret, appKey]) expect(failed.stdout + failed.stderr).not.toContain(value);
  });

  it("keeps a trigger's polling state in --state: the second run delivers only the change made in between", async () => {
    const state = path.join(mkdtempSync(path.join(tmpdir(), "invoke-")), "jobs-state.json");
    const args = ["pollChangesTrigger", "--input", "resource=jobs", "--input", "includeRecentChanges=true", "--state", state];
    const first = await invoke(args, tenantEnv());
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout).polledNoChanges).toBe(true);
    const saved = JSON.parse(readFileSync(state, "utf8"));
    expect(Object.keys(saved).length).toBeGreaterThan(0);

    const job = ctx.sandbox.db.all("jobs")[3];
    ctx.sandbox.db.update("jobs", job.id, { summary: "Changed between runs" });
    const second = await invoke(args, tenantEnv());
    expect(second.code).toBe(0);
    const output = JSON.parse(second.stdout);
    expect(output.polledNoChanges).toBe(false);
    const delivered = Object.values(output.data as Record<string, Array<{ id: number }>>).flat();
    expect(delivered.map((r) => r.id)).toEqual([job.id]);
    expect(JSON.parse(readFileSync(state, "utf8"))).not.toEqual(saved);
  });

  it("--state only applies to triggers", async () => {
    const state = path.join(mkdtempSync(path.join(tmpdir(), "invoke-")), "s.json");
    writeFileSync(state, "{}");
    const run = await invoke(["listJobs", "--state", state], tenantEnv());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--state only applies to triggers");
  });
});
