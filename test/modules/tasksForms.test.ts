import { useSandbox } from "../support";
import { moduleSuite } from "./helpers";

describe("tasks, forms, job attachments, service agreements, technician ratings", () => {
  const ctx = useSandbox();
  const { call, options, expectRefused, failure, db } = moduleSuite(ctx);

  const newTask = () => ({
    name: "Call back about the furnace estimate",
    description: "Customer wants financing options.",
    reportedById: "1001",
    assignedToId: "1002",
    involvedEmployeeIdList: ["1003"],
    isClosed: "false",
    businessUnitId: "101",
    employeeTaskTypeId: "299903",
    employeeTaskSourceId: "299911",
    reportedDate: "2025-03-03T09:00:00-07:00",
    completeBy: "2025-03-05",
    priority: "High",
    customerId: "2001",
  });

  describe("tasks", () => {
    it("creates a task, reads it back, adds a subtask that shows with the task", async () => {
      const { data: created, request } = await call("createTask", newTask(), "POST", "/tasks");
      expect(request.body).toEqual({
        name: "Call back about the furnace estimate",
        description: "Customer wants financing options.",
        reportedById: 1001,
        assignedToId: 1002,
        involvedEmployeeIdList: [1003],
        isClosed: false,
        businessUnitId: 101,
        employeeTaskTypeId: 299903,
        employeeTaskSourceId: 299911,
        reportedDate: "2025-03-03T16:00:00.000Z",
        completeBy: "2025-03-05T00:00:00.000Z",
        priority: "High",
        customerId: 2001,
      });
      expect(created).toMatchObject({ name: "Call back about the furnace estimate", status: "ToDo", taskNumber: expect.any(Number) });

      const { data: subtask, request: sub } = await call(
        "createSubtask",
        {
          id: String(created.id),
          name: "Email the financing brochure",
          isClosed: "false",
          assignedToId: "1002",
          dueDateTime: "2025-03-04T17:00:00Z",
        },
        "POST",
        `/tasks/${created.id}/subtasks`,
      );
      expect(sub.body).toEqual({
        name: "Email the financing brochure",
        isClosed: false,
        assignedToId: 1002,
        dueDateTime: "2025-03-04T17:00:00.000Z",
      });
      expect(subtask).toMatchObject({ parentTaskId: created.id, subtaskNumber: `${created.taskNumber}-1` });

      const { data: read, request: get } = await call(
        "getTask",
        { id: String(created.id), includeSubtasks: "true" },
        "GET",
        `/tasks/${created.id}`,
      );
      expect(get.query).toEqual({ includeSubtasks: "true" });
      expect(read).toMatchObject({ id: created.id, priority: "High", customerId: 2001 });
      expect(read.subTasksData).toMatchObject({ count: 1, subTasks: [expect.objectContaining({ name: "Email the financing brochure" })] });
    });

    it("lists tasks by status, priority and people", async () => {
      const { data, request } = await call(
        "listTasks",
        { statuses: ["ToDo", "InProgress"], priorities: ["High", "Urgent"], assignedToId: "1002", involvedEmployeeIdList: ["1003"] },
        "GET",
        "/tasks",
      );
      expect(request.query).toEqual({
        statuses: "ToDo,InProgress",
        priorities: "High,Urgent",
        assignedToId: "1002",
        involvedEmployeeIdList: "1003",
        active: "True",
      });
      expect(data.data.map((t: { name: string }) => t.name)).toEqual(["Call back about the furnace estimate"]);
    });

    it("refuses a task type ServiceTitan does not know (400 naming the field)", async () => {
      const error = await failure("createTask", { ...newTask(), employeeTaskTypeId: "299904" });
      expect(error.message).toMatch(/employeeTaskTypeId/);
    });

    it("reads the task data: employees, business units, types, sources, resolutions", async () => {
      const { data } = await call("getTaskData", {}, "GET", "/data");
      expect(data.taskTypes.map((t: { name: string }) => t.name)).toContain("Estimate follow-up");
      expect(data.employees.length).toBe(db().count("technicians"));
      expect(data.taskStatuses.map((s: { name: string }) => s.name)).toEqual(["ToDo", "InProgress", "OnHold", "Canceled", "Completed"]);
    });
  });

  describe("forms and attachments", () => {
    it.each([
      [
        "listForms",
        { name: "Checklist", status: "Published", hasTriggers: "false" },
        "/forms",
        { name: "Checklist", status: "Published", hasTriggers: "false", active: "True" },
      ],
      [
        "listFormSubmissions",
        { formIds: ["11", "12"], status: "Completed", ownerType: "Job", submittedOnOrAfter: "2025-01-01", sort: "-SubmittedOn" },
        "/submissions",
        {
          formIds: "11,12",
          status: "Completed",
          ownerType: "Job",
          submittedOnOrAfter: "2025-01-01T00:00:00.000Z",
          sort: "-SubmittedOn",
          active: "True",
        },
      ],
    ])("%s sends its filters under their spec names", async (key, params, path, query) => {
      const { data, request } = await call(key, params, "GET", path);
      expect(request.query).toEqual(query);
      expect(data.data.length).toBeGreaterThan(0);
    });

    it("attaches a file to a job: uploaded as multipart and stored under the job", async () => {
      const job = db().all("jobs")[0];
      const bytes = Buffer.from("%PDF-1.7 signed work order");
      const { data, request } = await call(
        "addJobAttachment",
        { id: String(job.id), file: { data: bytes, contentType: "application/pdf" }, fileName: "work-order.pdf" },
        "POST",
        `/jobs/${job.id}/attachments`,
      );
      expect(request.body).toEqual({ file: { fileName: "work-order.pdf", contentType: "application/pdf", size: bytes.length } });
      expect(data.fileName).toMatch(new RegExp(`^Jobs/${job.id}/.+\\.pdf$`));
      expect(db().file(data.fileName)!.data.equals(bytes)).toBe(true);
      expect(db().get("jobs", job.id)!.attachments).toEqual([{ fileName: data.fileName, originalFileName: "work-order.pdf" }]);
    });

    it("answers 404 for a job that does not exist", async () => {
      const error = await failure("addJobAttachment", { id: "19999", file: Buffer.from("x"), fileName: "a.txt" });
      expect(error.message).toMatch(/not found/);
    });
  });

  describe("service agreements and technician ratings", () => {
    it.each([
      [
        "listServiceAgreements",
        { customerIds: ["2001"], status: "Activated", sort: "-StartDate" },
        "/service-agreements",
        { customerIds: "2001", status: "Activated", sort: "-StartDate" },
      ],
      [
        "listTechnicianRatings",
        { technicianId: "1001", jobId: "10001" },
        "/technician-ratings",
        { technicianId: "1001", jobId: "10001", active: "True" },
      ],
    ])("%s sends its filters", async (key, params, path, query) => {
      const { request } = await call(key, params, "GET", path);
      expect(request.query).toEqual(query);
    });

    it("reads a service agreement", async () => {
      const { data } = await call("getServiceAgreement", { id: "7" }, "GET", "/service-agreements/7");
      expect(data.id).toBe(7);
    });

    it("rates a technician for a job", async () => {
      const { request } = await call(
        "rateTechnician",
        { technicianId: "1001", jobId: "10001", rating: "9.5" },
        "POST",
        "/technician-ratings",
      );
      expect(request.body).toEqual({ technicianId: 1001, jobId: 10001, rating: 9.5 });
    });
  });

  it.each([
    ["listTasks", { statuses: ["Done"] }, /Input "Statuses": "Done" is not one of ToDo/],
    ["getTask", { id: "T-1" }, /Input "Task ID": "T-1" is not a whole number/],
    ["createTask", { ...newTask(), assignedToId: "" }, /Input "Assigned To ID": is required/],
    ["createTask", { ...newTask(), reportedDate: "today" }, /Input "Reported Date": "today" is not a date/],
    ["createSubtask", { id: "260001", isClosed: "false", assignedToId: "1002" }, /Input "Name": is required/],
    ["getTaskData", { connection: { fields: {} } }, /Token URL|tenant|Tenant/],
    ["listForms", { status: "Draft" }, /Input "Status": "Draft" is not one of Any, Published, Unpublished/],
    ["listFormSubmissions", { formIds: ["inspection"] }, /Input "Form IDs": "inspection" is not a whole number/],
    ["addJobAttachment", { id: "10001", fileName: "a.pdf" }, /Input "File": is required/],
    ["listServiceAgreements", { status: "Active" }, /Input "Status": "Active" is not one of Draft/],
    ["getServiceAgreement", {}, /Input "Service Agreement ID": is required/],
    ["listTechnicianRatings", { jobId: "j" }, /Input "Job ID": "j" is not a whole number/],
    ["rateTechnician", { technicianId: "1001", jobId: "10001", rating: "great" }, /Input "Rating": "great" is not a number/],
  ])("%s refuses a bad input before any request (%#)", async (key, params, message) => {
    await expectRefused(key, params, message);
  });

  it.each([
    ["selectTask", undefined],
    ["selectTaskType", ["Complaint (ID: 299902)", "Customer callback (ID: 299901)", "Estimate follow-up (ID: 299903)"]],
    ["selectTaskSource", ["Email (ID: 299912)", "Phone call (ID: 299911)", "Technician (ID: 299913)"]],
    ["selectTaskResolution", ["Refund issued (ID: 299922)", "Resolved with customer (ID: 299921)"]],
    ["selectTaskEmployee", undefined],
    ["selectForm", undefined],
    ["selectServiceAgreement", undefined],
  ])("%s offers labelled records", async (key, labels) => {
    const result = await options(key);
    if (labels) expect(result.map((o) => o.label)).toEqual(labels);
    if (key === "selectTaskEmployee")
      expect(result).toHaveLength(
        db()
          .all("technicians")
          .filter((t) => t.active).length,
      );
  });
});
