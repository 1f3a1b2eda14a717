import { useSandbox } from "../support";
import { actionsOn } from "../resources-a/helpers";

/** Leads (crm): create, read, list, update, dismiss, follow-ups, notes, web forms; call reasons. */
describe("leads", () => {
  const ctx = useSandbox();
  const { run, only, expectRefused, failure, picklist } = actionsOn(ctx);
  const db = () => ctx.sandbox.db;
  const openLead = () => db().all("leads", { status: "Open" })[0];

  beforeEach(() => ctx.sandbox.resetStats());

  describe("List Leads", () => {
    it("sends the declared filters under their spec names and returns only matching leads", async () => {
      const lead = openLead();
      const page = await run("listLeads", { status: "Open", customerId: String(lead.customerId), includeTotal: true });
      expect(page.data.map((l: { id: number }) => l.id)).toEqual(
        db()
          .all("leads", { status: "Open", customerId: lead.customerId })
          .map((l) => l.id),
      );
      expect(page.totalCount).toBe(page.data.length);
      expect(only("GET", "/leads").query).toEqual({ status: "Open", customerId: String(lead.customerId), includeTotal: "true" });
    });

    it("filters prospects (no customer yet) and web-form leads", async () => {
      const prospects = await run("listLeads", { withoutCustomer: "true" });
      expect(prospects.data.length).toBeGreaterThan(0);
      for (const l of prospects.data) expect(l.customerId).toBeNull();
      const forms = await run("listLeads", { isCaptureSourceForm: "true", leadCustomerName: "" });
      expect(forms.data.map((l: { captureSource: string }) => l.captureSource)).toEqual(forms.data.map(() => "Form"));
    });

    it("fetches all leads", async () => {
      const all = await run("listLeads", { fetchAll: true });
      expect(all.recordCount).toBe(db().all("leads").length);
    });

    it("refuses a status ServiceTitan does not know and a text customer id", async () => {
      await expectRefused("listLeads", { status: "Won" }, /Input "Status": "Won" is not one of Open, Dismissed, Converted/);
      await expectRefused("listLeads", { customerId: "acme" }, /Input "Customer ID": "acme" is not a whole number/);
    });
  });

  describe("Get Lead", () => {
    it("returns the lead", async () => {
      const lead = openLead();
      expect(await run("getLead", { id: String(lead.id) })).toMatchObject({ id: lead.id, status: "Open", summary: lead.summary });
      only("GET", `/leads/${lead.id}`);
    });

    it("names the lead in a 404 and refuses a missing id", async () => {
      expect((await failure("getLead", { id: "199999" })).message).toMatch(/Lead 199999 was not found/);
      await expectRefused("getLead", {}, /Input "Lead ID": is required/);
    });
  });

  describe("Create Lead", () => {
    const required = { campaignId: "160001", summary: "Wants a quote for a heat pump" };

    it("sends the spec's body (integer ids, UTC dates) and the lead can be read back", async () => {
      const created = await run("createLead", {
        ...required,
        customerId: "2001",
        locationId: "3001",
        businessUnitId: "101",
        jobTypeId: "201",
        priority: "High",
        tagTypeIds: ["501"],
        followUpDate: "2025-03-01T09:00:00-07:00",
      });
      expect(only("POST", "/leads").body).toEqual({
        customerId: 2001,
        locationId: 3001,
        campaignId: 160001,
        businessUnitId: 101,
        jobTypeId: 201,
        summary: "Wants a quote for a heat pump",
        tagTypeIds: [501],
        priority: "High",
        followUpDate: "2025-03-01T16:00:00.000Z",
      });
      expect(await run("getLead", { id: String(created.id) })).toMatchObject({
        id: created.id,
        status: "Open",
        customerId: 2001,
        followUpDate: "2025-03-01T16:00:00.000Z",
      });
    });

    it("creates a prospect's lead from a booking, which ServiceTitan dismisses", async () => {
      const booking = db().all("bookings", { status: "New" })[0];
      const created = await run("createLead", {
        ...required,
        callReasonId: "192001",
        bookingId: String(booking.id),
        leadCustomerName: "Jane Doe",
        leadPhone: "6195550134",
        leadCity: "Phoenix",
      });
      expect(only("POST", "/leads").body).toMatchObject({ callReasonId: 192001, bookingId: booking.id, leadCustomerName: "Jane Doe" });
      expect(db().get("leads", created.id)).toMatchObject({ leadCustomerName: "Jane Doe", leadPhone: "6195550134", customerId: null });
      expect(db().get("bookings", booking.id)!.status).toBe("Dismissed");
    });

    it.each([
      ["neither a call reason nor a follow-up date", {}, /Input "Call Reason ID": or Follow-Up Date is required/],
      ["no campaign", { campaignId: "", callReasonId: "192001" }, /Input "Campaign ID": is required/],
      ["a text campaign", { campaignId: "Google", callReasonId: "192001" }, /Input "Campaign ID": "Google" is not a whole number/],
      ["a follow-up date that is not one", { followUpDate: "next week" }, /Input "Follow-Up Date": "next week" is not a date/],
      ["a priority ServiceTitan does not know", { callReasonId: "192001", priority: "Asap" }, /Input "Priority": "Asap" is not one of/],
    ])("refuses %s before any request", async (_case, params, message) => {
      await expectRefused("createLead", { ...required, ...params }, message);
    });

    it("reports ServiceTitan's field message for an unknown campaign", async () => {
      const error = await failure("createLead", { ...required, campaignId: "99", callReasonId: "192001" });
      expect(error.message).toMatch(/campaignId: Campaign with id 99 not found/);
    });
  });

  describe("Update Lead", () => {
    it("sends only the entered fields and the lead changes", async () => {
      const lead = openLead();
      await run("updateLead", { id: String(lead.id), priority: "Urgent", summary: "Now also wants a thermostat", leadEmail: "" });
      expect(only("PATCH", `/leads/${lead.id}`).body).toEqual({ priority: "Urgent", summary: "Now also wants a thermostat" });
      expect(db().get("leads", lead.id)).toMatchObject({ priority: "Urgent", summary: "Now also wants a thermostat" });
    });

    it("refuses a text job type", async () => {
      await expectRefused("updateLead", { id: "100001", jobTypeId: "Repair" }, /Input "Job Type ID": "Repair" is not a whole number/);
    });
  });

  describe("Dismiss Lead", () => {
    it("sends the reason, and the lead is dismissed (a second dismissal is a conflict)", async () => {
      const lead = db().all("leads", { status: "Open" }).slice(-1)[0];
      expect(await run("dismissLead", { id: String(lead.id), dismissingReasonId: "192005" })).toEqual({});
      expect(only("POST", `/leads/${lead.id}/dismiss`).body).toEqual({ dismissingReasonId: 192005 });
      expect(db().get("leads", lead.id)).toMatchObject({ status: "Dismissed", dismissingReasonId: 192005 });
      const again = await failure("dismissLead", { id: String(lead.id), dismissingReasonId: "192005" });
      expect(again.message).toMatch(/only open leads can be dismissed/);
    });

    it("refuses a missing reason", async () => {
      await expectRefused("dismissLead", { id: "100001" }, /Input "Dismissing Reason ID": is required/);
    });
  });

  describe("Lead follow-ups and notes", () => {
    it("schedules a follow-up with a pinned note", async () => {
      const lead = openLead();
      const answer = await run("createLeadFollowUp", {
        id: String(lead.id),
        followUpDate: "2025-04-02T08:30:00+02:00",
        text: "Call about financing",
        pinToTop: "true",
      });
      expect(only("POST", `/leads/${lead.id}/follow-up`).body).toEqual({
        followUpDate: "2025-04-02T06:30:00.000Z",
        text: "Call about financing",
        pinToTop: true,
      });
      expect(answer).toMatchObject({ leadId: lead.id, followUpDate: "2025-04-02T06:30:00.000Z" });
      expect(db().get("leads", lead.id)!.followUpDate).toBe("2025-04-02T06:30:00.000Z");
      const notes = await run("listLeadNotes", { id: String(lead.id), fetchAll: true });
      expect(notes.data).toContainEqual(expect.objectContaining({ text: "Call about financing", isPinned: true }));
    });

    it("adds a note and lists it", async () => {
      const lead = openLead();
      const note = await run("createLeadNote", { id: String(lead.id), text: "Sent brochure" });
      expect(only("POST", `/leads/${lead.id}/notes`).body).toEqual({ text: "Sent brochure" });
      const page = await run("listLeadNotes", { id: String(lead.id), pageSize: "100" });
      expect(page.data.map((n: { id: number }) => n.id)).toContain(note.id);
    });

    it("refuses a follow-up without a date and an empty note", async () => {
      await expectRefused("createLeadFollowUp", { id: "100001" }, /Input "Follow-Up Date": is required/);
      await expectRefused("createLeadNote", { id: "100001", text: " " }, /Input "Text": is required/);
    });
  });

  describe("Submit Lead Form", () => {
    it("sends the form with its address, and ServiceTitan creates a web-form lead", async () => {
      const answer = await run("submitLeadForm", {
        name: "Sam Rivera",
        email: "sam@example.com",
        phoneNumber: "6025550199",
        summary: "Need AC repair this week",
        street: "12 Palm Ave",
        city: "Tempe",
        state: "AZ",
        zip: "85281",
        country: "USA",
      });
      expect(only("POST", "/leads/form").body).toEqual({
        name: "Sam Rivera",
        email: "sam@example.com",
        phoneNumber: "6025550199",
        summary: "Need AC repair this week",
        address: { street: "12 Palm Ave", city: "Tempe", state: "AZ", zip: "85281", country: "USA" },
      });
      expect(db().get("leads", answer.leadId)).toMatchObject({
        leadCustomerName: "Sam Rivera",
        leadCity: "Tempe",
        captureSource: "Form",
        status: "Open",
      });
    });

    it("refuses a partial address and a missing name", async () => {
      await expectRefused("submitLeadForm", { name: "Sam", street: "12 Palm Ave" }, /Input "City": is required once any address field/);
      await expectRefused("submitLeadForm", { email: "sam@example.com" }, /Input "Name": is required/);
    });
  });

  describe("call reasons and dropdowns", () => {
    it("lists call reasons", async () => {
      const page = await run("listCallReasons", { active: "Any" });
      expect(page.data.map((r: { name: string }) => r.name)).toContain("Wrong number");
      expect(only("GET", "/call-reasons").query).toEqual({ active: "Any" });
    });

    it.each([
      ["selectLead", {}],
      ["selectCallReason", {}],
    ])("%s returns records with labels", async (key, params) => {
      const options = await picklist(key, params);
      expect(options.length).toBeGreaterThan(2);
      for (const option of options) expect(option.label.trim()).not.toBe("");
    });

    it("selectLead labels a lead by its prospect name or summary, newest first; selectCallReason offers active reasons", async () => {
      const leads = await picklist("selectLead");
      expect(Number(leads[0].key)).toBeGreaterThan(Number(leads[leads.length - 1].key));
      const prospect = db()
        .all("leads")
        .find((l) => l.leadCustomerName)!;
      expect(leads.find((o) => o.key === String(prospect.id))!.label).toBe(
        `${prospect.leadCustomerName} — ${prospect.summary} (ID: ${prospect.id})`,
      );
      const reasons = await picklist("selectCallReason");
      expect(reasons.map((o) => o.label)).toContain("Wrong number (ID: 192005)");
      expect(reasons.map((o) => o.label)).not.toContain("Solicitor (ID: 192006)");
    });
  });
});
