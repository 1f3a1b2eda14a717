import component from "../../src";
import { useSandbox } from "../support";
import { moduleSuite } from "./helpers";

/** Marketing cost reports and the e-mail suppression list; Sales estimate and proposal template writes. */
describe("marketing costs and suppressions, sales templates", () => {
  const ctx = useSandbox();
  const { run, call, only, calls, options, picklist, expectRefused, db } = moduleSuite(ctx);
  const describeOf = (key: string) => String((component.actions[key] as { display: { description: string } }).display.description);

  describe("campaign costs", () => {
    it("lists one campaign's monthly costs, newest first", async () => {
      const campaign = db().all("campaigns")[0];
      const costs = db().all("campaign-costs", { campaignId: campaign.id });
      const { data, request } = await call(
        "listCostsOfCampaign",
        { id: String(campaign.id), year: "2025", sort: "-Id" },
        "GET",
        `/campaigns/${campaign.id}/costs`,
      );
      expect(request.query).toEqual({ year: "2025", sort: "-Id" });
      expect(data.data.map((c: { id: number }) => c.id)).toEqual(costs.map((c) => c.id).reverse());
      expect(data.data[0]).toMatchObject({ campaignId: campaign.id, year: 2025, dailyCost: 45.5 });
    });

    it("totals each campaign's cost over a period from its daily costs", async () => {
      const { data, request } = await call(
        "getCampaignCostSummary",
        { from: "2025-01-01", to: "2025-02-01" },
        "GET",
        "/campaign-cost-summary",
      );
      expect(request.query).toEqual({ from: "2025-01-01T00:00:00.000Z", to: "2025-02-01T00:00:00.000Z" });
      const [google, mailer, yelp] = db().all("campaigns");
      expect(data.items).toEqual([
        { campaignId: google.id, campaignName: "Google Ads", totalCost: 45.5 * 31 },
        { campaignId: mailer.id, campaignName: "Spring AC Tune-Up Mailer", totalCost: 12.25 * 31 },
        { campaignId: yelp.id, campaignName: "Yelp", totalCost: 20 * 31 },
      ]);
    });

    it("reads the e-mail channel's cost over a period", async () => {
      const { data, request } = await call(
        "getEmailChannelCost",
        { from: "2025-03-01T00:00:00-07:00", to: "2025-04-01" },
        "GET",
        "/email-channel-cost",
      );
      expect(request.query).toEqual({ from: "2025-03-01T07:00:00.000Z", to: "2025-04-01T00:00:00.000Z" });
      expect(typeof data.totalCost).toBe("number");
    });

    it.each([
      ["listCostsOfCampaign", { id: "google" }, /Input "Campaign ID": "google" is not a whole number/],
      ["listCostsOfCampaign", { id: "160001", month: "13" }, /Input "Month": 13 is out of range; expected 1 to 12/],
      ["getCampaignCostSummary", { from: "January", to: "2025-02-01" }, /Input "From": "January" is not a date/],
      ["getCampaignCostSummary", { from: "2025-01-01" }, /Input "To": is required/],
      ["getEmailChannelCost", { from: "2025-01-01", to: "soon" }, /Input "To": "soon" is not a date/],
    ])("%s refuses a bad input before any request (%#)", async (key, params, message) => {
      await expectRefused(key, params, message);
    });
  });

  describe("e-mail suppressions", () => {
    const seeded = () => db().all("email-suppressions")[0];

    it("says the four operations are no longer publicly documented", () => {
      for (const key of ["listEmailSuppressions", "getEmailSuppression", "suppressEmails", "unsuppressEmails"]) {
        expect(describeOf(key)).toMatch(/no longer documents this operation publicly/);
      }
    });

    it("lists the suppressed addresses and finds one by address", async () => {
      const { data } = await call("listEmailSuppressions", {}, "GET", "/suppressions");
      expect(data.data.map((s: { email: string }) => s.email)).toEqual(
        db()
          .all("email-suppressions")
          .map((s) => s.email),
      );
      const { data: filtered, request } = await call("listEmailSuppressions", { email: seeded().email }, "GET", "/suppressions");
      expect(request.query).toEqual({ email: seeded().email, active: "True" });
      expect(filtered.data).toEqual([expect.objectContaining({ id: seeded().id, reason: "Unsubscribe" })]);
    });

    it("reads one suppression by address", async () => {
      ctx.sandbox.resetStats();
      const suppression = await run("getEmailSuppression", { email: seeded().email });
      expect(suppression).toMatchObject({ id: seeded().id, email: seeded().email, reason: "Unsubscribe", active: true });
      expect(ctx.sandbox.requests.map((r) => `${r.method} ${decodeURIComponent(r.path)}`)).toEqual([
        `GET /marketing/v2/tenant/${ctx.sandbox.credentials.tenant}/suppressions/${seeded().email}`,
      ]);
    });

    it("suppresses addresses, then unsuppresses one: the list follows", async () => {
      const { request } = await call(
        "suppressEmails",
        { emails: ["pat.lee@example.com", "sam@example.org; kim@example.net"], reason: "ManualUnsubscribe" },
        "POST",
        "/suppressions/suppress",
      );
      expect(request.body).toEqual({ emails: ["pat.lee@example.com", "sam@example.org", "kim@example.net"], reason: "ManualUnsubscribe" });
      const added = await run("getEmailSuppression", { email: "sam@example.org" });
      expect(added).toMatchObject({ email: "sam@example.org", reason: "ManualUnsubscribe", active: true });

      const { request: removal } = await call("unsuppressEmails", { emails: "sam@example.org" }, "POST", "/suppressions/unsuppress");
      expect(removal.body).toEqual({ emails: ["sam@example.org"] });
      expect(await run("getEmailSuppression", { email: "sam@example.org" })).toMatchObject({ active: false });
      const listed = await run("listEmailSuppressions", { fetchAll: true });
      const emails = listed.data.map((s: { email: string }) => s.email);
      expect(emails).toEqual(expect.arrayContaining(["pat.lee@example.com", "kim@example.net"]));
      expect(emails).not.toContain("sam@example.org");
    });

    it.each([
      [
        "suppressEmails",
        { emails: ["jane@example.com", "not-an-address"], reason: "Bounce" },
        /Input "Email Addresses": entry 2, "not-an-address" is not an e-mail address/,
      ],
      [
        "suppressEmails",
        { emails: ["jane@example.com"], reason: "Spam" },
        /Input "Reason": "Spam" is not one of Unsubscribe, Bounce, SpamReport/,
      ],
      ["suppressEmails", { emails: [], reason: "Bounce" }, /Input "Email Addresses": needs at least one value/],
      [
        "unsuppressEmails",
        { emails: Array.from({ length: 1001 }, (_, i) => `p${i}@example.com`) },
        /Input "Email Addresses": has 1001 addresses; ServiceTitan takes at most 1000/,
      ],
      ["getEmailSuppression", { email: "jane at example.com" }, /Input "Email": "jane at example.com" is not an e-mail address/],
      ["listEmailSuppressions", { email: "jane@" }, /Input "Email": "jane@" is not an e-mail address/],
    ])("%s refuses a bad input before any request (%#)", async (key, params, message) => {
      await expectRefused(key, params, message);
    });

    it("offers the suppressed addresses in a dropdown keyed by address", async () => {
      const result = await picklist("selectSuppressedEmail");
      const active = db()
        .all("email-suppressions")
        .filter((s) => s.active);
      expect(result.map((o) => o.key).sort()).toEqual(active.map((s) => s.email).sort());
      for (const option of result)
        expect(option.label).toMatch(/^\S+@\S+ \((Unsubscribe|Bounce|SpamReport|ManualUnsubscribe|NeverEmail)\)$/);
    });
  });

  describe("estimate templates", () => {
    const sku = (collection: string, code: string) =>
      db()
        .all(collection)
        .find((r) => r.code === code)!;

    it("creates a Dynamic template priced from the pricebook, updates it to Static, deactivates and reactivates it", async () => {
      const tuneUp = sku("services", "AC-TUNE");
      const filter = sku("materials", "FLT-16251");
      const { data: created, request } = await call(
        "createEstimateTemplate",
        {
          name: "AC Tune-Up – Filter Plus",
          internalName: "AC-TUNE-FLT",
          mode: "Dynamic",
          businessUnitId: "101",
          items: JSON.stringify([
            { skuId: tuneUp.id, skuType: "Service", quantity: 1, isAddOn: false },
            { skuId: String(filter.id), skuType: "Material", quantity: "2", isAddOn: true, memo: "Customer's size" },
          ]),
        },
        "POST",
        "/estimate-templates",
      );
      expect(request.body).toEqual({
        name: "AC Tune-Up – Filter Plus",
        internalName: "AC-TUNE-FLT",
        mode: "Dynamic",
        businessUnitId: 101,
        items: [
          { skuId: tuneUp.id, skuType: "Service", quantity: 1, isAddOn: false },
          { skuId: filter.id, skuType: "Material", quantity: 2, isAddOn: true, memo: "Customer's size" },
        ],
      });
      expect(created).toMatchObject({ name: "AC Tune-Up – Filter Plus", active: true, totalPrice: 99 + 2 * 24.5 });

      const { data: read } = await call("getEstimateTemplate", { id: String(created.id) }, "GET", `/estimate-templates/${created.id}`);
      expect(read.items).toEqual([
        expect.objectContaining({ skuId: tuneUp.id, skuName: "AC-TUNE", quantity: 1, unitPrice: 99, totalPrice: 99, order: 1 }),
        expect.objectContaining({ skuId: filter.id, quantity: 2, unitPrice: 24.5, totalPrice: 49, isAddOn: true, order: 2 }),
      ]);

      // Static: the template keeps its own prices; the items given replace the template's (the filter goes).
      const kept = read.items[0].id;
      const { data: updated, request: patch } = await call(
        "updateEstimateTemplate",
        {
          id: String(created.id),
          summary: "<p>Tune-up at a fixed price</p>",
          mode: "Static",
          items: JSON.stringify([{ id: kept, skuId: tuneUp.id, skuType: "Service", quantity: 1, isAddOn: false, unitPrice: "120.00" }]),
        },
        "PATCH",
        `/estimate-templates/${created.id}`,
      );
      expect(patch.body).toEqual({
        summary: "<p>Tune-up at a fixed price</p>",
        mode: "Static",
        items: [{ id: kept, skuId: tuneUp.id, skuType: "Service", quantity: 1, isAddOn: false, unitPrice: 120 }],
      });
      expect(updated).toMatchObject({ mode: "Static", totalPrice: 120, internalName: "AC-TUNE-FLT" });
      expect(updated.items.map((i: { id: number }) => i.id)).toEqual([kept]);

      const { data: deactivated, request: deletion } = await call(
        "deactivateEstimateTemplate",
        { id: String(created.id) },
        "DELETE",
        `/estimate-templates/${created.id}`,
      );
      expect(deactivated).toEqual({});
      expect(deletion.body).toBeUndefined();
      expect(db().get("estimate-templates", created.id)!.active).toBe(false);
      const listed = await run("listEstimateTemplates", { fetchAll: true });
      expect(listed.data.map((t: { id: number }) => t.id)).not.toContain(created.id);
      expect((await options("selectEstimateTemplate")).map((o) => o.key)).not.toContain(String(created.id));

      await run("updateEstimateTemplate", { id: String(created.id), active: "true" });
      expect(only("PATCH", `/estimate-templates/${created.id}`).body).toEqual({ active: true });
      expect(db().get("estimate-templates", created.id)!.active).toBe(true);
    });

    const item = (fields: Record<string, unknown> = {}) =>
      JSON.stringify([{ skuId: 400003, skuType: "Service", quantity: 1, isAddOn: false, ...fields }]);
    it.each([
      ["createEstimateTemplate", { name: "A", internalName: "A", mode: "Dynamic" }, /Input "Items": is required/],
      [
        "createEstimateTemplate",
        { name: "A", internalName: "A", mode: "Fixed", items: item() },
        /Input "Mode": "Fixed" is not one of Dynamic, Static/,
      ],
      [
        "createEstimateTemplate",
        { name: "A", internalName: "A", mode: "Dynamic", items: item({ price: 10 }) },
        /Input "Items": item 1 has "price", which ServiceTitan does not know/,
      ],
      [
        "createEstimateTemplate",
        { name: "A", internalName: "A", mode: "Dynamic", items: item({ skuType: "Part" }) },
        /Input "Items": item 1.skuType "Part" is not one of Service, Material, Equipment, PriceModifier/,
      ],
      [
        "createEstimateTemplate",
        { name: "A", internalName: "A", mode: "Static", items: item() },
        /Input "Items": item 1 has no unitPrice, which a Static template needs/,
      ],
      [
        "createEstimateTemplate",
        { name: "A", internalName: "A", mode: "Dynamic", items: item(), businessUnitId: "HVAC" },
        /Input "Business Unit ID": "HVAC" is not a whole number/,
      ],
      ["updateEstimateTemplate", { id: "tpl", name: "A" }, /Input "Estimate Template ID": "tpl" is not a whole number/],
      ["updateEstimateTemplate", { id: "206001", items: '{ "skuId": 400003 }' }, /Input "Items": must be a JSON array/],
      ["deactivateEstimateTemplate", {}, /Input "Estimate Template ID": is required/],
    ])("%s refuses a bad input before any request (%#)", async (key, params, message) => {
      await expectRefused(key, params, message);
    });
  });

  describe("proposal templates", () => {
    const goodBetterBest = () => db().all("proposal-types")[0];
    const optionIds = () => (goodBetterBest().options as Array<{ id: number }>).map((o) => o.id);
    const estimateTemplates = () => db().all("estimate-templates");

    it("creates a proposal template over a proposal type's options, changes its assignments, then deactivates it", async () => {
      const [good, better] = optionIds();
      const [standard, plus] = estimateTemplates();
      const { data: created, request } = await call(
        "createProposalTemplate",
        {
          name: "Tune-Up Options",
          description: "Good and better tune-ups",
          proposalTypeId: String(goodBetterBest().id),
          status: "Draft",
          businessUnitIds: ["101", "102"],
          estimateAssignments: JSON.stringify([
            { proposalTypeOptionId: good, estimateTemplateId: standard.id, order: 1 },
            { proposalTypeOptionId: better, estimateTemplateId: String(plus.id), order: "2" },
          ]),
        },
        "POST",
        "/proposal-templates",
      );
      expect(request.body).toEqual({
        name: "Tune-Up Options",
        description: "Good and better tune-ups",
        proposalTypeId: goodBetterBest().id,
        status: "Draft",
        businessUnitIds: [101, 102],
        estimateAssignments: [
          { proposalTypeOptionId: good, estimateTemplateId: standard.id, order: 1 },
          { proposalTypeOptionId: better, estimateTemplateId: plus.id, order: 2 },
        ],
      });
      const { data: read } = await call("getProposalTemplate", { id: String(created.id) }, "GET", `/proposal-templates/${created.id}`);
      expect(read).toMatchObject({
        name: "Tune-Up Options",
        active: true,
        status: "Draft",
        proposalTypeName: "Good / Better / Best",
        businessUnitIds: [101, 102],
        estimateAssignments: [
          { proposalTypeOptionId: good, estimateTemplateId: standard.id, estimateTemplateName: standard.name, order: 1 },
          { proposalTypeOptionId: better, estimateTemplateId: plus.id, estimateTemplateName: plus.name, order: 2 },
        ],
      });

      const { data: updated, request: patch } = await call(
        "updateProposalTemplate",
        { id: String(created.id), status: "Publish", estimateAssignments: "[]" },
        "PATCH",
        `/proposal-templates/${created.id}`,
      );
      expect(patch.body).toEqual({ status: "Publish", estimateAssignments: [] });
      expect(updated).toMatchObject({ status: "Publish", estimateAssignments: [], name: "Tune-Up Options" });

      await call("deactivateProposalTemplate", { id: String(created.id) }, "DELETE", `/proposal-templates/${created.id}`);
      expect(db().get("proposal-templates", created.id)!.active).toBe(false);
      const listed = await run("listProposalTemplates", { proposalTypeId: String(goodBetterBest().id), fetchAll: true });
      expect(listed.data.map((t: { id: number }) => t.id)).not.toContain(created.id);
      expect(calls("GET", "/proposal-templates").length).toBeGreaterThan(0);
    });

    const assignments = (list: unknown[]) => JSON.stringify(list);
    it.each([
      [
        "createProposalTemplate",
        { name: "A", proposalTypeId: "gbb", estimateAssignments: "[]" },
        /Input "Proposal Type ID": "gbb" is not a whole number/,
      ],
      ["createProposalTemplate", { name: "A", proposalTypeId: "208001" }, /Input "Estimate Assignments": is required/],
      [
        "createProposalTemplate",
        {
          name: "A",
          proposalTypeId: "208001",
          estimateAssignments: assignments([
            { proposalTypeOptionId: 209001, estimateTemplateId: 206001, order: 1 },
            { proposalTypeOptionId: 209001, estimateTemplateId: 206002, order: 2 },
          ]),
        },
        /Input "Estimate Assignments": item 2 assigns option 209001 again/,
      ],
      [
        "createProposalTemplate",
        {
          name: "A",
          proposalTypeId: "208001",
          estimateAssignments: assignments([{ proposalTypeOptionId: 209001, estimateTemplateId: 206001 }]),
        },
        /Input "Estimate Assignments": item 1 needs "order"/,
      ],
      [
        "createProposalTemplate",
        { name: "A", proposalTypeId: "208001", status: "Live", estimateAssignments: "[]" },
        /Input "Status": "Live" is not one of Publish, Draft/,
      ],
      ["updateProposalTemplate", { id: "207001", businessUnitIds: ["HVAC"] }, /Input "Business Unit IDs": "HVAC" is not a whole number/],
      ["deactivateProposalTemplate", { id: "0" }, /Input "Proposal Template ID": 0 is not a ServiceTitan id/],
    ])("%s refuses a bad input before any request (%#)", async (key, params, message) => {
      await expectRefused(key, params, message);
    });

    it("relays ServiceTitan's 400, naming the field, when an assignment names an option of another proposal type", async () => {
      const other = db().all("proposal-types")[1];
      await expect(
        run("createProposalTemplate", {
          name: "A",
          proposalTypeId: String(other.id),
          estimateAssignments: assignments([{ proposalTypeOptionId: optionIds()[0], estimateTemplateId: 206001, order: 1 }]),
        }),
      ).rejects.toThrow(/400 Bad Request.*estimateAssignments\[0\]\.proposalTypeOptionId: Proposal type \d+ has no option with id \d+/);
    });
  });

  it.each([["selectEstimateTemplate"], ["selectProposalTemplate"], ["selectProposalType"]])(
    "%s offers the demo tenant's records with labels",
    async (key) => {
      const result = await options(key);
      for (const option of result) expect(option.label).toMatch(/\S \(ID: \d+\)$/);
    },
  );
});
