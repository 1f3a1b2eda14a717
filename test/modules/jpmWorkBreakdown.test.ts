import { useSandbox } from "../support";
import { moduleSuite } from "./helpers";

describe("jpm: work breakdown structure (segments, segment items, budget codes) and project custom fields", () => {
  const ctx = useSandbox();
  const { call, options, expectRefused, failure, picklist, calls, db } = moduleSuite(ctx);
  const WBS = "/work-breakdown-structure";
  const segment = (name: string) => db().all("wbs-segments", { name })[0];
  const item = (code: string) => db().all("wbs-segment-items", { code })[0];
  const project = () => db().all("projects")[0];
  const codesOf = (page: { data: Array<{ code: string }> }) => page.data.map((record) => record.code);

  describe("segments and their items", () => {
    it("lists the segments with whether each is active and required", async () => {
      const { data, request } = await call("listBudgetSegments", {}, "GET", `${WBS}/segments`);
      expect(request.query).toEqual({});
      expect(data.data).toEqual([
        { id: segment("Cost Code").id, name: "Cost Code", type: "CostCode", structure: "Hierarchal", isActive: true, isRequired: true },
        expect.objectContaining({ name: "Cost Type", isRequired: true }),
        expect.objectContaining({ name: "Phase", isRequired: false }),
        expect.objectContaining({ name: "Area (retired)", isActive: false }),
      ]);
    });

    it("lists a project's segments, and a project ServiceTitan does not know answers 404", async () => {
      const { id } = project();
      const { data } = await call("listProjectBudgetSegments", { projectId: String(id) }, "GET", `${WBS}/projects/${id}/segments`);
      expect(data.data.map((s: { name: string }) => s.name)).toContain("Cost Type");
      const error = await failure("listProjectBudgetSegments", { projectId: "99" });
      expect(error.status).toBe(404);
    });

    it("lists a segment's top-level items, then every level with Include Children", async () => {
      const costCode = segment("Cost Code").id;
      const path = `${WBS}/segments/${costCode}/items`;
      const { data: top, request } = await call("listBudgetSegmentItems", { segmentId: String(costCode) }, "GET", path);
      expect(request.query).toEqual({});
      expect(codesOf(top)).toEqual(["01", "23"]);
      const { data: all, request: withChildren } = await call(
        "listBudgetSegmentItems",
        { segmentId: String(costCode), includeChildren: "true", pageSize: "20" },
        "GET",
        path,
      );
      expect(withChildren.query).toEqual({ includeChildren: "true", pageSize: "20" });
      expect(codesOf(all)).toEqual(["01", "01-100", "01-200", "23", "23-300"]);
      expect(all.data[1]).toEqual({
        id: item("01-100").id,
        parentId: item("01").id,
        code: "01-100",
        description: "Site preparation",
        path: "01/01-100",
        costCategory: null,
        isActive: true,
      });
    });

    it("lists an item's children, company-wide and on a project", async () => {
      const costCode = segment("Cost Code").id;
      const parent = item("01").id;
      const { data } = await call(
        "listBudgetSegmentItemChildren",
        { segmentId: String(costCode), segmentItemId: String(parent) },
        "GET",
        `${WBS}/segments/${costCode}/items/${parent}/children`,
      );
      expect(codesOf(data)).toEqual(["01-100", "01-200"]);
      const { id } = project();
      const { data: onProject, request } = await call(
        "listProjectBudgetSegmentItemChildren",
        { projectId: String(id), segmentId: String(costCode), segmentItemId: String(item("23").id), includeChildren: "false" },
        "GET",
        `${WBS}/projects/${id}/segments/${costCode}/items/${item("23").id}/children`,
      );
      expect(request.query).toEqual({ includeChildren: "false" });
      expect(codesOf(onProject)).toEqual(["23-300"]);
      const { data: types } = await call(
        "listProjectBudgetSegmentItems",
        { projectId: String(id), segmentId: String(segment("Cost Type").id) },
        "GET",
        `${WBS}/projects/${id}/segments/${segment("Cost Type").id}/items`,
      );
      expect(codesOf(types)).toEqual(["L", "M", "S"]);
    });

    it("an item of another segment is not found under this one", async () => {
      const error = await failure("listBudgetSegmentItemChildren", {
        segmentId: String(segment("Phase").id),
        segmentItemId: String(item("01").id),
      });
      expect(error.status).toBe(404);
    });
  });

  describe("budget codes", () => {
    it("creates a full budget code from one item per segment; lists and matches it", async () => {
      const ids = [item("01-200").id, item("S").id, item("TO").id];
      const { data, request } = await call("createBudgetCode", { segmentItemIds: ids.map(String) }, "POST", `${WBS}/budget-codes`);
      expect(request.body).toEqual({ segmentItemIds: ids });
      expect(data.code).toMatchObject({ code: "01-200.S.TO", description: "Temporary facilities / Subcontract / Trim-out" });
      expect(data.code.segments).toHaveLength(3);
      expect(db().get("wbs-budget-codes", data.code.id)).toMatchObject({ code: "01-200.S.TO" });

      const { data: listed, request: filter } = await call(
        "listBudgetCodes",
        { segmentItemIds: [String(item("TO").id)] },
        "GET",
        `${WBS}/budget-codes`,
      );
      expect(filter.query).toEqual({ segmentItemIds: String(item("TO").id) });
      expect(codesOf(listed)).toEqual(["01-200.S.TO"]);

      const { data: matched, request: match } = await call(
        "matchBudgetCodes",
        { codes: ["01-200.S.TO", "99-999"] },
        "GET",
        `${WBS}/budget-codes/match`,
      );
      expect(match.query).toEqual({ codes: ["01-200.S.TO", "99-999"] });
      expect(matched.matches).toEqual([
        { code: "01-200.S.TO", isValid: true, budgetCodes: [expect.objectContaining({ id: data.code.id })] },
        { code: "99-999", isValid: false, budgetCodes: [] },
      ]);
    });

    it("a full budget code missing an active segment is refused by ServiceTitan (400 naming the field)", async () => {
      const error = await failure("createBudgetCode", { segmentItemIds: [String(item("01-100").id)] });
      expect(error.message).toMatch(/segmentItemIds.*missing: Cost Type, Phase/);
    });

    it("creates a partial budget code that leaves a segment open", async () => {
      const segments = [
        { segmentId: segment("Cost Code").id, segmentItemId: item("01-100").id },
        { segmentId: segment("Cost Type").id, segmentItemId: item("M").id },
        { segmentId: segment("Phase").id, segmentItemId: null },
      ];
      const before = db().count("wbs-budget-codes");
      const { data, request } = await call(
        "createPartialBudgetCode",
        { segments: JSON.stringify(segments.map((s) => ({ ...s, segmentId: String(s.segmentId) }))) },
        "POST",
        `${WBS}/budget-codes/partial`,
      );
      expect(request.body).toEqual({ segments });
      expect(data.code).toMatchObject({ code: "01-100.M", description: "Site preparation / Material" });
      expect(data.code.segments[2]).toEqual({
        segmentId: segment("Phase").id,
        segmentItemId: null,
        code: null,
        description: null,
        path: null,
      });
      expect(db().count("wbs-budget-codes")).toBe(before + 1);
    });

    it("refuses a partial code naming an item of another segment (400 naming the field)", async () => {
      const error = await failure("createPartialBudgetCode", {
        segments: JSON.stringify([{ segmentId: segment("Phase").id, segmentItemId: item("L").id }]),
      });
      expect(error.message).toMatch(/segments\[0\]\.segmentItemId/);
    });

    it("lists and matches a project's budget codes", async () => {
      const { id } = project();
      const { data, request } = await call(
        "listProjectBudgetCodes",
        { projectId: String(id), segmentIds: [String(segment("Phase").id)] },
        "GET",
        `${WBS}/projects/${id}/budget-codes`,
      );
      expect(request.query).toEqual({ segmentIds: String(segment("Phase").id) });
      // Codes that name a phase (23-300.L.RI, and 01-200.S.TO once created above); not those leaving it open.
      expect(codesOf(data)).toContain("23-300.L.RI");
      expect(codesOf(data)).not.toContain("01-100.L");
      const { data: matched } = await call(
        "matchProjectBudgetCodes",
        { projectId: String(id), codes: ["23-300.m"] },
        "GET",
        `${WBS}/projects/${id}/budget-codes/match`,
      );
      expect(matched.matches[0]).toMatchObject({ code: "23-300.m", isValid: true });
    });
  });

  it("lists the project custom field types", async () => {
    const { data, request } = await call(
      "listProjectCustomFieldTypes",
      { sort: "+Name", createdOnOrAfter: "2025-01-01" },
      "GET",
      "/projects/custom-fields",
    );
    expect(request.query).toEqual({ sort: "+Name", createdOnOrAfter: "2025-01-01T00:00:00.000Z" });
    expect(data.data.map((f: { name: string }) => f.name)).toEqual(["Financing", "Permit number", "Square footage"]);
    expect(data.data[0]).toMatchObject({ dataType: "Dropdown", dataTypeOptions: ["Cash", "Financed", "Lease"] });
  });

  it.each([
    ["listBudgetSegmentItems", { segmentId: "cost" }, /Input "Segment ID": "cost" is not a whole number/],
    ["listBudgetSegmentItems", { segmentId: "263001", includeChildren: "maybe" }, /Input "Include Children"/],
    ["listBudgetSegmentItemChildren", { segmentId: "263001" }, /Input "Parent Segment Item ID": is required/],
    ["listProjectBudgetSegments", { projectId: "" }, /Input "Project ID": is required/],
    ["listProjectBudgetSegmentItems", { projectId: "1", segmentId: "1.5" }, /Input "Segment ID": "1.5" is not a whole number/],
    ["listProjectBudgetSegmentItemChildren", { projectId: "p", segmentId: "1", segmentItemId: "2" }, /Input "Project ID": "p"/],
    ["listProjectBudgetCodes", { projectId: "1", segmentItemIds: ["01-100"] }, /Input "Segment Item IDs": "01-100" is not a whole number/],
    ["matchBudgetCodes", { codes: [] }, /Input "Budget Codes": needs at least one value/],
    ["matchProjectBudgetCodes", { codes: ["01-100"] }, /Input "Project ID": is required/],
    ["createBudgetCode", { segmentItemIds: [] }, /Input "Segment Item IDs": needs at least one id/],
    ["createBudgetCode", { segmentItemIds: ["L"] }, /Input "Segment Item IDs": "L" is not a whole number/],
    ["createPartialBudgetCode", { segments: '[{"segmentItemId": 5}]' }, /Input "Segments": item 1 needs "segmentId"/],
    ["createPartialBudgetCode", { segments: '[{"segment": 1}]' }, /Input "Segments": item 1 has "segment"/],
    ["createPartialBudgetCode", { segments: '{"segmentId": 1}' }, /Input "Segments": must be a JSON array/],
    ["listProjectCustomFieldTypes", { createdBefore: "soon" }, /Input "Created Before": "soon" is not a date/],
  ])("%s refuses a bad input before any request (%#)", async (key, params, message) => {
    await expectRefused(key, params, message);
  });

  describe("dropdowns", () => {
    it("Select Segment offers the active segments", async () => {
      const result = await options("selectSegment");
      expect(result).toEqual([
        { key: String(segment("Cost Code").id), label: `Cost Code · hierarchical · required (ID: ${segment("Cost Code").id})` },
        { key: String(segment("Cost Type").id), label: `Cost Type · flat · required (ID: ${segment("Cost Type").id})` },
        { key: String(segment("Phase").id), label: `Phase · flat (ID: ${segment("Phase").id})` },
      ]);
    });

    it("Select Segment Item offers a segment's items at every level, or every active segment's items", async () => {
      const costCode = segment("Cost Code").id;
      ctx.sandbox.resetStats();
      const one = await options("selectSegmentItem", { segmentId: String(costCode) });
      expect(one.map((o) => o.label)).toEqual([
        `01 – General requirements (ID: ${item("01").id})`,
        `01-100 – Site preparation (ID: ${item("01-100").id})`,
        `01-200 – Temporary facilities (ID: ${item("01-200").id})`,
        `23 – HVAC (ID: ${item("23").id})`,
        `23-300 – Ductwork (ID: ${item("23-300").id})`,
      ]);
      expect(calls("GET", `${WBS}/segments/${costCode}/items`)[0].query).toMatchObject({ includeChildren: "true" });
      const all = await options("selectSegmentItem");
      expect(all).toHaveLength(10);
      expect(all).toContainEqual({ key: String(item("L").id), label: `Cost Type: L – Labor (ID: ${item("L").id})` });
    });

    it("Select Project Custom Field Type offers the project custom fields", async () => {
      const result = await options("selectProjectCustomFieldType");
      expect(result.map((o) => o.label)).toEqual([
        expect.stringMatching(/^Financing \(ID: \d+\)$/),
        expect.stringMatching(/^Permit number \(ID: \d+\)$/),
        expect.stringMatching(/^Square footage \(ID: \d+\)$/),
      ]);
    });

    it("the segment inputs link to the new dropdowns", async () => {
      expect(await picklist("selectSegmentItem", { segmentId: String(segment("Phase").id) })).toHaveLength(2);
      const { default: component } = await import("../../src");
      const inputsOf = (key: string) =>
        (component.actions[key] as unknown as { inputs: Array<{ key: string; dataSource?: string }> }).inputs;
      const sources = (key: string) => Object.fromEntries(inputsOf(key).map((input) => [input.key, input.dataSource]));
      expect(sources("listBudgetCodes")).toMatchObject({ segmentIds: "selectSegment", segmentItemIds: "selectSegmentItem" });
      expect(sources("listProjectBudgetSegmentItemChildren")).toMatchObject({
        projectId: "selectProject",
        segmentId: "selectSegment",
        segmentItemId: "selectSegmentItem",
      });
      expect(sources("createBudgetCode")).toMatchObject({ segmentItemIds: "selectSegmentItem" });
    });
  });
});
