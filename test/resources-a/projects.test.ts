import { useSandbox } from "../support";
import { actionsOn } from "./helpers";

describe("projects", () => {
  const ctx = useSandbox();
  const { run, only, expectRefused, failure } = actionsOn(ctx);
  const db = () => ctx.sandbox.db;
  const activeLocation = () =>
    db()
      .all("locations")
      .find((l) => l.active)!;

  beforeEach(() => ctx.sandbox.resetStats());

  it("List Projects filters by customer and sorts as asked", async () => {
    const project = db().all("projects")[0];
    const page = await run("listProjects", { customerId: String(project.customerId), sort: "-Id" });
    expect(page.data.map((p: { id: number }) => p.id)).toEqual(
      db()
        .all("projects", { customerId: project.customerId })
        .map((p) => p.id)
        .reverse(),
    );
    expect(only("GET", "/projects").query).toEqual({ customerId: String(project.customerId), sort: "-Id" });
  });

  it("List Projects refuses a sort field the endpoint does not offer and an unknown parameter", async () => {
    await expectRefused("listProjects", { sort: "-Number" }, /Input "Sort": "-Number" is not one of/);
    await expectRefused(
      "listProjects",
      { additionalQueryParameters: [{ key: "projectStatus", value: "Open" }] },
      /"projectStatus".*not a query parameter/,
    );
  });

  it("creates a project (body per spec) that Get Project returns", async () => {
    const location = activeLocation();
    const created = await run("createProject", {
      locationId: String(location.id),
      name: "Attic insulation",
      statusId: "1",
      startDate: "2025-08-01",
      projectManagerIds: ["1001"],
      customFields: '[{ "typeId": 3, "value": "Phase 1" }]',
    });
    expect(only("POST", "/projects").body).toEqual({
      locationId: location.id,
      name: "Attic insulation",
      statusId: 1,
      startDate: "2025-08-01T00:00:00.000Z",
      projectManagerIds: [1001],
      customFields: [{ typeId: 3, value: "Phase 1" }],
    });
    expect(await run("getProject", { id: String(created.id) })).toMatchObject({
      id: created.id,
      name: "Attic insulation",
      locationId: location.id,
      customerId: location.customerId,
      statusId: 1,
    });
  });

  it("updates a project's jobs with jobIds (not jobsIds) and the jobs join it", async () => {
    const project = db().all("projects")[0];
    const job = db().all("jobs", { projectId: null })[0];
    const jobIds = [...project.jobIds, job.id];
    await run("updateProject", { id: String(project.id), jobIds: jobIds.map(String), name: "Renamed project" });
    expect(only("PATCH", `/projects/${project.id}`).body).toEqual({ jobIds, name: "Renamed project" });
    expect(await run("getProject", { id: String(project.id) })).toMatchObject({ jobIds, name: "Renamed project" });
    expect(db().get("jobs", job.id)!.projectId).toBe(project.id);
  });

  it("names the project in a 404 on get and update", async () => {
    expect((await failure("getProject", { id: "49999" })).message).toMatch(/Project 49999 was not found/);
    expect((await failure("updateProject", { id: "49998", name: "x" })).message).toMatch(/Project 49998 was not found/);
  });

  it.each([
    ["createProject", "a missing location", {}, /Input "Location ID": is required/],
    [
      "createProject",
      "custom fields without a value",
      { locationId: "3001", customFields: '[{ "typeId": 3 }]' },
      /Input "Custom Fields": item 1 has no value/,
    ],
    [
      "createProject",
      "a custom field list that is an object",
      { locationId: "3001", customFields: '{ "typeId": 3 }' },
      /Input "Custom Fields": must be a JSON array/,
    ],
    ["updateProject", "a text job id", { id: "40001", jobIds: ["10001", "J2"] }, /Input "Job IDs": "J2"/],
    ["updateProject", "a start date that is not a date", { id: "40001", startDate: "soon" }, /Input "Start Date": "soon" is not a date/],
    ["getProject", "a missing id", {}, /Input "Project ID": is required/],
  ])("%s refuses %s before any request", async (key, _case, params, message) => {
    await expectRefused(key, params, message);
  });
});
