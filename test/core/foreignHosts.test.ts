import { ConnectionError } from "@prismatic-io/spectral";
import { createServer, type Server } from "http";
import type { AddressInfo } from "net";
import { inspect } from "util";
import { runAction, useSandbox } from "../support";

/**
 * Answers from hosts other than ServiceTitan's, reached through a redirect (attachment storage, anything a Raw Request
 * is redirected to): their signed URLs stay out of errors and logs, the error names the host that failed, and their
 * 401/403 do not mark the ServiceTitan connection as broken.
 */
const SIGNATURE = "sv2024SECRETsignatureXYZ0123456789";

/** A stand-in for another host that answers every request with `status` and an error body echoing the signature. */
const startHost = async (status: number): Promise<{ server: Server; origin: string }> => {
  const server = createServer((_req, res) => {
    res.writeHead(status, { "content-type": "application/xml" });
    res.end(`<Error><Code>AuthenticationFailed</Code><SignatureProvided>${SIGNATURE}</SignatureProvided></Error>`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
};

describe("hosts other than ServiceTitan's", () => {
  const ctx = useSandbox();
  const tenant = () => ctx.sandbox.credentials.tenant;
  let storage: { server: Server; origin: string };
  let forbidden: { server: Server; origin: string };
  const debugLines: string[] = [];
  const context = () => {
    const log = (...a: unknown[]) => debugLines.push(a.join(" "));
    return { globalDebug: true, logger: { debug: log, info: log, warn: log, error: log, metric: () => undefined } } as never;
  };
  const everythingIn = (error: unknown) => `${JSON.stringify(error)}\n${inspect(error, { depth: 10 })}\n${(error as Error).message}`;

  beforeAll(async () => {
    storage = await startHost(500);
    forbidden = await startHost(403);
  });
  afterAll(async () => {
    await new Promise((resolve) => storage.server.close(resolve));
    await new Promise((resolve) => forbidden.server.close(resolve));
  });
  beforeEach(() => {
    ctx.sandbox.faults.clear();
    debugLines.length = 0;
  });

  it("an attachment download whose storage host fails names that host and never shows the signed URL", async () => {
    const signed = `${storage.origin}/container/manual.pdf?sv=2024-05-04&se=2030-01-01&sig=${SIGNATURE}`;
    ctx.sandbox.faults.add({
      method: "GET",
      path: `/equipmentsystems/v2/tenant/${tenant()}/installed-equipment/attachments`,
      status: 302,
      headers: { location: signed },
    });
    const error = await runAction(
      "downloadInstalledEquipmentAttachment",
      { connection: ctx.connection, path: "InstalledEquipment/Documents/manual.pdf" },
      context(),
    ).catch((e) => e);
    expect(error).toBeInstanceOf(Error);
    const shown = `${everythingIn(error)}\n${debugLines.join("\n")}`;
    expect(shown).not.toContain(SIGNATURE);
    expect(shown).not.toContain("sig=");
    expect(error.message).not.toMatch(/ServiceTitan answered/);
    expect(error.message).toContain(new URL(storage.origin).host);
    expect(error.message).toMatch(/500/);
  });

  it("Raw Request redirected to another host that answers 403 fails with an ordinary error naming it, not a connection error", async () => {
    ctx.sandbox.faults.add({
      method: "GET",
      path: /\/jobs$/,
      status: 302,
      headers: { Location: `${forbidden.origin}/landing?token=${SIGNATURE}` },
    });
    const error = await runAction(
      "rawRequest",
      { connection: ctx.connection, method: "GET", url: "/jpm/v2/tenant/{tenant}/jobs", responseType: "json" },
      context(),
    ).catch((e) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(ConnectionError);
    expect(error.name).not.toBe("ConnectionError");
    expect(error.message).toContain(new URL(forbidden.origin).host);
    expect(error.message).toMatch(/403/);
    expect(error.message).not.toMatch(/API scope|Developer Portal/);
    expect(`${everythingIn(error)}\n${debugLines.join("\n")}`).not.toContain(SIGNATURE);
  });

  it("ServiceTitan's own 403 is still a connection error", async () => {
    ctx.sandbox.faults.add({ method: "GET", path: /\/jobs$/, status: 403 });
    const error = await runAction("rawRequest", {
      connection: ctx.connection,
      method: "GET",
      url: "/jpm/v2/tenant/{tenant}/jobs",
      responseType: "json",
    }).catch((e) => e);
    expect(error).toBeInstanceOf(ConnectionError);
  });
});
