import { createServer, type IncomingHttpHeaders } from "http";
import type { AddressInfo } from "net";
import { runAction, useSandbox } from "../support";
import { resolveRawUrl } from "../../src/resources/rawRequest";
import { actionsOn, debugContext } from "./helpers";

describe("Raw Request", () => {
  const ctx = useSandbox();
  const { run, only, expectRefused, failure, secrets } = actionsOn(ctx);
  const tenant = () => ctx.sandbox.credentials.tenant;

  beforeEach(() => ctx.sandbox.resetStats());

  it("sends a GET to a path relative to the API host, filling {tenant}, with query parameters", async () => {
    const page = await run("rawRequest", {
      method: "GET",
      url: "/jpm/v2/tenant/{tenant}/jobs",
      queryParams: [{ key: "pageSize", value: "3" }],
      responseType: "json",
    });
    expect(page.data).toHaveLength(3);
    expect(only("GET", "/jobs").query).toEqual({ pageSize: "3" });
  });

  it("accepts a path without the leading slash and a full URL on the API host", async () => {
    const job = ctx.sandbox.db.all("jobs")[0];
    expect(await run("rawRequest", { method: "GET", url: `jpm/v2/tenant/${tenant()}/jobs/${job.id}`, responseType: "json" })).toMatchObject(
      { id: job.id },
    );
    expect(
      await run("rawRequest", { method: "GET", url: `${ctx.sandbox.url}/jpm/v2/tenant/{tenant}/jobs/${job.id}`, responseType: "json" }),
    ).toMatchObject({ id: job.id });
  });

  it("sends a JSON body and the change happens", async () => {
    const job = ctx.sandbox.db.all("jobs", { jobStatus: "Scheduled" })[0];
    await run("rawRequest", {
      method: "PATCH",
      url: `/jpm/v2/tenant/{tenant}/jobs/${job.id}`,
      data: '{ "summary": "Raw update" }',
      responseType: "json",
    });
    expect(only("PATCH", `/jobs/${job.id}`).body).toEqual({ summary: "Raw update" });
    expect(ctx.sandbox.db.get("jobs", job.id)!.summary).toBe("Raw update");
  });

  it("logs the request with debug on, without the app key, the client secret or the token", async () => {
    const { lines, context } = debugContext();
    await runAction(
      "rawRequest",
      { connection: ctx.connection, method: "GET", url: "/jpm/v2/tenant/{tenant}/jobs", responseType: "json" },
      context,
    );
    expect(lines.join("\n")).toMatch(/GET .*\/jpm\/v2\/tenant\/\d+\/jobs/);
    for (const secret of secrets()) expect(lines.join("\n")).not.toContain(secret);
  });

  it("shapes a ServiceTitan error like every other action, without secrets", async () => {
    const error = await failure("rawRequest", { method: "GET", url: "/jpm/v2/tenant/{tenant}/jobs/99999", responseType: "json" });
    expect(error.message).toMatch(/ServiceTitan answered 404/);
    expect(error.message).toMatch(/traceId/);
    for (const secret of secrets()) expect(error.message).not.toContain(secret);
  });

  // Hosts under .invalid never resolve, so even a regression sends nothing off this machine.
  it.each([
    ["a full URL on another host", () => "https://attacker.invalid/jpm/v2/tenant/1/jobs"],
    ["a protocol-relative URL", () => "//attacker.invalid/jobs"],
    ["a backslash host trick", () => "\\\\attacker.invalid/jobs"],
    ["the API host as user info of another host", () => `${ctx.sandbox.url}@attacker.invalid/jobs`],
    ["another port of the API host", () => `${new URL(ctx.sandbox.url).protocol}//${new URL(ctx.sandbox.url).hostname}:1/jobs`],
  ])("refuses %s before any request (the token and app key stay on ServiceTitan's host)", async (_case, url) => {
    await expectRefused(
      "rawRequest",
      { method: "GET", url: url(), responseType: "json" },
      /Input "URL": points to .*not the connection's ServiceTitan API host/,
    );
  });

  it("refuses to override Authorization or ST-App-Key, and requires a URL", async () => {
    await expectRefused(
      "rawRequest",
      {
        method: "GET",
        url: "/jpm/v2/tenant/{tenant}/jobs",
        headers: [{ key: "authorization", value: "Bearer stolen" }],
        responseType: "json",
      },
      /Input "Header": authorization is set from the connection/,
    );
    await expectRefused(
      "rawRequest",
      { method: "GET", url: "/jpm/v2/tenant/{tenant}/jobs", headers: [{ key: "ST-App-Key", value: "other" }], responseType: "json" },
      /Input "Header": ST-App-Key is set from the connection/,
    );
    await expectRefused("rawRequest", { method: "GET", url: "", responseType: "json" }, /Input "URL": is required/);
    await expectRefused("rawRequest", { method: "TRACE", url: "/x", responseType: "json" }, /Input "Method": "TRACE" is not one of/);
  });

  it("follows a redirect to another host without the app key or the token", async () => {
    const received: IncomingHttpHeaders[] = [];
    const elsewhere = createServer((req, res) => {
      received.push(req.headers);
      res.setHeader("Content-Type", "application/json");
      res.end('{"landed":true}');
    });
    await new Promise<void>((resolve) => elsewhere.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = elsewhere.address() as AddressInfo;
      ctx.sandbox.faults.add({ method: "GET", path: /\/jobs$/, status: 302, headers: { Location: `http://127.0.0.1:${port}/landing` } });
      expect(await run("rawRequest", { method: "GET", url: "/jpm/v2/tenant/{tenant}/jobs", responseType: "json" })).toEqual({
        landed: true,
      });
      expect(received).toHaveLength(1);
      expect(received[0]["st-app-key"]).toBeUndefined();
      expect(received[0].authorization).toBeUndefined();
      expect(JSON.stringify(received[0])).not.toContain(ctx.sandbox.credentials.appKey);
    } finally {
      ctx.sandbox.faults.clear();
      await new Promise((resolve) => elsewhere.close(resolve));
    }
  });

  it("keeps a base path of the API host (a proxy) and refuses to climb out of it", () => {
    expect(resolveRawUrl("https://proxy.example/st", "7", "/jpm/v2/tenant/{tenant}/jobs")).toBe(
      "https://proxy.example/st/jpm/v2/tenant/7/jobs",
    );
    expect(() => resolveRawUrl("https://proxy.example/st", "7", "https://proxy.example/other/jobs")).toThrow(/Input "URL": points to/);
    expect(() => resolveRawUrl("https://proxy.example/st", "7", "https://me:pw@proxy.example/st/jobs")).toThrow(
      /Input "URL": must not contain a user name or password/,
    );
  });
});
