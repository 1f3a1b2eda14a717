import component from "../../src";
import { useSandbox } from "../support";
import { actionsOn } from "./helpers";

describe("jobs", () => {
  const ctx = useSandbox();
  const { run, only, calls, expectRefused, failure, secrets } = actionsOn(ctx);
  const db = () => ctx.sandbox.db;
  const scheduledJob = () => db().all("jobs", { jobStatus: "Scheduled" })[0];
  const activeLocation = () =>
    db()
      .all("locations")
      .find((l) => l.active)!;

  beforeEach(() => ctx.sandbox.resetStats());

  /** Everything Create Job requires, for the location's customer. */
  const newJob = () => {
    const location = activeLocation();
    return {
      customerId: String(location.customerId),
      locationId: String(location.id),
      businessUnitId: "101",
      jobTypeId: "201",
      priority: "High",
      campaignId: "3",
      appointmentStart: "2025-06-01T09:00:00-05:00",
      appointmentEnd: "2025-06-01T11:00:00-05:00",
    };
  };

  describe("List Jobs", () => {
    it("sends each filter under its spec name with integer ids and returns only matching jobs", async () => {
      const job = db().all("jobs", { jobStatus: "Completed" })[0];
      const page = await run("listJobs", {
        customerId: String(job.customerId),
        jobStatus: "Completed",
        businessUnitId: String(job.businessUnitId),
        includeTotal: true,
      });
      expect(page.data.length).toBeGreaterThan(0);
      for (const found of page.data)
        expect(found).toMatchObject({ customerId: job.customerId, jobStatus: "Completed", businessUnitId: job.businessUnitId });
      expect(page.totalCount).toBe(page.data.length);
      expect(only("GET", "/jobs").query).toEqual({
        customerId: String(job.customerId),
        jobStatus: "Completed",
        businessUnitId: String(job.businessUnitId),
        includeTotal: "true",
      });
    });

    it("sends a tag list comma-separated and a date as RFC 3339 UTC", async () => {
      const tagged = db()
        .all("jobs")
        .filter((j) => j.tagTypeIds.length);
      const page = await run("listJobs", { tagTypeIds: [String(tagged[0].tagTypeIds[0])], createdOnOrAfter: "2025-01-01T00:00:00+02:00" });
      expect(page.data.map((j: { id: number }) => j.id).sort()).toEqual(tagged.map((j) => j.id).sort());
      expect(only("GET", "/jobs").query).toEqual({
        tagTypeIds: String(tagged[0].tagTypeIds[0]),
        createdOnOrAfter: "2024-12-31T22:00:00.000Z",
      });
    });

    it("fetches all jobs up to Max Records and says the cap cut the list", async () => {
      const result = await run("listJobs", { fetchAll: true, maxRecords: "15" });
      expect(result.data).toHaveLength(15);
      expect(result).toMatchObject({ recordCount: 15, capped: true });
    });

    it("refuses an undeclared name in Additional Query Parameters", async () => {
      await expectRefused("listJobs", { additionalQueryParameters: [{ key: "jobsIds", value: "1" }] }, /"jobsIds".*not a query parameter/);
    });

    it("refuses an application GUID that is not one (ServiceTitan would answer 400)", async () => {
      await expectRefused(
        "listJobs",
        { externalDataApplicationGuid: "my-app" },
        /Input "External Data Application GUID": "my-app" is not a GUID/,
      );
      await expectRefused(
        "getJob",
        { id: "10001", externalDataApplicationGuid: "123" },
        /Input "External Data Application GUID": "123" is not a GUID/,
      );
      const guid = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
      await run("getJob", { id: String(scheduledJob().id), externalDataApplicationGuid: guid });
      expect(only("GET", `/jobs/${scheduledJob().id}`).query).toEqual({ externalDataApplicationGuid: guid });
    });

    it("refuses a non-numeric id filter and a priority ServiceTitan does not know", async () => {
      await expectRefused("listJobs", { customerId: "acme" }, /Input "Customer ID": "acme" is not a whole number/);
      await expectRefused("listJobs", { priority: "Critical" }, /Input "Priority": "Critical" is not one of Low, Normal, High, Urgent/);
    });
  });

  describe("Get Job", () => {
    it("returns the job", async () => {
      const job = scheduledJob();
      expect(await run("getJob", { id: String(job.id) })).toMatchObject({ id: job.id, jobNumber: job.jobNumber, jobStatus: "Scheduled" });
      expect(only("GET", `/jobs/${job.id}`).query).toEqual({});
    });

    it("names the job in a 404, without secrets", async () => {
      const error = await failure("getJob", { id: "99999" });
      expect(error.message).toMatch(/Job 99999 was not found/);
      for (const secret of secrets()) expect(error.message).not.toContain(secret);
    });

    it("refuses a job number-like text as id and a missing id", async () => {
      await expectRefused("getJob", { id: "#1001" }, /Input "Job ID": "#1001" is not a whole number/);
      await expectRefused("getJob", {}, /Input "Job ID": is required/);
    });
  });

  describe("Create Job", () => {
    it("sends the body the spec describes (integer ids, appointments list) and the job can be read back", async () => {
      const input = newJob();
      const created = await run("createJob", {
        ...input,
        arrivalWindowStart: "2025-06-01T09:00:00-05:00",
        arrivalWindowEnd: "2025-06-01T10:00:00-05:00",
        technicianIds: ["1001", "1002"],
        additionalAppointments: '[{ "start": "2025-06-03T14:00:00Z", "end": "2025-06-03T15:00:00Z", "technicianIds": [1003] }]',
        summary: "New AC not cooling",
        tagTypeIds: ["501"],
        customFields: '[{ "typeId": 9, "value": 1234 }]',
        customerPo: "PO-1",
        invoiceSignatureIsRequired: "true",
        externalData: '{ "applicationGuid": "3fa85f64-5717-4562-b3fc-2c963f66afa6", "externalData": [{ "key": "erpId", "value": "A-1" }] }',
      });
      expect(only("POST", "/jobs").body).toEqual({
        customerId: Number(input.customerId),
        locationId: Number(input.locationId),
        businessUnitId: 101,
        jobTypeId: 201,
        priority: "High",
        campaignId: 3,
        appointments: [
          {
            start: "2025-06-01T14:00:00.000Z",
            end: "2025-06-01T16:00:00.000Z",
            arrivalWindowStart: "2025-06-01T14:00:00.000Z",
            arrivalWindowEnd: "2025-06-01T15:00:00.000Z",
            technicianIds: [1001, 1002],
          },
          { start: "2025-06-03T14:00:00.000Z", end: "2025-06-03T15:00:00.000Z", technicianIds: [1003] },
        ],
        summary: "New AC not cooling",
        tagTypeIds: [501],
        customFields: [{ typeId: 9, value: "1234" }],
        customerPo: "PO-1",
        invoiceSignatureIsRequired: true,
        externalData: { applicationGuid: "3fa85f64-5717-4562-b3fc-2c963f66afa6", externalData: [{ key: "erpId", value: "A-1" }] },
      });
      const read = await run("getJob", { id: String(created.id) });
      expect(read).toMatchObject({
        id: created.id,
        customerId: Number(input.customerId),
        jobStatus: "Scheduled",
        priority: "High",
        summary: "New AC not cooling",
        appointmentCount: 2,
      });
      const technicians = db()
        .all("appointment-assignments", { jobId: created.id })
        .map((a) => a.technicianId);
      expect(technicians.sort()).toEqual([1001, 1002, 1003]);
    });

    it("sends only the required fields when the optional inputs are empty", async () => {
      await run("createJob", { ...newJob(), summary: "", tagTypeIds: [], customFields: "", externalData: "", additionalAppointments: "" });
      expect(Object.keys(only("POST", "/jobs").body).sort()).toEqual([
        "appointments",
        "businessUnitId",
        "campaignId",
        "customerId",
        "jobTypeId",
        "locationId",
        "priority",
      ]);
    });

    it.each([
      ["a missing campaign", { campaignId: "" }, /Input "Campaign ID": is required/],
      ["a text business unit", { businessUnitId: "HVAC" }, /Input "Business Unit ID": "HVAC" is not a whole number/],
      ["a missing appointment start", { appointmentStart: "" }, /Input "Appointment Start": is required/],
      [
        "an appointment ending before it starts",
        { appointmentEnd: "2025-06-01T08:00:00-05:00" },
        /Input "Appointment End": must be after the start/,
      ],
      ["a date that is not ISO 8601", { appointmentStart: "next Tuesday" }, /Input "Appointment Start": "next Tuesday" is not a date/],
      ["malformed custom fields JSON", { customFields: '[{ "typeId": 9, ' }, /Input "Custom Fields": is not valid JSON/],
      ["custom fields without typeId", { customFields: '[{ "value": "x" }]' }, /Input "Custom Fields": item 1 has no typeId/],
      [
        "an additional appointment without end",
        { additionalAppointments: '[{ "start": "2025-06-03T14:00:00Z" }]' },
        /Input "Additional Appointments": item 1 has no end/,
      ],
      [
        "an additional appointment with a misspelled field",
        { additionalAppointments: '[{ "start": "2025-06-03T14:00:00Z", "end": "2025-06-03T15:00:00Z", "technicians": [1] }]' },
        /item 1 has unknown fields technicians/,
      ],
      [
        "external data without an application GUID",
        { externalData: '{ "externalData": [] }' },
        /Input "External Data": needs applicationGuid/,
      ],
    ])("refuses %s before any request", async (_case, change, message) => {
      await expectRefused("createJob", { ...newJob(), ...change }, message);
    });
  });

  describe("Update Job", () => {
    it("patches only the fields entered, and the change reads back", async () => {
      const job = scheduledJob();
      const updated = await run("updateJob", {
        id: String(job.id),
        priority: "Urgent",
        summary: "Customer reports smoke",
        jobTypeId: "202",
      });
      expect(only("PATCH", `/jobs/${job.id}`).body).toEqual({ priority: "Urgent", summary: "Customer reports smoke", jobTypeId: 202 });
      expect(updated).toMatchObject({ id: job.id, priority: "Urgent" });
      expect(await run("getJob", { id: String(job.id) })).toMatchObject({
        priority: "Urgent",
        summary: "Customer reports smoke",
        jobTypeId: 202,
        customerId: job.customerId,
      });
    });

    it("merges external data with patchMode", async () => {
      const job = scheduledJob();
      await run("updateJob", {
        id: String(job.id),
        externalData:
          '{ "applicationGuid": "3fa85f64-5717-4562-b3fc-2c963f66afa6", "patchMode": "Merge", "externalData": [{ "key": "a", "value": "1" }] }',
      });
      expect(only("PATCH", `/jobs/${job.id}`).body).toEqual({
        externalData: {
          applicationGuid: "3fa85f64-5717-4562-b3fc-2c963f66afa6",
          patchMode: "Merge",
          externalData: [{ key: "a", value: "1" }],
        },
      });
    });

    it("names the job in a 404", async () => {
      expect((await failure("updateJob", { id: "99998", summary: "x" })).message).toMatch(/Job 99998 was not found/);
    });

    it("refuses a bad patch mode and a non-numeric id before any request", async () => {
      await expectRefused(
        "updateJob",
        {
          id: "1",
          externalData: '{ "applicationGuid": "3fa85f64-5717-4562-b3fc-2c963f66afa6", "patchMode": "Append", "externalData": [] }',
        },
        /patchMode must be "Replace" or "Merge"/,
      );
      await expectRefused("updateJob", { id: "ten", summary: "x" }, /Input "Job ID": "ten"/);
    });

    it("refuses a custom field or external data entry with a name the spec does not have (ServiceTitan would drop it silently)", async () => {
      const job = scheduledJob();
      // "Value" instead of "value" would otherwise go out as { typeId } alone and clear the field.
      await expectRefused(
        "updateJob",
        { id: String(job.id), customFields: '[{ "typeId": 7, "Value": "x" }]' },
        /Input "Custom Fields".*"Value"/,
      );
      await expectRefused(
        "updateJob",
        {
          id: String(job.id),
          externalData: '{ "applicationGuid": "3fa85f64-5717-4562-b3fc-2c963f66afa6", "mode": "Merge", "externalData": [] }',
        },
        /Input "External Data".*"mode"/,
      );
    });

    it("refuses 0 or a negative number as an id (ServiceTitan ids start at 1)", async () => {
      await expectRefused("updateJob", { id: "0", summary: "x" }, /Input "Job ID": 0 is not a ServiceTitan id/);
      await expectRefused("updateJob", { id: String(scheduledJob().id), tagTypeIds: ["-3"] }, /Input "Tag Type IDs": -3/);
    });
  });

  describe("inputs a builder reads", () => {
    const inputOf = (action: string, key: string) =>
      (component.actions[action].inputs as unknown as Array<{ key: string; label: string; dataSource?: string; comments?: string }>).find(
        (i) => i.key === key,
      )!;

    it("Sold By ID picks a technician (the spec: the technician who sold the job)", () => {
      for (const action of ["listJobs", "createJob", "updateJob"]) expect(inputOf(action, "soldById").dataSource).toBe("selectTechnician");
    });

    it("spells GUID and Zip Code the same way in every label", () => {
      expect(inputOf("listJobs", "externalDataApplicationGuid").label).toBe("External Data Application GUID");
      expect(inputOf("getJob", "externalDataApplicationGuid").label).toBe("External Data Application GUID");
      expect(inputOf("listCustomers", "zip").label).toBe("Zip Code");
      expect(inputOf("createCustomer", "zip").label).toBe("Zip Code");
    });

    it("warns that an update's tags and custom fields replace the job's whole lists", () => {
      expect(inputOf("updateJob", "tagTypeIds").comments).toMatch(/tags not listed are removed/);
      expect(inputOf("updateJob", "customFields").comments).toMatch(/fields not listed are cleared/);
    });
  });

  describe("Cancel Job", () => {
    it("PUTs reasonId and memo and the job becomes Canceled", async () => {
      const job = scheduledJob();
      const result = await run("cancelJob", { id: String(job.id), reasonId: "302", memo: "Booked twice" });
      expect(result).toEqual({});
      expect(only("PUT", `/jobs/${job.id}/cancel`).body).toEqual({ reasonId: 302, memo: "Booked twice" });
      expect(await run("getJob", { id: String(job.id) })).toMatchObject({ jobStatus: "Canceled" });
    });

    it("requires the memo and a numeric reason before any request", async () => {
      const job = scheduledJob();
      await expectRefused("cancelJob", { id: String(job.id), reasonId: "302" }, /Input "Memo": is required/);
      await expectRefused("cancelJob", { id: String(job.id), reasonId: "Weather", memo: "x" }, /Input "Cancel Reason ID": "Weather"/);
      expect(db().get("jobs", job.id)!.jobStatus).toBe("Scheduled");
    });

    it("names the job in a 404", async () => {
      expect((await failure("cancelJob", { id: "99997", reasonId: "301", memo: "x" })).message).toMatch(/Job 99997 was not found/);
      expect(calls("PUT", "/jobs/99997/cancel")).toHaveLength(1);
    });
  });

  describe("List Job Cancel Reasons", () => {
    it("returns active reasons by default and all with Active = Any", async () => {
      const active = await run("listJobCancelReasons", {});
      const any = await run("listJobCancelReasons", { active: "Any" });
      expect(active.data.every((r: { active: boolean }) => r.active)).toBe(true);
      expect(any.data.length).toBe(db().all("job-cancel-reasons").length);
      expect(any.data.length).toBeGreaterThan(active.data.length);
    });

    it("refuses an Active value outside True/Any/False and paging on Fetch All", async () => {
      await expectRefused("listJobCancelReasons", { active: "Yes" }, /Input "Active": "Yes" is not one of True, Any, False/);
      await expectRefused("listJobCancelReasons", { fetchAll: true, page: "2" }, /Input "Page": cannot be combined with Fetch All/);
    });
  });
});
