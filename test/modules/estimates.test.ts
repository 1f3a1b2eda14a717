import { useSandbox } from "../support";
import { moduleSuite } from "./helpers";

describe("sales: estimates and templates", () => {
  const ctx = useSandbox();
  const { call, options, expectRefused, failure, db } = moduleSuite(ctx);
  const openEstimate = () =>
    db()
      .all("estimates")
      .find((e) => e.status.name === "Open")!;
  const soldEstimate = () =>
    db()
      .all("estimates")
      .find((e) => e.status.name === "Sold")!;
  const itemsOf = (estimateId: number) =>
    db()
      .all("estimate-items", { estimateId })
      .filter((i) => i.active);

  describe("reads", () => {
    it.each([
      [
        "listEstimates",
        { status: "Sold", soldById: "1001", totalGreater: "10", soldAfter: "2025-01-01", includeTotal: true },
        "GET",
        "/estimates",
        {
          status: "Sold",
          soldById: "1001",
          totalGreater: "10",
          soldAfter: "2025-01-01T00:00:00.000Z",
          includeTotal: "true",
          active: "True",
        },
      ],
      [
        "listEstimateItems",
        { estimateId: "200001", pageSize: "10" },
        "GET",
        "/estimates/items",
        { estimateId: "200001", pageSize: "10", active: "True" },
      ],
      ["listEstimateTemplates", { active: "Any" }, "GET", "/estimate-templates", { active: "Any" }],
      ["listProposalTemplates", { proposalTypeId: "3" }, "GET", "/proposal-templates", { proposalTypeId: "3", active: "True" }],
      ["listProposalTypes", { active: "True" }, "GET", "/proposal-types", { active: "True" }],
    ])("%s sends its filters under their spec names", async (key, params, method, path, query) => {
      const { request } = await call(key, params, method, path);
      expect(request.query).toEqual(query);
    });

    it("lists sold estimates only, with their items", async () => {
      const { data } = await call("listEstimates", { status: "Sold" }, "GET", "/estimates");
      expect(data.data.length).toBe(
        db()
          .all("estimates")
          .filter((e) => e.status.name === "Sold").length,
      );
      for (const estimate of data.data) {
        expect(estimate.status).toEqual({ value: 1, name: "Sold" });
        expect(estimate.items.length).toBeGreaterThan(0);
      }
    });

    it("lists the items of one estimate", async () => {
      const estimate = openEstimate();
      const { data } = await call("listEstimateItems", { estimateId: String(estimate.id) }, "GET", "/estimates/items");
      expect(data.data.map((i: { id: number }) => i.id)).toEqual(itemsOf(estimate.id).map((i) => i.id));
    });

    it.each([
      ["getEstimate", "200001", "/estimates/200001"],
      ["getEstimateTemplate", "206001", "/estimate-templates/206001"],
      ["getProposalTemplate", "207001", "/proposal-templates/207001"],
    ])("%s reads one record by id", async (key, id, path) => {
      const { data } = await call(key, { id }, "GET", path);
      expect(data.id).toBe(Number(id));
    });
  });

  describe("an estimate's life: create, items, sell, unsell, dismiss", () => {
    it("creates an estimate with items on a job; the totals follow the items", async () => {
      const job = db().all("jobs", { jobStatus: "Scheduled" })[0];
      const { data: created, request } = await call(
        "createEstimate",
        {
          jobId: String(job.id),
          name: "AC replacement – better",
          summary: "16 SEER system",
          isRecommended: "true",
          reviewStatus: "None",
          items:
            '[{ "skuName": "AC Tune-Up", "quantity": 1 }, { "skuId": 400005, "description": "Thermostat", "quantity": 2, "unitPrice": 160.5 }]',
        },
        "POST",
        "/estimates",
      );
      expect(request.body).toEqual({
        jobId: job.id,
        name: "AC replacement – better",
        summary: "16 SEER system",
        isRecommended: true,
        reviewStatus: "None",
        items: [
          { skuName: "AC Tune-Up", quantity: 1 },
          { skuId: 400005, description: "Thermostat", quantity: 2, unitPrice: 160.5 },
        ],
      });
      expect(created).toMatchObject({ jobId: job.id, customerId: job.customerId, status: { name: "Open" }, subtotal: 129 + 321 });
      expect(created.items).toHaveLength(2);

      const { data: read } = await call("getEstimate", { id: String(created.id) }, "GET", `/estimates/${created.id}`);
      expect(read).toMatchObject({ id: created.id, name: "AC replacement – better", subtotal: 450 });

      // Add an item, change it, delete another: the subtotal follows each time.
      const { data: added, request: put } = await call(
        "addOrUpdateEstimateItem",
        { id: String(created.id), skuId: "400006", description: "Drain line flush", quantity: "1", unitPrice: "150" },
        "PUT",
        `/estimates/${created.id}/items`,
      );
      expect(put.body).toEqual({ skuId: 400006, description: "Drain line flush", quantity: 1, unitPrice: 150 });
      expect(added).toMatchObject({ estimateId: created.id, qty: 1, unitRate: 150, total: 150 });
      expect(db().get("estimates", created.id)!.subtotal).toBe(600);

      const { request: change } = await call(
        "addOrUpdateEstimateItem",
        { id: String(created.id), bodyId: String(added.id), quantity: "3" },
        "PUT",
        `/estimates/${created.id}/items`,
      );
      expect(change.body).toEqual({ id: added.id, quantity: 3 });
      expect(db().get("estimate-items", added.id)).toMatchObject({ qty: 3, total: 450 });
      expect(db().get("estimates", created.id)!.subtotal).toBe(900);

      const thermostat = created.items[1];
      await call(
        "deleteEstimateItem",
        { id: String(created.id), itemId: String(thermostat.id) },
        "DELETE",
        `/estimates/${created.id}/items/${thermostat.id}`,
      );
      expect(itemsOf(created.id).map((i) => i.id)).not.toContain(thermostat.id);
      expect(db().get("estimates", created.id)!.subtotal).toBe(579);

      // Update the estimate itself (PUT with only what was entered).
      const { request: update } = await call(
        "updateEstimate",
        { id: String(created.id), name: "AC replacement – best", depositPercent: "25", soldBy: "" },
        "PUT",
        `/estimates/${created.id}`,
      );
      expect(update.body).toEqual({ name: "AC replacement – best", depositPercent: 25 });
      expect(db().get("estimates", created.id)).toMatchObject({ name: "AC replacement – best", depositPercent: 25 });
    });

    it("sells, unsells and dismisses an estimate, and its status history says so", async () => {
      const estimate = openEstimate();
      const { request } = await call("sellEstimate", { id: String(estimate.id), soldBy: "1002" }, "PUT", `/estimates/${estimate.id}/sell`);
      expect(request.body).toEqual({ soldBy: 1002 });
      expect(db().get("estimates", estimate.id)).toMatchObject({ status: { name: "Sold", value: 1 }, soldBy: 1002 });
      expect(db().get("estimates", estimate.id)!.soldOn).toEqual(expect.any(String));

      const again = await failure("sellEstimate", { id: String(estimate.id), soldBy: "1002" });
      expect(again.message).toMatch(/already sold/);

      await call("unsellEstimate", { id: String(estimate.id) }, "PUT", `/estimates/${estimate.id}/unsell`);
      expect(db().get("estimates", estimate.id)).toMatchObject({ status: { name: "Open" }, soldBy: null, soldOn: null });

      await call("dismissEstimate", { id: String(estimate.id) }, "PUT", `/estimates/${estimate.id}/dismiss`);
      expect(db().get("estimates", estimate.id)!.status.name).toBe("Dismissed");

      const { data: changes } = await call(
        "listEstimateStatusChanges",
        { id: String(estimate.id) },
        "GET",
        `/status/estimates/${estimate.id}/changes`,
      );
      expect(changes.map((c: { oldStatus: string; newStatus: string }) => `${c.oldStatus}→${c.newStatus}`)).toEqual([
        "Open→Sold",
        "Sold→Open",
        "Open→Dismissed",
      ]);
    });

    it("answers ServiceTitan's conflicts: unselling an open estimate, dismissing a sold one", async () => {
      expect((await failure("unsellEstimate", { id: String(openEstimate().id) })).message).toMatch(/not sold/);
      expect((await failure("dismissEstimate", { id: String(soldEstimate().id) })).message).toMatch(/cannot be dismissed/);
      expect((await failure("getEstimate", { id: "299999" })).message).toMatch(/Estimate 299999 was not found/);
    });
  });

  it.each([
    ["listEstimates", { soldById: "Dana" }, /Input "Sold By ID": "Dana" is not a whole number/],
    ["listEstimates", { status: "Won" }, /Input "Status": "Won" is not one of Open, Sold, Dismissed/],
    ["getEstimate", { id: "EST-1" }, /Input "Estimate ID": "EST-1" is not a whole number/],
    ["createEstimate", { jobId: "1", items: '{ "skuId": 1 }' }, /Input "Items": must be a JSON array/],
    ["createEstimate", { jobId: "1", items: '[{ "sku": 1 }]' }, /Input "Items"/],
    ["updateEstimate", { id: "200001", tax: "ten" }, /Input "Tax": "ten" is not a number/],
    ["sellEstimate", { id: "200001" }, /Input "Sold By ID": is required/],
    ["unsellEstimate", { id: "" }, /Input "Estimate ID": is required/],
    ["dismissEstimate", { id: "0" }, /Input "Estimate ID": 0 is not a ServiceTitan id/],
    ["listEstimateStatusChanges", {}, /Input "Estimate ID": is required/],
    ["listEstimateItems", { estimateId: "x" }, /Input "Estimate ID": "x" is not a whole number/],
    ["addOrUpdateEstimateItem", { id: "200001", quantity: "two" }, /Input "Quantity": "two" is not a number/],
    ["deleteEstimateItem", { id: "200001" }, /Input "Estimate Item ID": is required/],
    ["listEstimateTemplates", { active: "Yes" }, /Input "Active": "Yes" is not one of True, Any, False/],
    ["getEstimateTemplate", { id: "tpl" }, /Input "Estimate Template ID": "tpl" is not a whole number/],
    ["listProposalTemplates", { proposalTypeId: "good" }, /Input "Proposal Type ID": "good" is not a whole number/],
    ["getProposalTemplate", {}, /Input "Proposal Template ID": is required/],
    ["listProposalTypes", { active: "yes" }, /Input "Active": "yes" is not one of True, Any, False/],
  ])("%s refuses a bad input before any request (%#)", async (key, params, message) => {
    await expectRefused(key, params, message);
  });

  it.each([
    ["selectEstimate", {}],
    ["selectEstimateItem", { estimateId: "200001" }],
    ["selectEstimateTemplate", {}],
    ["selectProposalTemplate", {}],
    ["selectProposalType", {}],
  ])("%s offers labelled records", async (key, params) => {
    const result = await options(key, params);
    if (key === "selectEstimate") expect(result[0].label).toMatch(/ · job #\d+ · (Open|Sold|Dismissed) \(ID: \d+\)$/);
    if (key === "selectEstimateItem") expect(result.map((o) => Number(o.key))).toEqual(itemsOf(200001).map((i) => i.id));
  });
});
