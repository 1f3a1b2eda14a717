"use strict";
/**
 * How `npm run invoke` finds a sandbox started by `npm run sandbox`: the server writes its URL to a small file in the
 * OS temp folder, and answers GET /sandbox/info with its (random, local) credentials. SERVICETITAN_SANDBOX_FILE moves
 * the file (tests use their own).
 */
const fs = require("fs");
const os = require("os");
const path = require("path");

const INFO_PATH = "/sandbox/info";

const discoveryFile = (env = process.env) => env.SERVICETITAN_SANDBOX_FILE || path.join(os.tmpdir(), "servicetitan-sandbox.json");

/** Written by the server once it listens; only the owner may read it. */
const writeDiscovery = (file, { url, pid = process.pid, stateFile }) =>
  fs.writeFileSync(file, `${JSON.stringify({ url, pid, stateFile, startedAt: new Date().toISOString() }, null, 2)}\n`, { mode: 0o600 });

/** Removes the file only if it still names this process (another sandbox may have replaced it). */
const removeDiscovery = (file, pid = process.pid) => {
  try {
    if (JSON.parse(fs.readFileSync(file, "utf8")).pid === pid) fs.unlinkSync(file);
  } catch {
    // already gone or unreadable: nothing to clean
  }
};

const readDiscovery = (file) => {
  try {
    const found = JSON.parse(fs.readFileSync(file, "utf8"));
    return typeof found.url === "string" ? found : undefined;
  } catch {
    return undefined;
  }
};

/** The sandbox's info (url, tokenUrl, credentials, requests, violations), or an Error saying why not. */
const fetchInfo = async (url, timeoutMs = 2000) => {
  let response;
  try {
    response = await fetch(new URL(INFO_PATH, url), { signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    return new Error(`no sandbox answers at ${url} (${(error.cause && error.cause.code) || error.name})`);
  }
  const body = await response.json().catch(() => undefined);
  if (!response.ok || !body || !body.credentials || !body.tokenUrl) return new Error(`${url} is not a sandbox started by npm run sandbox`);
  return body;
};

/**
 * The running sandbox to use: the one at `url` when given (an error if it does not answer), else the one the discovery
 * file names if it answers (a stale file only earns a note), else undefined.
 */
const findRunningSandbox = async ({ url, env = process.env, note = () => undefined }) => {
  if (url) {
    const info = await fetchInfo(url);
    if (info instanceof Error) throw info;
    return info;
  }
  const file = discoveryFile(env);
  const found = readDiscovery(file);
  if (!found) return undefined;
  const info = await fetchInfo(found.url, 1000);
  if (!(info instanceof Error)) return info;
  note(`${info.message}, though ${file} names it: using a one-shot sandbox.\n`);
  return undefined;
};

module.exports = { INFO_PATH, discoveryFile, writeDiscovery, removeDiscovery, readDiscovery, fetchInfo, findRunningSandbox };
