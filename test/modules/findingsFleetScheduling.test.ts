import { runAction, useSandbox } from "../support";
import { actionsOn } from "../resources-a/helpers";

/** The four smaller modules: Findings, Fleet Pro, Scheduling Pro and Marketing Reputation. */
describe("findings, fleet, scheduling and reviews", () => {
  const ctx = useSandbox();
  const { run, only, calls, expectRefused, failure, picklist } = actionsOn(ctx);
  const db = () => ctx.sandbox.db;

  beforeEach(() => ctx.sandbox.resetStats());

  describe("location findings", () => {
    it("lists findings at a location and reads one with its attachment", async () => {
      const seeded = db().all("location-findings")[0];
      const page = await run("listLocationFindings", { locationId: String(seeded.locationId) });
      expect(page.data.map((f: { id: number }) => f.id)).toContain(seeded.id);
      expect(only("GET", "/location-findings").query).toMatchObject({ locationId: String(seeded.locationId) });
      const finding = await run("getLocationFinding", { id: String(seeded.id) });
      expect(finding).toMatchObject({ id: seeded.id, name: "Heat pump outdoor coil heavily corroded", urgencyLevel: "High" });
      expect(finding.attachments).toEqual([expect.objectContaining({ fileName: "coil-corrosion.jpg", type: "Image" })]);
    });

    it("creates a finding with a photo uploaded first, then archives it", async () => {
      const bytes = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 9, 9]);
      const uploaded = await run("uploadFindingAsset", { file: { data: bytes, contentType: "image/jpeg" }, fileName: "valve.jpg" });
      expect(uploaded.path).toMatch(/^Findings\/Assets\/.+\.jpg$/);
      const attachments = JSON.stringify([{ fileName: "valve.jpg", url: uploaded.path, type: "Image" }]);
      const created = await run("createLocationFinding", {
        locationId: "3001",
        name: "Leaking relief valve",
        urgencyLevel: "High",
        recommendedSolution: "Replace the relief valve",
        attachments,
      });
      expect(only("POST", "/location-findings").body).toEqual({
        locationId: 3001,
        name: "Leaking relief valve",
        urgencyLevel: "High",
        recommendedSolution: "Replace the relief valve",
        attachments: [{ fileName: "valve.jpg", url: uploaded.path, type: "Image" }],
      });
      expect(created.attachments).toHaveLength(1);
      const archived = await run("updateLocationFinding", { id: String(created.id), archived: true });
      expect(only("PATCH", `/location-findings/${created.id}`).body).toEqual({ archived: true });
      expect(archived.status).toBe("Archived");
    });

    it("refuses a bad urgency, an attachment without its type and a text finding id, naming the input", async () => {
      await expectRefused("createLocationFinding", { locationId: "3001", name: "x", urgencyLevel: "Urgent" }, /Input "Urgency Level"/);
      await expectRefused(
        "createLocationFinding",
        { locationId: "3001", name: "x", urgencyLevel: "Low", attachments: '[{"fileName":"a.jpg","url":"Findings/Assets/a.jpg"}]' },
        /Input "Attachments".*type/,
      );
      await expectRefused("getLocationFinding", { id: "coil" }, /Input "Finding ID": "coil" is not a whole number/);
    });

    it("adds, renames and removes an attachment, and a removed one is no longer found", async () => {
      const finding = db().all("location-findings")[2]; // seeded without attachments
      const uploaded = await run("uploadFindingAsset", {
        file: { data: Buffer.from("%PDF-1.4"), contentType: "application/pdf" },
        fileName: "quote.pdf",
      });
      const added = await run("createLocationFindingAttachment", {
        id: String(finding.id),
        fileName: "quote.pdf",
        url: uploaded.path,
        type: "Document",
      });
      const options = await picklist("selectLocationFindingAttachment", { id: String(finding.id) });
      expect(options).toEqual([{ key: String(added.id), label: `quote.pdf · Document (ID: ${added.id})` }]);
      const renamed = await run("updateLocationFindingAttachment", {
        id: String(finding.id),
        attachmentId: String(added.id),
        fileName: "anode-quote.pdf",
      });
      expect(renamed).toMatchObject({ id: added.id, fileName: "anode-quote.pdf", url: uploaded.path });
      await run("deleteLocationFindingAttachment", { id: String(finding.id), attachmentId: String(added.id) });
      expect(calls("DELETE", `/location-findings/${finding.id}/attachments/${added.id}`)).toHaveLength(1);
      const gone = await failure("getLocationFindingAttachment", { id: String(finding.id), attachmentId: String(added.id) });
      expect(gone.message).toMatch(new RegExp(`Attachment ${added.id} of finding ${finding.id} was not found`));
      expect((await run("listLocationFindingAttachments", { id: String(finding.id) })).data).toEqual([]);
    });

    it("downloads an asset by its path and names a missing one", async () => {
      const bytes = Buffer.from([1, 2, 3, 4, 5]);
      const { path } = await run("uploadFindingAsset", { file: { data: bytes, contentType: "image/png" }, fileName: "coil.png" });
      const file = (await runAction("downloadFindingAsset", { connection: ctx.connection, path })) as { data: Buffer; contentType: string };
      expect(Buffer.compare(file.data, bytes)).toBe(0);
      expect(file.contentType).toBe("image/png");
      expect((await failure("downloadFindingAsset", { path: "Findings/Assets/missing.jpg" })).message).toMatch(
        /Finding asset "Findings\/Assets\/missing.jpg" was not found/,
      );
      await expectRefused("downloadFindingAsset", {}, /Input "Asset Path": is required/);
    });

    it("offers findings newest first, each with its urgency", async () => {
      const options = await picklist("selectLocationFinding");
      const ids = db()
        .all("location-findings")
        .filter((f) => f.active)
        .map((f) => String(f.id));
      expect(options.map((o) => o.key)).toEqual([...ids].sort((a, b) => Number(b) - Number(a)));
      expect(options.map((o) => o.label)).toContainEqual(expect.stringMatching(/^Cracked furnace flue pipe · Critical \(ID: \d+\)$/));
      // Pages 1 and 2 asked at once (a dropdown waits one round trip for 10,000 records), both newest first.
      expect(calls("GET", "/location-findings").map((r) => r.query)).toEqual([
        expect.objectContaining({ page: "1", pageSize: "5000", sort: "-ID" }),
        expect.objectContaining({ page: "2", pageSize: "5000", sort: "-ID" }),
      ]);
    });
  });

  describe("Fleet Pro", () => {
    const vehicles = () => db().all("fleet-vehicles");
    const window = { startTime: "2025-02-01T00:00:00Z", endTime: "2025-02-03T00:00:00Z" };
    const sent = { startTime: "2025-02-01T00:00:00.000Z", endTime: "2025-02-03T00:00:00.000Z" }; // as UTC, as every date input

    it("lists the vehicles, and offers them by VIN with their driver", async () => {
      const listed = await run("listFleetVehicles");
      expect(listed.map((v: { vin: string }) => v.vin)).toEqual(vehicles().map((v) => v.vin));
      const options = await picklist("selectFleetVehicle");
      const van = vehicles()[0];
      expect(options).toContainEqual({ key: van.vin, label: `Van 12 · ${van.driverName} (VIN: ${van.vin})` });
      expect(options.map((o) => o.label)).toContain(`F-150 Supervisor (VIN: ${vehicles()[4].vin})`);
    });

    it("sends the window, the VINs and the page in the body of the GPS history", async () => {
      const vin = vehicles()[0].vin;
      const page = await run("listFleetGpsData", { ...window, vins: [vin], page: 2, pageSize: 10 });
      expect(only("POST", "/gps").body).toEqual({ ...sent, vins: [vin], pagination: { pageNumber: 2, pageSize: 10 } });
      expect(page).toMatchObject({ page: 2, pageSize: 10, hasMore: true });
      expect(page.data).toHaveLength(10);
      expect(page.data.every((p: { vin: string }) => p.vin === vin)).toBe(true);
    });

    it("reads every vehicle's events of the window when no VIN is entered, all pages with Fetch All", async () => {
      const all = await run("listFleetEvents", {
        startTime: "2025-01-01T00:00:00Z",
        endTime: "2025-03-01T00:00:00Z",
        fetchAll: true,
        pageSize: 50,
      });
      expect(calls("GET", "/vehicles")).toHaveLength(1);
      const posts = calls("POST", "/events").map((r) => r.body as { vins: string[]; pagination: { pageNumber: number } });
      expect(posts[0].vins).toEqual(vehicles().map((v) => v.vin));
      expect(posts.map((b) => b.pagination.pageNumber)).toEqual(posts.map((_, i) => i + 1));
      expect(all.recordCount).toBe(59 * vehicles().length); // one event a day per vehicle, Jan 1 to Feb 28
      expect(new Set(all.data.map((e: { id: string }) => e.id)).size).toBe(all.recordCount);
      expect(all).toMatchObject({ capped: false, complete: true });
    });

    it("stops Fetch All at Max Records and says so", async () => {
      const capped = await run("listFleetGpsData", { ...window, fetchAll: true, maxRecords: 30 });
      expect(capped).toMatchObject({ recordCount: 30, capped: true, complete: false });
      expect(capped.incompleteReason).toMatch(/Max Records stopped the list at 30 records/);
    });

    it("refuses a window that ends before it starts, and paging inputs that do not go together", async () => {
      await expectRefused(
        "listFleetGpsData",
        { startTime: window.endTime, endTime: window.startTime },
        /Input "End Time": must be after the Start Time/,
      );
      await expectRefused("listFleetEvents", { ...window, maxRecords: 5 }, /Input "Max Records": only applies with Fetch All/);
      await expectRefused("listFleetEvents", { ...window, fetchAll: true, page: 2 }, /Input "Page": cannot be combined with Fetch All/);
      await expectRefused("listFleetEvents", { endTime: window.endTime }, /Input "Start Time": is required/);
    });

    it("passes on ServiceTitan's refusal of an unknown VIN", async () => {
      expect((await failure("listFleetEvents", { ...window, vins: ["NOTAVIN"] })).message).toMatch(
        /No Fleet Pro vehicle has the VIN NOTAVIN/,
      );
    });
  });

  describe("Scheduling Pro", () => {
    const scheduler = (name: string) =>
      db()
        .all("schedulers")
        .find((s) => s.name === name)!;
    const period = { sessionCreatedOnOrAfter: "2020-01-01", sessionCreatedBefore: "2030-01-01" };
    const router = () =>
      db()
        .all("scheduler-sessions")
        .find((s) => s.routerId)!.routerId as string;

    it("offers the schedulers by GUID with their mode, and lists them", async () => {
      const options = await picklist("selectScheduler");
      expect(options).toContainEqual({ key: scheduler("Website booking").guid, label: "Website booking · Online booking · default" });
      expect(options).toContainEqual({ key: scheduler("Call center").guid, label: "Call center · Call center" });
      expect((await run("listSchedulers")).data).toHaveLength(db().all("schedulers").length);
    });

    it("lists a scheduler's sessions, each naming its scheduler", async () => {
      const website = scheduler("Website booking");
      const page = await run("listSchedulerSessions", { id: website.guid });
      expect(page.data.length).toBeGreaterThan(0);
      expect(page.data.every((s: { schedulerId: string }) => s.schedulerId === website.guid)).toBe(true);
      expect(calls("GET", `/schedulers/${website.guid}/sessions`)).toHaveLength(1);
    });

    it("counts a scheduler's performance in a period and refuses a period that ends before it starts", async () => {
      const website = scheduler("Website booking");
      const figures = await run("getSchedulerPerformance", {
        id: website.guid,
        sessionCreatedOnOrAfter: "2024-01-01",
        sessionCreatedBefore: "2026-01-01",
      });
      expect(only("GET", `/schedulers/${website.guid}/performance`).query).toEqual({
        sessionCreatedOnOrAfter: "2024-01-01T00:00:00.000Z",
        sessionCreatedBefore: "2026-01-01T00:00:00.000Z",
      });
      expect(figures).toEqual(expect.objectContaining({ id: website.guid }));
      await expectRefused(
        "getSchedulerPerformance",
        { id: website.guid, sessionCreatedOnOrAfter: "2025-03-01", sessionCreatedBefore: "2025-02-01" },
        /Input "Sessions Created Before": must be after Sessions Created On Or After/,
      );
    });

    it("reads a router's sessions and performance by its id, and names an unknown router", async () => {
      const sessions = await run("listRouterSessions", { id: router() });
      const routed = db()
        .all("scheduler-sessions")
        .filter((s) => s.routerId === router())
        .map((s) => s.guid);
      expect(sessions.data.map((s: { id: string }) => s.id).sort()).toEqual(routed.sort());
      const figures = await run("getRouterPerformance", { id: router(), ...period });
      expect(figures.openedCount).toBe(sessions.data.length);
      expect((await failure("getRouterPerformance", { id: "00000000-0000-4000-a000-000000000000", ...period })).message).toMatch(
        /Router .* was not found/,
      );
    });
  });

  describe("Marketing Reputation", () => {
    it("filters reviews by rating and platform and sends the lists as ServiceTitan expects", async () => {
      const page = await run("listReviews", { fromRating: "1", toRating: "2", sources: ["Google", "Yelp"] });
      expect(page.data.length).toBeGreaterThan(0);
      expect(page.data.every((r: { rating: number }) => r.rating <= 2)).toBe(true);
      expect(only("GET", "/reviews").query).toMatchObject({ fromRating: "1", toRating: "2", sources: ["Google", "Yelp"] });
    });

    it("finds reviews matched to a technician, and fetches all", async () => {
      const review = db()
        .all("reviews")
        .find((r) => r.technicianId)!;
      const page = await run("listReviews", { technicianIds: [String(review.technicianId)] });
      expect(page.data.map((r: { internalId: number }) => r.internalId)).toContain(review.internalId);
      expect((await run("listReviews", { fetchAll: true })).recordCount).toBe(db().all("reviews").length);
    });

    it("refuses an unknown response type code and a rating that is not a number", async () => {
      await expectRefused("listReviews", { responseTypes: ["7"] }, /Input "Response Types"/);
      await expectRefused("listReviews", { fromRating: "four" }, /Input "From Rating"/);
    });
  });
});
