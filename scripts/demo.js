#!/usr/bin/env node
"use strict";
/**
 * `npm start`: the component at work in one minute, no credentials. Loads the BUILT bundle the way Prismatic does
 * (require dist/index.js, take its default export), starts the sandbox in this process and runs a short scenario
 * through spectral's harness, so input cleaning and the error hook apply exactly as in a flow.
 *
 *   node scripts/demo.js         through dist/index.js (npm start builds it first)
 *   node scripts/demo.js --src   through src/ (ts-node), for a run without a build
 *
 * Exits 1 when any step fails, when a key it needs is missing from the component, or when a request broke the spec:
 * a broken demo is never silent.
 */
const path = require("path");
const {
  ROOT,
  colours,
  createRedactor,
  loadComponent,
  startLocalSandbox,
  connectionValue,
  describeConnection,
  findEntry,
  checkInputs,
  invokeEntry,
  outputOf,
  watchRequests,
} = require("./invoke");
const { runMain } = require("./run-main");

/** Every key the scenario uses (checked before anything starts). */
const USES = {
  actions: ["createCustomer", "createJob", "createAppointment", "assignTechnicians", "listJobs", "updateJob", "getJob", "callOperation"],
  dataSources: ["selectBusinessUnit", "selectJobType", "selectTechnician", "selectCampaign"],
  triggers: ["pollChangesTrigger", "webhookTrigger"],
};

/** Tomorrow at the given UTC hour: appointments in the future whatever the day. */
const tomorrowAt = (hour) => {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + 1);
  date.setUTCHours(hour, 0, 0, 0);
  return date.toISOString();
};
const shortTime = (iso) =>
  iso
    ? String(iso)
        .replace(/:00(\.000)?Z$/, "Z")
        .replace("T", " ")
    : "?";

const missingKeys = (component) =>
  Object.entries(USES).flatMap(([collection, keys]) =>
    keys.filter((key) => !(component[collection] || {})[key]).map((key) => `${collection}.${key}`),
  );

/**
 * The scenario. `call(key, params)` runs one action/data source through the harness and returns what a next step
 * would see; `say(title, text)` prints one step.
 */
const scenario = async ({ call, deliver, say, sandbox, note, sandboxRequests }) => {
  const customer = await call("createCustomer", {
    name: "Avery Demo",
    street: "1200 Harbor Dr",
    city: "San Diego",
    state: "CA",
    zip: "92101",
    country: "USA",
    locationName: "Avery Demo - Home",
  });
  const location = (customer.locations || [])[0];
  if (!location) throw new Error("createCustomer returned no location");
  say(
    "Customer",
    `#${customer.id} "${customer.name}" with location #${location.id} (${location.address.street}, ${location.address.city})`,
  );

  // Reference data a builder picks from dropdowns (the sandbox's HVAC ones, else the first).
  const choose = (options, pattern) => options.find((o) => pattern.test(o.label)) || options[0];
  const businessUnit = choose(await call("selectBusinessUnit", {}), /HVAC Service/);
  const jobType = choose(await call("selectJobType", {}), /Service Call/);
  if (!businessUnit || !jobType) throw new Error("the sandbox has no business unit or job type to pick");
  // There is no campaign list in the specs we vendor: reuse the campaign of a seeded job, as a builder would map it.
  const campaignId = (sandbox.db.all("jobs").find((job) => job.campaignId) || { campaignId: 1 }).campaignId;

  const job = await call("createJob", {
    customerId: String(customer.id),
    locationId: String(location.id),
    businessUnitId: businessUnit.key,
    jobTypeId: jobType.key,
    priority: "High",
    campaignId: String(campaignId),
    appointmentStart: tomorrowAt(15),
    appointmentEnd: tomorrowAt(17),
    summary: "No cooling upstairs",
  });
  say("Job", `#${job.id} (number ${job.jobNumber}) · ${businessUnit.label} · ${jobType.label} · first visit ${shortTime(tomorrowAt(15))}`);

  const appointment = await call("createAppointment", {
    jobId: String(job.id),
    start: tomorrowAt(18),
    end: tomorrowAt(19),
    specialInstructions: "Follow-up: bring the replacement capacitor",
  });
  say("Appointment", `#${appointment.id} follow-up visit ${shortTime(appointment.start)} to ${shortTime(appointment.end)}`);

  const technicians = await call("selectTechnician", {});
  const technician = technicians[0];
  if (!technician) throw new Error("selectTechnician returned no technician");
  say(
    "Picklist",
    `selectTechnician: ${technicians.length} technicians, e.g. ${technicians
      .slice(0, 3)
      .map((t) => `"${t.label}"`)
      .join(", ")}`,
  );

  await call("assignTechnicians", { jobAppointmentId: String(appointment.id), technicianIds: [technician.key] });
  say("Assignment", `${technician.label} → appointment #${appointment.id}`);

  const jobs = await call("listJobs", { sort: "-Id", pageSize: "3", includeTotal: true });
  const rows = (jobs.data || []).map((j) => `#${j.id} ${String(j.jobStatus || "").padEnd(10)} ${j.summary || ""}`.trimEnd());
  say("List jobs", `newest 3 of ${jobs.totalCount ?? "?"}:\n${rows.join("\n")}`);
  const older = (jobs.data || [])[2];
  if (!older) throw new Error("listJobs returned fewer than 3 jobs");

  // The trigger's first run (no look-back date) starts watching from now; the second delivers what changed since.
  const watch = { resource: "jobs", includeRecentChanges: true };
  const first = await call("pollChangesTrigger", watch);
  say("Trigger run 1", first.polledNoChanges ? "no changes: watching jobs from now on" : `unexpected: ${JSON.stringify(first.data)}`);
  if (!first.polledNoChanges) throw new Error("the first trigger run (no look-back date) should start from now and deliver nothing");
  await call("updateJob", { id: String(older.id), priority: "Urgent" });
  note(`meanwhile: updateJob #${older.id} priority → Urgent`);
  const second = await call("pollChangesTrigger", watch);
  const changed = Object.entries(second.data || {}).flatMap(([type, records]) =>
    (records || []).map((r) => `${type} job #${r.id} (priority ${r.priority})`),
  );
  say("Trigger run 2", changed.length ? changed.join(", ") : "no changes (unexpected)");
  if (changed.length !== 1)
    throw new Error(`the second trigger run should deliver exactly the one job changed in between; got ${changed.length}`);

  // A builder's typo: caught by the input's clean function before any request leaves.
  const before = sandboxRequests();
  try {
    await call("getJob", { id: "12ab" });
    throw new Error("getJob accepted Job ID 12ab");
  } catch (error) {
    if (!/Job ID/.test(String(error && error.message))) throw error;
    const sent = sandboxRequests() - before;
    say("Bad input", `getJob with Job ID "12ab" → ${error.message}${sent === 0 ? " (no request sent)" : ` (${sent} request(s) sent!)`}`);
    if (sent !== 0) throw new Error("a request was sent for an invalid input");
  }

  // Any operation of the 25 modules, checked against its spec before it is sent: a lead for the new customer, then a
  // misspelled body field, refused with the field named (ServiceTitan would have dropped it silently).
  const [campaign] = await call("selectCampaign", {});

  const lead = await call("callOperation", {
    operation: "POST /crm/v2/tenant/{tenant}/leads",
    body: JSON.stringify({
      customerId: customer.id,
      campaignId: Number(campaign.key),
      summary: "Wants a quote for a new AC unit",
      followUpDate: tomorrowAt(16),
    }),
  });
  const typoBefore = sandboxRequests();
  let refused = "";
  try {
    await call("callOperation", {
      operation: "POST /crm/v2/tenant/{tenant}/leads",
      body: JSON.stringify({
        customerId: customer.id,
        campaignId: Number(campaign.key),
        summary: "Quote",
        priorty: "High",
        followUpDate: tomorrowAt(16),
      }),
    });
  } catch (error) {
    refused = String(error && error.message).replace(/; fields: .*/, "");
  }
  if (!refused || sandboxRequests() !== typoBefore)
    throw new Error("Call ServiceTitan API should refuse an unknown body field before sending");
  say(
    "Any operation",
    `callOperation POST /crm/v2/tenant/{tenant}/leads → lead #${lead.id} (${lead.status})\nthe same with "priorty" for priority → ${refused} (no request sent)`,
  );

  // ServiceTitan reports the job completed through a V2 webhook: signed, answered at once, its retry skipped.
  const webhooks = require(path.join(ROOT, "sandbox", "webhooks"));
  const hmacKey = "demo-webhook-hmac-key-32-to-64-characters"; // as entered in the Developer Portal
  const hook = { hmacKey, eventTypes: ["tn.jpm.job-completed"] };
  const completed = webhooks.sandboxDelivery(sandbox, "tn.jpm.job-completed", job.id, { hmacKey });
  const event = await deliver(webhooks.toTriggerPayload(completed), hook);
  const retry = await deliver(webhooks.toTriggerPayload(webhooks.redeliver(completed, { hmacKey })), hook);
  const forged = await deliver(webhooks.toTriggerPayload(webhooks.tamper(completed)), hook);
  say(
    "Webhook",
    `tn.jpm.job-completed for job #${event.data.data.job.id} → ${event.statusCode} ${event.branch} (verified: ${event.data.verified})\n` +
      `ServiceTitan's retry of it → ${retry.statusCode} ${retry.branch} (${retry.data.skipped})\n` +
      `the same delivery with one byte changed → ${forged.statusCode} ${forged.branch}`,
  );
  if (event.branch !== "Event" || retry.branch !== "Skipped" || forged.statusCode !== 401)
    throw new Error("the webhook trigger should run the signed event once and refuse the changed one");
};

const main = async (argv, io = {}) => {
  const stdout = io.stdout || process.stdout;
  const c = colours(stdout, io.env || process.env);
  const redactor = createRedactor();
  const print = (text) => stdout.write(redactor.text(`${text}\n`));
  let step = 0;
  const say = (title, text) => {
    const [first, ...rest] = String(text).split("\n");
    print(`${c.green("✓")} ${c.bold(`${String(++step).padStart(2)}. ${title.padEnd(14)}`)} ${first}`);
    for (const line of rest) print(`${" ".repeat(21)}${c.dim(line)}`);
  };
  const note = (text) => print(`${" ".repeat(21)}${c.dim(text)}`);
  const fail = (message) => {
    print(`${c.red("✗ demo failed:")} ${message}`);
    return 1;
  };

  let loaded;
  try {
    loaded = loadComponent(argv.includes("--src") ? "src" : "dist");
  } catch (error) {
    return fail(error.message);
  }
  const { component, source } = loaded;
  const missing = missingKeys(component);
  if (missing.length) return fail(`the component (${source}) lacks ${missing.join(", ")}, which the demo uses.`);

  const counts = ["actions", "dataSources", "triggers"].map((k) => Object.keys(component[k] || {}).length);
  const plural = (n, noun) => `${n} ${noun}${n === 1 ? "" : "s"}`;
  print(
    c.bold(`ServiceTitan component demo`) +
      c.dim(` · ${source}: ${plural(counts[0], "action")}, ${plural(counts[1], "data source")}, ${plural(counts[2], "trigger")}`),
  );

  let local;
  let stopWatching = () => undefined;
  try {
    local = await startLocalSandbox();
    local.secrets.forEach(redactor.add);
    let apiRequests = 0;
    stopWatching = watchRequests(({ path, authorization }) => {
      if (authorization) redactor.add(authorization.replace(/^bearer\s+/i, ""));
      if (path.includes("/tenant/")) apiRequests++;
    });
    const { sandbox, fields } = local;
    say("Sandbox", `ServiceTitan simulator on ${sandbox.url} (demo data; requests checked against the specs)`);
    const shown = Object.fromEntries(describeConnection(fields));
    say(
      "Connection",
      `tenant ${shown["Tenant ID"]} (${shown.Environment}) · Client ID ${shown["Client ID"]}\n` +
        `token URL ${shown["Token URL"]} · Client Secret ${shown["Client Secret"]} · Application Key ${shown["Application Key"]}`,
    );

    const connection = connectionValue(component, fields);
    const instanceState = {};
    const quiet = { debug() {}, info() {}, log() {}, warn() {}, error() {}, trace() {}, metric() {} };
    const call = async (key, params) => {
      const entry = findEntry(component, key);
      checkInputs(entry, params);
      const { kind, result } = await invokeEntry({ component, entry, params, connection, logger: quiet, instanceState });
      return outputOf(kind, result);
    };
    // The webhook flow's own instance state (its de-duplication window), as Prismatic keeps one per flow.
    const webhookState = {};
    const deliver = async (payload, params) => {
      const entry = findEntry(component, "webhookTrigger");
      checkInputs(entry, params);
      const { kind, result } = await invokeEntry({
        component,
        entry,
        params,
        connection,
        logger: quiet,
        instanceState: webhookState,
        payload,
      });
      return outputOf(kind, result);
    };
    await scenario({ call, deliver, say, note, sandbox, sandboxRequests: () => sandbox.requests.length });

    if (sandbox.violations.length)
      return fail(`${sandbox.violations.length} request(s) broke the OpenAPI spec: ${JSON.stringify(sandbox.violations)}`);
    print(c.bold(`Done: ${apiRequests} API requests, 0 spec violations.`) + c.dim(" Try any action: npm run invoke -- --list"));
    return 0;
  } catch (error) {
    return fail(`step ${step + 1}: ${(error && error.message) || JSON.stringify(error)}`);
  } finally {
    stopWatching();
    if (local) await local.sandbox.close();
  }
};

module.exports = { USES, missingKeys, scenario, main };

if (require.main === module) runMain(main);
