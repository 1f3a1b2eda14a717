import { spawn, type ChildProcess } from "child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { createServer } from "net";
import { tmpdir } from "os";
import path from "path";
import { main, type Stream } from "../../scripts/invoke";

/**
 * npm run sandbox as a separate, long-running process, and the runner using it across calls. The server runs on a free
 * port with its own discovery file and state file in a temporary folder; it is always stopped, and every wait is bounded.
 */
const ROOT = path.resolve(__dirname, "../..");
const dir = mkdtempSync(path.join(tmpdir(), "sandbox-server-"));
const discovery = path.join(dir, "sandbox.json");
const stateFile = path.join(dir, "sandbox-state.json");
const env = { SERVICETITAN_SANDBOX_FILE: discovery };

interface Server {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}
const servers: Server[] = [];

const start = (args: string[]): Server => {
  const child = spawn(process.execPath, [path.join(ROOT, "scripts/sandbox.js"), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env, NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  child.stdout!.on("data", (chunk) => (text += chunk));
  child.stderr!.on("data", (chunk) => (text += chunk));
  const server = { child, output: () => text, exited: new Promise<number | null>((resolve) => child.on("exit", resolve)) };
  servers.push(server);
  return server;
};

const waitFor = async (what: string, ready: () => boolean, ms = 30_000) => {
  for (const until = Date.now() + ms; !ready();) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

/** SIGTERM, then SIGKILL if it has not exited within 10 s; resolves with the exit code. */
const stop = async (server: Server) => {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill("SIGTERM");
  const timer = setTimeout(() => server.child.kill("SIGKILL"), 10_000);
  const code = await server.exited;
  clearTimeout(timer);
  return code;
};

const startedServer = async (args: string[]) => {
  rmSync(discovery, { force: true });
  const server = start(["--port", "0", "--quiet", ...args]);
  await waitFor("the sandbox to start", () => existsSync(discovery) || server.child.exitCode !== null);
  const { url } = JSON.parse(readFileSync(discovery, "utf8")) as { url: string };
  await waitFor("its banner", () => server.output().includes("Ctrl-C stops it."));
  return { server, url };
};

const capture = (): Stream & { text: string } => ({
  isTTY: false,
  text: "",
  write(chunk: string) {
    this.text += chunk;
    return true;
  },
});
const invoke = async (argv: string[], extraEnv: Record<string, string> = {}) => {
  const stdout = capture();
  const stderr = capture();
  const code = await main(argv, { stdout, stderr, env: { ...env, ...extraEnv }, componentSource: "src" });
  return { code, stdout: stdout.text, stderr: stderr.text, json: () => JSON.parse(stdout.text) };
};

afterAll(async () => {
  await Promise.all(servers.map(stop));
  rmSync(dir, { recursive: true, force: true });
});

const CUSTOMER = ["street=1200 Harbor Dr", "city=Phoenix", "state=AZ", "zip=85001", "country=USA"].flatMap((pair) => ["--input", pair]);

describe("npm run sandbox and the runner", () => {
  let server: Server;
  let url: string;
  let customerId: number;
  beforeAll(async () => {
    ({ server, url } = await startedServer(["--state", stateFile]));
  }, 60_000);

  it("prints its URL and its (local, random) credentials", async () => {
    const info = (await (await fetch(`${url}/sandbox/info`)).json()) as { credentials: Record<string, string> };
    expect(server.output()).toContain(`ServiceTitan sandbox running at ${url}`);
    expect(server.output()).toContain(`Client Secret    ${info.credentials.clientSecret}`);
    expect(server.output()).toContain(`Application Key  ${info.credentials.appKey}`);
  });

  it("createCustomer, then getCustomer in a second call finds the customer; the runner prints none of the credentials", async () => {
    const created = await invoke(["createCustomer", "--input", "name=Avery Remembered", ...CUSTOMER]);
    expect(created.code).toBe(0);
    expect(created.stderr).toContain(`sandbox ${url} (running: changes stay for the next call)`);
    customerId = created.json().id;
    const read = await invoke(["getCustomer", "--input", `id=${customerId}`]);
    expect(read.code).toBe(0);
    expect(read.json()).toMatchObject({ id: customerId, name: "Avery Remembered" });
    const { credentials } = (await (await fetch(`${url}/sandbox/info`)).json()) as { credentials: Record<string, string> };
    for (const run of [created, read]) {
      expect(run.stdout + run.stderr).not.toContain(credentials.clientSecret);
      expect(run.stdout + run.stderr).not.toContain(credentials.appKey);
    }
  });

  it("updateJob, then getJob shows the change", async () => {
    expect((await invoke(["updateJob", "--input", "id=10030", "--input", "summary=Remembered change"])).code).toBe(0);
    expect((await invoke(["getJob", "--input", "id=10030"])).json().summary).toBe("Remembered change");
  });

  it("the trigger's second run delivers what another call changed in between", async () => {
    const state = path.join(dir, "jobs-state.json");
    const first = await invoke(["pollChangesTrigger", "--input", "resource=jobs", "--state", state]);
    expect(first.json().polledNoChanges).toBe(true);
    expect((await invoke(["updateJob", "--input", "id=10031", "--input", "summary=Changed between runs"])).code).toBe(0);
    const second = await invoke(["pollChangesTrigger", "--input", "resource=jobs", "--state", state]);
    const delivered = Object.values(second.json().data as Record<string, Array<{ id: number; summary: string }>>).flat();
    expect(delivered.map((job) => [job.id, job.summary])).toEqual([[10031, "Changed between runs"]]);
  });

  it("--sandbox-url reaches it without the discovery file; --one-shot starts a fresh sandbox instead", async () => {
    const elsewhere = { SERVICETITAN_SANDBOX_FILE: path.join(dir, "none.json") };
    const found = await invoke(["getCustomer", "--input", `id=${customerId}`, "--sandbox-url", url], elsewhere);
    expect(found.json().name).toBe("Avery Remembered");
    const fresh = await invoke(["getCustomer", "--input", `id=${customerId}`, "--one-shot"]);
    expect(fresh.code).toBe(1);
    expect(fresh.stderr).toMatch(/\(demo data, one-shot\)/);
    expect(fresh.stderr).toMatch(/not found/);
  });

  it("keeps its state in --state across a restart", async () => {
    expect(await stop(server)).toBe(0);
    expect(existsSync(discovery)).toBe(false); // it removes its discovery file on the way out
    expect(server.output()).toContain(`state saved to ${stateFile}`);
    ({ server, url } = await startedServer(["--state", stateFile]));
    expect(server.output()).toContain(`state loaded from ${stateFile}`);
    const read = await invoke(["getCustomer", "--input", `id=${customerId}`]);
    expect(read.json()).toMatchObject({ id: customerId, name: "Avery Remembered" });
  }, 60_000);

  it("says so when its port is taken", async () => {
    const port = new URL(url).port;
    const second = start(["--port", port]);
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(new RegExp(`port ${port} is in use. Is a sandbox already running\\?`));
  }, 60_000);
});

describe("without a running sandbox", () => {
  let closed: number;
  beforeAll(async () => {
    closed = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, "127.0.0.1", () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
  });

  it("a stale discovery file earns a note and a one-shot sandbox", async () => {
    const stale = path.join(dir, "stale.json");
    writeFileSync(stale, JSON.stringify({ url: `http://127.0.0.1:${closed}`, pid: 1 }));
    const run = await invoke(["getJob", "--input", "id=10001"], { SERVICETITAN_SANDBOX_FILE: stale });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(new RegExp(`note: no sandbox answers at http://127.0.0.1:${closed} .*using a one-shot sandbox`));
    expect(run.stderr).toMatch(/\(demo data, one-shot\)/);
  });

  it("--sandbox-url that answers nothing is a usage error", async () => {
    const run = await invoke(["getJob", "--input", "id=10001", "--sandbox-url", `http://127.0.0.1:${closed}`]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      new RegExp(`--sandbox-url: no sandbox answers at http://127.0.0.1:${closed} .*Start one with npm run sandbox`),
    );
  });
});
