import component from "../../src";
import { useSandbox } from "../support";
import { actionsOn } from "../resources-a/helpers";

/** Marketing (campaigns, categories, costs) and Marketing Ads (attribution, performance). */
describe("marketing", () => {
  const ctx = useSandbox();
  const { run, only, calls, expectRefused, failure, picklist } = actionsOn(ctx);
  const db = () => ctx.sandbox.db;

  beforeEach(() => ctx.sandbox.resetStats());

  describe("campaigns", () => {
    const newCampaign = { name: "Fall Furnace Promo", businessUnitId: "101", categoryId: "191002", active: "true" };

    it("creates a campaign, reads it back with its category and business unit, and finds it by tracking number", async () => {
      const created = await run("createCampaign", { ...newCampaign, dnis: "4805550199", source: "Direct Mail", medium: "Postcard" });
      expect(only("POST", "/campaigns").body).toEqual({
        name: "Fall Furnace Promo",
        businessUnitId: 101,
        categoryId: 191002,
        active: true,
        dnis: "4805550199",
        source: "Direct Mail",
        medium: "Postcard",
      });
      expect(await run("getCampaign", { id: String(created.id) })).toMatchObject({
        name: "Fall Furnace Promo",
        category: { id: 191002, name: "Direct Mail" },
        businessUnit: "HVAC Service",
        campaignPhoneNumbers: ["4805550199"],
      });
      const found = await run("listCampaigns", { campaignPhoneNumber: "4805550199" });
      expect(found.data.map((c: { id: number }) => c.id)).toEqual([created.id]);
      expect(only("GET", "/campaigns").query).toEqual({ active: "True", campaignPhoneNumber: "4805550199" });
    });

    it("updates a campaign (deactivating it hides it from the default list)", async () => {
      await run("updateCampaign", { id: "160003", ...newCampaign, name: "Yelp Ads", active: "false" });
      expect(only("PATCH", "/campaigns/160003").body).toEqual({ name: "Yelp Ads", businessUnitId: 101, categoryId: 191002, active: false });
      expect(db().get("campaigns", 160003)).toMatchObject({ name: "Yelp Ads", active: false });
      const active = await run("listCampaigns", { fetchAll: true });
      expect(active.data.map((c: { id: number }) => c.id)).not.toContain(160003);
      const any = await run("listCampaigns", { active: "Any", ids: ["160003"] });
      expect(any.data).toHaveLength(1);
    });

    it.each([
      ["no name", { name: "" }, /Input "Name": is required/],
      ["a text business unit", { businessUnitId: "HVAC" }, /Input "Business Unit ID": "HVAC" is not a whole number/],
      ["no active flag", { active: "" }, /Input "Active": is required/],
    ])("refuses %s before any request", async (_case, params, message) => {
      await expectRefused("createCampaign", { ...newCampaign, ...params }, message);
    });

    it("reports ServiceTitan's message for an unknown category", async () => {
      expect((await failure("createCampaign", { ...newCampaign, categoryId: "7" })).message).toMatch(
        /categoryId: Campaign category with id 7/,
      );
    });
  });

  describe("campaign categories", () => {
    it("creates a category (answering its id), reads, lists and renames it", async () => {
      const { id } = await run("createCampaignCategory", { name: "Television" });
      expect(only("POST", "/categories").body).toEqual({ name: "Television" });
      expect(await run("getCampaignCategory", { id: String(id) })).toMatchObject({ id, name: "Television", active: true, type: "Regular" });
      const listed = await run("listCampaignCategories", { sort: "+Name" });
      expect(listed.data.map((c: { name: string }) => c.name)).toContain("Television");
      await run("updateCampaignCategory", { id: String(id), name: "TV", active: "false" });
      expect(only("PATCH", `/categories/${id}`).body).toEqual({ name: "TV", active: false });
      expect(db().get("campaign-categories", id)).toMatchObject({ name: "TV", active: false });
    });

    it("refuses a category without a name", async () => {
      await expectRefused("createCampaignCategory", {}, /Input "Name": is required/);
    });
  });

  describe("campaign costs", () => {
    it("records a month's daily cost, reads, filters and updates it; a second cost for the month is a conflict", async () => {
      const cost = await run("createCampaignCost", { campaignId: "160004", year: "2025", month: "4", dailyCost: "18.75" });
      expect(only("POST", "/costs").body).toEqual({ campaignId: 160004, year: 2025, month: 4, dailyCost: 18.75 });
      expect(await run("getCampaignCost", { id: String(cost.id) })).toMatchObject({
        campaignId: 160004,
        year: 2025,
        month: 4,
        dailyCost: 18.75,
      });
      const listed = await run("listCampaignCosts", { campaignId: "160004", year: "2025", month: "4" });
      expect(listed.data.map((c: { id: number }) => c.id)).toEqual([cost.id]);
      await run("updateCampaignCost", { id: String(cost.id), dailyCost: "20" });
      expect(only("PATCH", `/costs/${cost.id}`).body).toEqual({ dailyCost: 20 });
      expect(db().get("campaign-costs", cost.id)!.dailyCost).toBe(20);
      const again = await failure("createCampaignCost", { campaignId: "160004", year: "2025", month: "4", dailyCost: "1" });
      expect(again.message).toMatch(/already has a cost for 2025-4/);
    });

    it.each([
      ["a month 13", { month: "13" }, /Input "Month": 13 is out of range; expected 1 to 12/],
      ["a cost that is not a number", { dailyCost: "free" }, /Input "Daily Cost": "free" is not a number/],
      ["no campaign", { campaignId: "" }, /Input "Campaign ID": is required/],
    ])("refuses %s", async (_case, params, message) => {
      await expectRefused("createCampaignCost", { campaignId: "160001", year: "2025", month: "5", dailyCost: "10", ...params }, message);
    });
  });

  describe("marketing ads: attribution", () => {
    const session = {
      landingPageUrl: "https://example.com/ac?utm_source=google&gclid=abc",
      gclid: "abc",
      utmSource: "google",
      utmMedium: "cpc",
      utmCampaign: "spring-ac",
    };

    it("attributes a web lead form to its web session (the referrer of a direct visit sent empty) and lists it", async () => {
      const lead = db().all("leads")[0];
      expect(await run("createWebLeadFormAttribution", { leadId: String(lead.id), ...session })).toEqual({});
      expect(only("POST", "/web-lead-form-attributions").body).toEqual({
        leadId: lead.id,
        webSessionData: { ...session, referrerUrl: "" },
      });
      const page = await run("listAttributedLeads", { fromUtc: "2020-01-01", toUtc: "2100-01-01", leadType: "WebLeadForm" });
      expect(page.data).toEqual([
        expect.objectContaining({
          leadType: 3,
          attribution: expect.objectContaining({ utmSource: "google", clickId: "abc", landingPageUrl: session.landingPageUrl }),
          leadForm: expect.objectContaining({ leadNumber: lead.id }),
        }),
      ]);
      expect(only("GET", "/attributed-leads").query).toEqual({
        fromUtc: "2020-01-01T00:00:00.000Z",
        toUtc: "2100-01-01T00:00:00.000Z",
        leadType: "WebLeadForm",
      });
    });

    it.each([
      ["createJobAttribution", { jobId: "10001" }, "/job-attributions", { jobId: 10001 }],
      ["createWebBookingAttribution", { bookingId: "80001" }, "/web-booking-attributions", { bookingId: 80001 }],
      [
        "createExternalCallAttribution",
        {
          customerPhoneNumber: "6025550111",
          forwardingPhoneNumber: "4805550100",
          trackingPhoneNumber: "4805550101",
          callStartedOnUtc: "2025-03-01T09:00:00-07:00",
        },
        "/external-call-attributions",
        {
          externalCallData: {
            customerPhoneNumber: "6025550111",
            forwardingPhoneNumber: "4805550100",
            trackingPhoneNumber: "4805550101",
            callStartedOnUtc: "2025-03-01T16:00:00.000Z",
          },
        },
      ],
    ])("%s sends the record and the web session", async (key, params, path, expected) => {
      const before = db().count("ads-attributions");
      await run(key, { ...params, ...session, referrerUrl: "https://www.google.com/" });
      expect(only("POST", path).body).toEqual({ ...expected, webSessionData: { ...session, referrerUrl: "https://www.google.com/" } });
      expect(db().count("ads-attributions")).toBe(before + 1);
    });

    it("reports an unknown job (ServiceTitan's 400) and refuses a missing landing page", async () => {
      expect((await failure("createJobAttribution", { jobId: "99999", ...session })).message).toMatch(/jobId: Job with id 99999 not found/);
      await expectRefused("createWebBookingAttribution", { bookingId: "80001" }, /Input "Landing Page URL": is required/);
    });

    it("lists ad performance per campaign and the capacity warnings", async () => {
      const page = await run("listAdsPerformance", { fromUtc: "2025-01-01", toUtc: "2025-02-01", performanceSegmentationType: "Campaign" });
      expect(page.data.length).toBeGreaterThan(0);
      expect(only("GET", "/performance").query).toEqual({
        fromUtc: "2025-01-01T00:00:00.000Z",
        toUtc: "2025-02-01T00:00:00.000Z",
        performanceSegmentationType: "Campaign",
      });
      await run("getCapacityWarnings", {});
      expect(calls("GET", "/capacity-warnings")).toHaveLength(1);
      await expectRefused(
        "listAdsPerformance",
        { fromUtc: "2025-01-01", toUtc: "2025-02-01" },
        /Input "Performance Segmentation Type": is required/,
      );
    });
  });

  describe("dropdowns and links", () => {
    it.each(["selectCampaign", "selectCampaignCategory", "selectCampaignCost"])("%s returns records with labels", async (key) => {
      const options = await picklist(key);
      expect(options.length).toBeGreaterThan(0);
      for (const option of options) expect(option.label.trim()).not.toBe("");
    });

    it("selectCampaign offers active campaigns by name; selectCampaignCost narrows to one campaign", async () => {
      const campaigns = await picklist("selectCampaign");
      expect(campaigns.map((o) => o.label)).toContain("Google Ads (ID: 160001)");
      expect(campaigns.map((o) => o.label)).not.toContain("Radio 2024 (ID: 160005)");
      const costs = await picklist("selectCampaignCost", { campaignId: "160001" });
      expect(costs.map((o) => o.label)).toEqual([
        "Campaign 160001, 2025-03: 45.5 a day (ID: 170003)",
        "Campaign 160001, 2025-02: 45.5 a day (ID: 170002)",
        "Campaign 160001, 2025-01: 45.5 a day (ID: 170001)",
      ]);
    });

    it("the jobs' and bookings' Campaign ID inputs now offer the campaigns dropdown", () => {
      for (const key of ["createJob", "updateJob", "listJobs", "createBookingByProvider", "updateBooking", "createLead", "updateCall"]) {
        const input = (component.actions[key].inputs as unknown as Array<{ key: string; dataSource?: string }>).find(
          (i) => i.key === "campaignId",
        );
        expect([key, input?.dataSource]).toEqual([key, "selectCampaign"]);
      }
    });
  });
});

/** Every id input of the actions this area adds links to a dropdown the component has. */
describe("front-office CRM, marketing and telecom actions", () => {
  const NEW_ACTIONS = Object.keys(component.actions)
    .filter((key) =>
      /Lead|CallReason|CustomerNote|LocationNote|CustomerTag|LocationTag|TagsToCustomers|TagsFromCustomers|LocationContact|PreferredTechnician|CustomFieldTypes|Contact$|Contacts$|ContactMethod|ContactRelationship|linkContact|BookingContact|dismissBooking|BookingProviderTag|Campaign|Attribut|AdsPerformance|CapacityWarnings|Call$|Calls|CallRecording|CallVoicemail/i.test(
        key,
      ),
    )
    .filter(
      (key) =>
        ![
          "createCustomerContact",
          "updateCustomerContact",
          "listCustomersContact",
          "deletCustomersContact",
          "exportCustomerContacts",
        ].includes(key),
    );
  // Ids no API lists: a relationship's record (customer, location or booking, by Type Slug) and a telecom agent (or its id elsewhere).
  const WITHOUT_DROPDOWN = new Set([
    "listContactRelationships.relatedEntityId",
    ...["listCalls", "listCallsV2"].flatMap((key) => [`${key}.agentId`, `${key}.agentExternalId`]),
    "updateCall.agentId",
  ]);

  it("covers the area's actions", () => {
    expect(NEW_ACTIONS.length).toBeGreaterThan(75);
  });

  it.each(NEW_ACTIONS)("%s: every id input has a dropdown the component has, and an example payload", (key) => {
    const definition = component.actions[key];
    expect(definition.examplePayload).toBeDefined();
    const inputs = definition.inputs as unknown as Array<{
      key: string;
      label: string | { value: string };
      dataSource?: string;
      comments?: string;
    }>;
    for (const input of inputs.filter((i) => i.key !== "connection")) {
      expect([key, input.key, input.comments?.trim() ? "commented" : "no comment"]).toEqual([key, input.key, "commented"]);
      const label = typeof input.label === "string" ? input.label : input.label.value;
      if (!/ IDs?$/.test(label) || WITHOUT_DROPDOWN.has(`${key}.${input.key}`)) continue;
      if (label === "Booking Provider ID") continue; // ServiceTitan has no endpoint listing booking providers
      expect([key, input.key, input.dataSource && !!component.dataSources?.[input.dataSource]]).toEqual([key, input.key, true]);
    }
  });
});
