import { useSandbox } from "../support";
import { moduleSuite } from "./helpers";

describe("jpm: job notes, history, logs, holds, equipment; appointment status; project details; job types", () => {
  const ctx = useSandbox();
  const { call, options, expectRefused, failure, db } = moduleSuite(ctx);
  const scheduled = (n = 0) => db().all("jobs", { jobStatus: "Scheduled" })[n];
  const holdReason = () =>
    db()
      .all("job-hold-reasons")
      .find((r) => r.active)!;

  describe("jobs", () => {
    it("adds a note to a job, and the job's notes list it", async () => {
      const job = scheduled();
      const { data, request } = await call(
        "createJobNote",
        { id: String(job.id), text: "Customer asked for a morning visit.", pinToTop: "true" },
        "POST",
        `/jobs/${job.id}/notes`,
      );
      expect(request.body).toEqual({ text: "Customer asked for a morning visit.", pinToTop: true });
      expect(data).toMatchObject({ text: "Customer asked for a morning visit.", isPinned: true });
      const { data: notes, request: list } = await call(
        "listJobNotes",
        { id: String(job.id), pageSize: "20" },
        "GET",
        `/jobs/${job.id}/notes`,
      );
      expect(list.query).toEqual({ pageSize: "20" });
      expect(notes.data.map((n: { text: string }) => n.text)).toContain("Customer asked for a morning visit.");
    });

    it("puts a job on hold with a reason; its hold reason, history and status show it; completes it", async () => {
      const job = scheduled(1);
      const reason = holdReason();
      const { request } = await call(
        "holdJob",
        { id: String(job.id), reasonId: String(reason.id), memo: "Waiting for the compressor" },
        "PUT",
        `/jobs/${job.id}/hold`,
      );
      expect(request.body).toEqual({ reasonId: reason.id, memo: "Waiting for the compressor" });
      expect(db().get("jobs", job.id)!.jobStatus).toBe("Hold");

      const { data: holds, request: holdQuery } = await call("getJobsHoldReasons", { ids: [String(job.id)] }, "GET", "/jobs/hold-reasons");
      expect(holdQuery.query).toEqual({ ids: String(job.id) });
      expect(holds.data).toEqual([
        { jobId: job.id, reasonId: reason.id, name: reason.name, text: "Waiting for the compressor", appointmentHoldReasons: [] },
      ]);

      await call("completeJob", { id: String(job.id), completedOn: "2025-06-02T17:30:00-07:00" }, "PUT", `/jobs/${job.id}/complete`);
      expect(db().get("jobs", job.id)).toMatchObject({ jobStatus: "Completed", completedOn: "2025-06-03T00:30:00.000Z" });

      const { data: history } = await call("getJobHistory", { id: String(job.id) }, "GET", `/jobs/${job.id}/history`);
      expect(history.history.map((h: { eventType: string }) => h.eventType)).toEqual(["Job Booked", "Job Put On Hold", "Job Completed"]);
    });

    it("refuses a hold reason ServiceTitan does not know (400 naming the field)", async () => {
      const error = await failure("holdJob", { id: String(scheduled().id), reasonId: "301", memo: "x" });
      expect(error.message).toMatch(/reasonId/);
    });

    it("cancels through Cancel Job, lists the cancellation, then removes it", async () => {
      const job = scheduled(2);
      await call("cancelJob", { id: String(job.id), reasonId: "302", memo: "Booked twice" }, "PUT", `/jobs/${job.id}/cancel`);
      const { data: log } = await call("listJobCanceledLog", { id: String(job.id) }, "GET", `/jobs/${job.id}/canceled-log`);
      expect(log.data).toEqual([expect.objectContaining({ jobId: job.id, reasonId: 302, memo: "Booked twice" })]);
      const { data: reasons } = await call("getJobsCancelReasons", { ids: [String(job.id)] }, "GET", "/jobs/cancel-reasons");
      expect(reasons.data).toEqual([{ jobId: job.id, reasonId: 302, name: "Scheduled by mistake", text: "Booked twice" }]);

      await call("removeJobCancellation", { id: String(job.id) }, "PUT", `/jobs/${job.id}/remove-cancellation`);
      expect(db().get("jobs", job.id)!.jobStatus).toBe("Scheduled");
      const { data: history } = await call("getJobHistory", { id: String(job.id) }, "GET", `/jobs/${job.id}/history`);
      expect(history.history.map((h: { eventType: string }) => h.eventType)).toEqual([
        "Job Booked",
        "Job Canceled",
        "Job Cancellation Removed",
      ]);
    });

    it("reads when a job was booked", async () => {
      const job = scheduled();
      const { data } = await call("getJobBookedLog", { id: String(job.id) }, "GET", `/jobs/${job.id}/booked-log`);
      expect(data).toMatchObject({ jobId: job.id, jobAppointmentId: job.firstAppointmentId });
    });

    it("attaches installed equipment to a job and detaches it one by one or as a list", async () => {
      const job = scheduled();
      const [a, b, c] = db()
        .all("installed-equipment")
        .filter((e) => e.active);
      const { data, request } = await call(
        "attachJobEquipment",
        { id: String(job.id), equipmentIds: [String(a.id), String(b.id), String(c.id)] },
        "POST",
        `/jobs/${job.id}/equipment`,
      );
      expect(request.body).toEqual({ equipmentIds: [a.id, b.id, c.id] });
      expect(data.equipmentIds).toEqual([a.id, b.id, c.id]);
      await call("detachJobEquipment", { id: String(job.id), equipmentId: String(a.id) }, "DELETE", `/jobs/${job.id}/equipment/${a.id}`);
      const { request: bulk } = await call(
        "detachJobEquipmentList",
        { id: String(job.id), equipmentIds: [String(b.id)] },
        "DELETE",
        `/jobs/${job.id}/equipment`,
      );
      expect(bulk.body).toEqual({ equipmentIds: [b.id] });
      const { data: left } = await call("listJobEquipment", { id: String(job.id) }, "GET", `/jobs/${job.id}/equipment`);
      expect(left.equipmentIds).toEqual([c.id]);
      expect((await failure("detachJobEquipment", { id: String(job.id), equipmentId: String(a.id) })).message).toMatch(/not found/);
    });

    it("lists hold reasons, active ones by default", async () => {
      const { data } = await call("listJobHoldReasons", { active: "Any" }, "GET", "/job-hold-reasons");
      expect(data.data).toHaveLength(db().count("job-hold-reasons"));
    });
  });

  describe("appointments", () => {
    const appointment = () => db().get("appointments", scheduled(3).firstAppointmentId)!;

    it("reschedules an appointment; the job follows", async () => {
      const { id, jobId } = appointment();
      const { data, request } = await call(
        "rescheduleAppointment",
        {
          id: String(id),
          start: "2025-07-01T08:00:00-07:00",
          end: "2025-07-01T10:00:00-07:00",
          arrivalWindowStart: "2025-07-01T08:00:00-07:00",
        },
        "PATCH",
        `/appointments/${id}/reschedule`,
      );
      expect(request.body).toEqual({
        start: "2025-07-01T15:00:00.000Z",
        end: "2025-07-01T17:00:00.000Z",
        arrivalWindowStart: "2025-07-01T15:00:00.000Z",
      });
      expect(data).toMatchObject({ id, jobId, start: "2025-07-01T15:00:00.000Z" });
    });

    it("holds and releases, confirms and unconfirms an appointment", async () => {
      const { id } = appointment();
      const reason = holdReason();
      const { request } = await call(
        "holdAppointment",
        { id: String(id), reasonId: String(reason.id), memo: "Gate locked" },
        "PUT",
        `/appointments/${id}/hold`,
      );
      expect(request.body).toEqual({ reasonId: reason.id, memo: "Gate locked" });
      expect(db().get("appointments", id)).toMatchObject({ status: "Hold", holdReasonId: reason.id });
      await call("removeAppointmentHold", { id: String(id) }, "DELETE", `/appointments/${id}/hold`);
      expect(db().get("appointments", id)!.status).toBe("Scheduled");
      await call("confirmAppointment", { id: String(id) }, "PUT", `/appointments/${id}/confirmation`);
      expect(db().get("appointments", id)!.isConfirmed).toBe(true);
      await call("unconfirmAppointment", { id: String(id) }, "DELETE", `/appointments/${id}/confirmation`);
      expect(db().get("appointments", id)!.isConfirmed).toBe(false);
    });

    it("replaces the special instructions and writes a technician's summary", async () => {
      const { id, jobId } = appointment();
      await call(
        "updateAppointmentSpecialInstructions",
        { id: String(id), specialInstructions: "Park in the driveway" },
        "PUT",
        `/appointments/${id}/special-instructions`,
      );
      expect(db().get("appointments", id)!.specialInstructions).toBe("Park in the driveway");
      const { data, request } = await call(
        "setAppointmentSummary",
        { id: String(id), notes: "Replaced the capacitor; system cooling.", technicianId: "1001" },
        "POST",
        `/appointments/${id}/summaries`,
      );
      expect(request.body).toEqual({ notes: "Replaced the capacitor; system cooling.", technicianId: 1001 });
      expect(data).toMatchObject({ jobAppointmentId: id, jobId, technicianId: 1001, notes: "Replaced the capacitor; system cooling." });
      const { data: read } = await call("getAppointment", { id: String(id) }, "GET", `/appointments/${id}`);
      expect(read.appointmentSummaries).toEqual([expect.objectContaining({ notes: "Replaced the capacitor; system cooling." })]);
    });
  });

  describe("projects", () => {
    it("adds a note to a project and lists it", async () => {
      const project = db().all("projects")[1];
      const { request } = await call(
        "createProjectNote",
        { id: String(project.id), text: "Inspection passed." },
        "POST",
        `/projects/${project.id}/notes`,
      );
      expect(request.body).toEqual({ text: "Inspection passed." });
      const { data } = await call("listProjectNotes", { id: String(project.id) }, "GET", `/projects/${project.id}/notes`);
      expect(data.data).toEqual([expect.objectContaining({ text: "Inspection passed.", isPinned: false })]);
    });

    it("attaches a job to a project and detaches it", async () => {
      const project = db().all("projects")[0];
      const job = scheduled(4);
      await call(
        "attachJobToProject",
        { id: String(project.id), jobId: String(job.id) },
        "POST",
        `/projects/${project.id}/attach-job/${job.id}`,
      );
      expect(db().get("jobs", job.id)!.projectId).toBe(project.id);
      expect(db().get("projects", project.id)!.jobIds).toContain(job.id);
      await call("detachJobFromProject", { jobId: String(job.id) }, "POST", `/projects/detach-job/${job.id}`);
      expect(db().get("jobs", job.id)!.projectId).toBeNull();
      expect(db().get("projects", project.id)!.jobIds).not.toContain(job.id);
      expect((await failure("detachJobFromProject", { jobId: String(job.id) })).message).toMatch(/not attached to a project/);
    });

    it.each([
      ["listProjectStatuses", { sort: "+Order" }, "/project-statuses", { sort: "+Order" }, 5],
      ["listProjectSubStatuses", { statusId: "2" }, "/project-substatuses", { statusId: "2", active: "True" }, 2],
      ["listProjectTypes", {}, "/project-types", {}, 3],
    ])("%s lists the project settings", async (key, params, path, query, count) => {
      const { data, request } = await call(key, params, "GET", path);
      expect(request.query).toEqual(query);
      expect(data.data).toHaveLength(count);
    });

    it.each([
      ["getProjectStatus", "2", "/project-statuses/2", "In Progress"],
      ["getProjectSubStatus", "258502", "/project-substatuses/258502", "Waiting for permit"],
      ["getProjectType", "259001", "/project-types/259001", "Remodel"],
    ])("%s reads one by id", async (key, id, path, name) => {
      const { data } = await call(key, { id }, "GET", path);
      expect(data).toMatchObject({ id: Number(id), name });
    });
  });

  describe("job types", () => {
    it("creates a job type, reads it, updates it", async () => {
      const { data: created, request } = await call(
        "createJobType",
        { name: "Duct Cleaning", businessUnitIds: ["101"], skills: ["Ductwork"], priority: "Normal", duration: "7200", class: "Service" },
        "POST",
        "/job-types",
      );
      expect(request.body).toEqual({
        name: "Duct Cleaning",
        businessUnitIds: [101],
        skills: ["Ductwork"],
        priority: "Normal",
        duration: 7200,
        class: "Service",
      });
      const { data: read } = await call("getJobType", { id: String(created.id) }, "GET", `/job-types/${created.id}`);
      expect(read).toMatchObject({ id: created.id, name: "Duct Cleaning", duration: 7200, businessUnitIds: [101] });
      const { request: patch } = await call(
        "updateJobType",
        { id: String(created.id), duration: "5400", tagTypeIds: ["501"], customFieldTypeIds: ["7"], customFieldsUpdateMode: "Merge" },
        "PATCH",
        `/job-types/${created.id}`,
      );
      expect(patch.body).toEqual({ duration: 5400, tagTypeIds: [501], customFieldTypeIds: [7], customFieldsUpdateMode: "Merge" });
      expect(db().get("job-types", created.id)).toMatchObject({
        duration: 5400,
        tagTypeIds: [501],
        customFieldTypeIds: [7],
        name: "Duct Cleaning",
      });
      const { data: list } = await call("listJobTypes", { name: "Duct", orderBy: "id", orderByDirection: "desc" }, "GET", "/job-types");
      expect(list.data.map((t: { id: number }) => t.id)).toEqual([created.id]);
    });

    it.each([
      ["listJobCustomFieldTypes", { sort: "+Name" }, "/jobs/custom-fields", { sort: "+Name" }],
      ["listBudgetCodes", { budgetCodeIds: ["1", "2"] }, "/work-breakdown-structure/budget-codes", { budgetCodeIds: "1,2" }],
    ])("%s sends its filters", async (key, params, path, query) => {
      const { request } = await call(key, params, "GET", path);
      expect(request.query).toEqual(query);
    });
  });

  it.each([
    ["listJobNotes", { id: "#100" }, /Input "Job ID": "#100" is not a whole number/],
    ["createJobNote", { id: "10001", text: "" }, /Input "Text": is required/],
    ["getJobHistory", {}, /Input "Job ID": is required/],
    ["getJobBookedLog", { id: "x" }, /Input "Job ID": "x" is not a whole number/],
    ["listJobCanceledLog", { id: "10031", pageSize: "0" }, /Input "Page Size": 0 is out of range/],
    ["removeJobCancellation", { id: "" }, /Input "Job ID": is required/],
    ["holdJob", { id: "10025", memo: "x" }, /Input "Hold Reason ID": is required/],
    ["completeJob", { id: "10025", completedOn: "yesterday" }, /Input "Completed On": "yesterday" is not a date/],
    ["listJobHoldReasons", { active: "true" }, /Input "Active": "true" is not one of True, Any, False/],
    ["getJobsHoldReasons", { ids: [] }, /Input "Job IDs": needs at least one id/],
    [
      "getJobsCancelReasons",
      { ids: Array.from({ length: 51 }, (_, i) => String(i + 1)) },
      /Input "Job IDs": has 51 ids; ServiceTitan accepts at most 50/,
    ],
    ["listJobEquipment", { id: "eq" }, /Input "Job ID": "eq" is not a whole number/],
    ["attachJobEquipment", { id: "10001", equipmentIds: ["furnace"] }, /Input "Installed Equipment IDs": "furnace" is not a whole number/],
    ["detachJobEquipment", { id: "10001" }, /Input "Installed Equipment ID": is required/],
    ["detachJobEquipmentList", { id: "10001", equipmentIds: [] }, /Input "Installed Equipment IDs": needs at least one id/],
    [
      "rescheduleAppointment",
      { id: "20001", start: "2025-07-01T10:00:00Z", end: "2025-07-01T09:00:00Z" },
      /Input "End": must be after the start/,
    ],
    ["holdAppointment", { id: "20001", reasonId: "258001" }, /Input "Memo": is required/],
    ["removeAppointmentHold", { id: "a" }, /Input "Appointment ID": "a" is not a whole number/],
    ["confirmAppointment", {}, /Input "Appointment ID": is required/],
    ["unconfirmAppointment", { id: "1.5" }, /Input "Appointment ID": "1.5" is not a whole number/],
    ["updateAppointmentSpecialInstructions", { id: "20001", specialInstructions: " " }, /Input "Special Instructions": is required/],
    ["setAppointmentSummary", { id: "20001", notes: "x" }, /Input "Technician ID": is required/],
    ["listProjectNotes", { id: "P1" }, /Input "Project ID": "P1" is not a whole number/],
    ["createProjectNote", { id: "40001" }, /Input "Text": is required/],
    ["attachJobToProject", { id: "40001", jobId: "" }, /Input "Job ID": is required/],
    ["detachJobFromProject", { jobId: "j" }, /Input "Job ID": "j" is not a whole number/],
    ["listProjectStatuses", { sort: "+Color" }, /Input "Sort": "\+Color" is not one of/],
    ["getProjectStatus", { id: "open" }, /Input "Project Status ID": "open" is not a whole number/],
    ["listProjectSubStatuses", { statusId: "s" }, /Input "Status ID": "s" is not a whole number/],
    ["getProjectSubStatus", {}, /Input "Project Sub Status ID": is required/],
    ["listProjectTypes", { page: "0" }, /Input "Page": 0 is out of range/],
    ["getProjectType", { id: "t" }, /Input "Project Type ID": "t" is not a whole number/],
    ["listJobTypes", { priority: "Critical" }, /Input "Priority": "Critical" is not one of Low, Normal, High, Urgent/],
    ["getJobType", { id: "AC" }, /Input "Job Type ID": "AC" is not a whole number/],
    ["createJobType", { name: "" }, /Input "Name": is required/],
    ["updateJobType", { id: "201", duration: "1.5h" }, /Input "Duration": "1.5h" is not a whole number/],
    ["listJobCustomFieldTypes", { createdBefore: "soon" }, /Input "Created Before": "soon" is not a date/],
    ["listBudgetCodes", { segmentIds: ["a"] }, /Input "Segment IDs": "a" is not a whole number/],
  ])("%s refuses a bad input before any request (%#)", async (key, params, message) => {
    await expectRefused(key, params, message);
  });

  it.each([
    ["selectJobHoldReason", 4],
    ["selectProjectStatus", 5],
    ["selectProjectSubStatus", 5],
    ["selectProjectType", 3],
    ["selectJobCustomFieldType", 0],
    ["selectBudgetCode", 0],
  ])("%s offers labelled records", async (key, count) => {
    const result = await options(key);
    if (count) expect(result).toHaveLength(count);
    if (key === "selectProjectStatus") expect(result[0].label).toBe("Not Started (ID: 1)");
  });
});
