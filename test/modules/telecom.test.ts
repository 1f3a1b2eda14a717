import { useSandbox } from "../support";
import { actionsOn } from "../resources-a/helpers";

/** Calls (telecom): the v3 and v2 lists, one call, classifying a call, recordings and voicemails. */
describe("calls", () => {
  const ctx = useSandbox();
  const { run, only, calls, expectRefused, failure, picklist } = actionsOn(ctx);
  const db = () => ctx.sandbox.db;
  const withRecording = () =>
    db()
      .all("calls")
      .find((c) => c.leadCall.recordingUrl)!;
  const withVoicemail = () =>
    db()
      .all("calls")
      .find((c) => c.leadCall.voiceMailUrl)!;

  beforeEach(() => ctx.sandbox.resetStats());

  describe("List Calls (v3)", () => {
    it("filters by campaign and caller and returns each call with its lead call", async () => {
      const call = db().get("calls", 180002)!;
      const page = await run("listCalls", {
        campaignId: String(call.leadCall.campaign.id),
        callerPhoneNumber: call.leadCall.from,
        createdOnOrAfter: "2025-01-01",
        sort: "-Id",
      });
      expect(page.data.map((c: { id: number }) => c.id)).toEqual([180002]);
      expect(page.data[0].leadCall).toMatchObject({ id: 180002, from: call.leadCall.from, active: true });
      expect(only("GET", "/calls").query).toEqual({
        active: "True", // the Active input's default (ServiceTitan's too)
        campaignId: String(call.leadCall.campaign.id),
        callerPhoneNumber: call.leadCall.from,
        createdOnOrAfter: "2025-01-01T00:00:00.000Z",
        sort: "-Id",
      });
    });

    it("fetches all calls", async () => {
      expect((await run("listCalls", { fetchAll: true })).recordCount).toBe(db().all("calls").length);
    });

    it("refuses a text agent id and a duration that is not a number", async () => {
      await expectRefused("listCalls", { agentId: "Marcus" }, /Input "Agent ID": "Marcus" is not a whole number/);
      await expectRefused("listCalls", { minDuration: "1m" }, /Input "Min Duration": "1m" is not a whole number/);
    });
  });

  describe("List Calls (v2)", () => {
    it("sends the v2 filters (ids repeated, order) and always answers the total", async () => {
      const page = await run("listCallsV2", { ids: ["180001", "180003"], orderBy: "Id", orderByDirection: "desc", minDuration: "60" });
      expect(page.data.map((c: { id: number }) => c.id)).toEqual([180003, 180001]);
      expect(page.totalCount).toBe(2);
      const request = calls("GET", "/calls")[0];
      expect(request.path).toMatch(/\/telecom\/v2\//);
      expect(request.query).toEqual({ ids: ["180001", "180003"], orderBy: "Id", orderByDirection: "desc", minDuration: "60" });
    });

    it("offers no Include Total (the v2 list does not declare it) and refuses an unknown order", async () => {
      const { default: component } = await import("../../src");
      expect((component.actions.listCallsV2.inputs as unknown as Array<{ key: string }>).map((i) => i.key)).not.toContain("includeTotal");
      await expectRefused("listCallsV2", { orderByDirection: "down" }, /Input "Order By Direction": "down" is not one of asc, desc/);
    });
  });

  describe("Get Call", () => {
    it("returns the call", async () => {
      expect(await run("getCall", { id: "180001" })).toMatchObject({ id: 180001, leadCall: { id: 180001 } });
      expect(only("GET", "/calls/180001").path).toMatch(/\/telecom\/v2\//);
    });

    it("names the call in a 404", async () => {
      expect((await failure("getCall", { id: "189999" })).message).toMatch(/Call 189999 was not found/);
    });
  });

  describe("Update Call", () => {
    it("fills the classification ServiceTitan requires from the call and the CRM, with the entered changes", async () => {
      const call = db().get("calls", 180004)!;
      const customerId = call.leadCall.customer.id as number;
      const location = db().all("locations", { customerId })[0];
      const answer = await run("updateCall", {
        id: "180004",
        callType: "Booked",
        callReasonId: "192002",
        campaignId: "160003",
        locationId: String(location.id),
        tag: "VIP caller",
      });
      const body = only("PUT", "/calls/180004").body;
      expect(body).toMatchObject({
        callId: 180004,
        callType: "Booked",
        excuseMemo: "",
        campaignId: 160003,
        agentId: call.leadCall.agent.id,
        reason: { name: "Repair request", lead: true },
        customer: { id: customerId, name: call.leadCall.customer.name },
        location: { id: location.id, name: location.name, address: { street: location.address.street, city: location.address.city } },
        tag: "VIP caller",
      });
      expect(body.location.contacts).toEqual(
        db()
          .all("location-contacts", { locationId: location.id })
          .map((c) => ({ id: c.id, type: c.type, value: c.value, memo: c.memo ?? "" })),
      );
      // The CRM reads before the write: the location and its contacts, and the tenant's call reasons.
      expect(calls("GET", `/locations/${location.id}`)).toHaveLength(1);
      expect(calls("GET", "/call-reasons")).toHaveLength(1);
      expect(answer).toMatchObject({ id: 180004, callType: "Booked", reason: { name: "Repair request" } });
      const read = await run("getCall", { id: "180004" });
      expect(read.leadCall).toMatchObject({ callType: "Booked", campaign: { id: 160003 }, tags: [{ typeName: "VIP caller" }] });
    });

    it("moves a call to another customer, reading the customer and its contacts", async () => {
      const customer = db().get("customers", 2012)!;
      const location = db().all("locations", { customerId: 2012 })[0];
      await run("updateCall", { id: "180005", customerId: "2012", locationId: String(location.id), jobId: "10001" });
      const body = only("PUT", "/calls/180005").body;
      expect(body.customer).toMatchObject({ id: 2012, name: customer.name });
      expect(body.customer.contacts.map((c: { value: string }) => c.value)).toEqual(
        db()
          .all("customer-contacts", { customerId: 2012 })
          .map((c) => c.value),
      );
      expect(body.jobId).toBe(10001);
      expect(db().get("calls", 180005)!.leadCall.customer.id).toBe(2012);
    });

    it("reports a location of another customer (ServiceTitan's 400) and an unknown call reason", async () => {
      const call = db().get("calls", 180006)!;
      const other = db()
        .all("locations")
        .find((l) => l.customerId !== call.leadCall.customer.id)!;
      expect((await failure("updateCall", { id: "180006", locationId: String(other.id) })).message).toMatch(/does not belong to customer/);
      const unknown = await failure("updateCall", { id: "180006", locationId: "3001", callReasonId: "99" });
      expect(unknown.message).toMatch(/Input "Call Reason ID": 99 is not one of the tenant's call reasons/);
    });

    it("refuses a missing location and a call type ServiceTitan does not know", async () => {
      await expectRefused("updateCall", { id: "180004" }, /Input "Location ID": is required/);
      await expectRefused("updateCall", { id: "180004", locationId: "3001", callType: "Spam" }, /Input "Call Type": "Spam" is not one of/);
    });
  });

  describe("recordings and voicemails", () => {
    it("downloads a call's recording as audio", async () => {
      const call = withRecording();
      const { runAction } = await import("../support");
      const result = (await runAction("getCallRecording", { connection: ctx.connection, id: String(call.id) })) as {
        data: Buffer;
        contentType: string;
      };
      expect(result.contentType).toBe("audio/mpeg");
      expect(Buffer.from(result.data).toString()).toBe(`ID3 sandbox recording of call ${call.id}`);
    });

    it("downloads a voicemail, and names what is missing in a 404", async () => {
      const { runAction } = await import("../support");
      const call = withVoicemail();
      const result = (await runAction("getCallVoicemail", { connection: ctx.connection, id: String(call.id) })) as { data: Buffer };
      expect(Buffer.from(result.data).toString()).toBe(`ID3 sandbox voicemail of call ${call.id}`);
      const error = await runAction("getCallRecording", { connection: ctx.connection, id: String(call.id) }).catch((e: Error) => e);
      expect((error as Error).message).toMatch(new RegExp(`Recording of call ${call.id} was not found`));
    });

    it("refuses a text call id", async () => {
      await expectRefused("getCallRecording", { id: "last" }, /Input "Call ID": "last" is not a whole number/);
    });
  });

  describe("dropdown", () => {
    it("selectCall lists calls newest first with direction, numbers and time", async () => {
      const options = await picklist("selectCall");
      expect(options).toHaveLength(db().all("calls").length);
      expect(options[0].key).toBe(
        String(
          Math.max(
            ...db()
              .all("calls")
              .map((c) => c.id),
          ),
        ),
      );
      for (const option of options)
        expect(option.label).toMatch(/^(Inbound|Outbound) \S+ → \S+, \d{4}-\d{2}-\d{2} \d{2}:\d{2} \(ID: \d+\)$/);
    });
  });
});
