import { useSandbox } from "../support";
import { actionsOn } from "../resources-a/helpers";

/** The last operations curated: a record's linked contacts, Advanced Capacity, and job and project messages. */
describe("linked contacts, advanced capacity and messages", () => {
  const ctx = useSandbox();
  const { run, only, expectRefused, failure } = actionsOn(ctx);
  const db = () => ctx.sandbox.db;

  beforeEach(() => ctx.sandbox.resetStats());

  describe("contacts linked to a record", () => {
    it("lists the contacts linked to a customer, by the customer's id", async () => {
      const link = db().all("contact-relationships", { typeSlug: "customer" })[0];
      const page = await run("listContactsOfRecord", { relationshipId: String(link.relatedEntityId), isArchived: "false" });
      const request = only("GET", `/contacts/relationships/${link.relatedEntityId}`);
      expect(request.query).toMatchObject({ isArchived: "false" });
      const linked = db()
        .all("contact-relationships", { relatedEntityId: link.relatedEntityId })
        .filter((r) => r.active)
        .map((r) => r.contactId);
      expect(linked.length).toBeGreaterThan(0);
      expect(page.data).toHaveLength(new Set(linked).size);
      expect(page.data.every((c: { id: unknown }) => typeof c.id === "string")).toBe(true);
    });

    it("answers an empty page for a record nobody is linked to", async () => {
      const page = await run("listContactsOfRecord", { relationshipId: "999999" });
      expect(page.data).toEqual([]);
    });

    it("refuses a missing or non-numeric record id before any request", async () => {
      await expectRefused("listContactsOfRecord", {}, /Input "Related Record ID"/);
      await expectRefused(
        "listContactsOfRecord",
        { relationshipId: "cust-1" },
        /Input "Related Record ID": "cust-1" is not a whole number/,
      );
    });
  });

  describe("Advanced Capacity (March 2026 documents)", () => {
    const period = { startUtc: "2025-04-07", endUtc: "2025-04-08", xType: "ArrivalWindow" };

    it("lists bookable slots with the free technicians and the job's time", async () => {
      const result = await run("listAvailableSlots", { ...period, jobDurationInMinutes: "90", businessUnits: ["101"] });
      expect(only("POST", "/adcap/availability/slots").body).toEqual({
        startUtc: "2025-04-07T00:00:00.000Z",
        endUtc: "2025-04-08T00:00:00.000Z",
        xType: "ArrivalWindow",
        jobDurationInMinutes: 90,
        businessUnits: [101],
      });
      expect(result.availableSlots.length).toBeGreaterThan(0);
      for (const slot of result.availableSlots) {
        expect(slot.technicians.length).toBeGreaterThan(0);
        for (const t of slot.technicians) {
          expect(t.jobStart).toBe(slot.slotStart);
          expect(Date.parse(t.jobEnd) - Date.parse(t.jobStart)).toBe(90 * 60_000);
        }
      }
    });

    it("narrows the slots to the technicians asked for", async () => {
      const technician = db()
        .all("technicians")
        .find((t) => t.active && t.businessUnitId === 101)!;
      const result = await run("listAvailableSlots", { ...period, technicians: [String(technician.id)] });
      const named = result.availableSlots.flatMap((s: { technicians: Array<{ technicianId: number }> }) => s.technicians);
      expect(named.every((t: { technicianId: number }) => t.technicianId === technician.id)).toBe(true);
    });

    it("sends the availability report request with the columns asked for", async () => {
      const report = await run("getAvailabilityReport", { ...period, xType: "Technician", zones: [String(db().all("zones")[0].id)] });
      expect(only("POST", "/adcap/availability").body).toMatchObject({ xType: "Technician", zones: [db().all("zones")[0].id] });
      expect(report).toHaveProperty("timeStamp");
    });

    it("says ServiceTitan no longer documents it", () => {
      const { default: component } = jest.requireActual("../../src");
      expect(component.actions.listAvailableSlots.display.description).toMatch(/no longer documents this operation publicly/);
    });

    it("refuses a period that ends before it starts, an unknown column type and a text technician id", async () => {
      await expectRefused("listAvailableSlots", { ...period, endUtc: "2025-04-06" }, /Input "End": must be after Start/);
      await expectRefused("getAvailabilityReport", { ...period, xType: "Weekday" }, /Input "Columns By"/);
      await expectRefused("listAvailableSlots", { ...period, technicians: ["marcus"] }, /Input "Technician IDs"/);
    });
  });

  describe("job and project messages (March 2026 documents)", () => {
    const employee = () => String(db().all("employees")[0].id);

    it("posts a message on a job, then a reply to it, both kept", async () => {
      const first = await run("createJobMessage", { id: "10025", body: "Parts arrive Thursday.", createdByEmployeeId: employee() });
      expect(only("POST", "/jobs/10025/messages").body).toEqual({
        body: "Parts arrive Thursday.",
        createdByEmployeeId: Number(employee()),
      });
      ctx.sandbox.resetStats();
      const reply = await run("createJobMessage", {
        id: "10025",
        body: "Thanks, I'll schedule the return visit.",
        createdByEmployeeId: employee(),
        parentMessageId: String(first.id),
        addParentMessageSenderToRecipients: true,
      });
      expect(reply.id).toBe(first.id + 1);
      expect(db().get("messages", reply.id)).toMatchObject({ jobId: 10025, parentMessageId: first.id });
    });

    it("posts a message on a project", async () => {
      const project = db().all("projects")[0];
      const message = await run("createProjectMessage", {
        id: String(project.id),
        body: "Permit approved.",
        createdByEmployeeId: employee(),
      });
      expect(db().get("messages", message.id)).toMatchObject({ projectId: project.id, body: "Permit approved." });
    });

    it("relays ServiceTitan's refusal of a reply to another job's message", async () => {
      const other = await run("createJobMessage", { id: "10025", body: "First.", createdByEmployeeId: employee() });
      const error = await failure("createJobMessage", {
        id: "10001",
        body: "Reply.",
        createdByEmployeeId: employee(),
        parentMessageId: String(other.id),
      });
      expect(error.message).toMatch(/is not on this job/);
    });

    it("refuses a message without text or author before any request", async () => {
      await expectRefused("createJobMessage", { id: "10025", createdByEmployeeId: employee() }, /Input "Message"/);
      await expectRefused("createProjectMessage", { id: "1", body: "x" }, /Input "Author Employee ID"/);
    });
  });
});
