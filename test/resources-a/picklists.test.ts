import { useSandbox } from "../support";
import { actionsOn } from "./helpers";

type Option = { key: string; label: string };
const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });
const alphabetical = (options: Option[]) => [...options].sort((a, b) => collator.compare(a.label, b.label));

describe("dropdowns of jobs, appointments, projects, technicians and settings", () => {
  const ctx = useSandbox();
  const { picklist } = actionsOn(ctx);
  const db = () => ctx.sandbox.db;
  const idsOf = (options: Option[]) => options.map((o) => Number(o.key));

  beforeEach(() => ctx.sandbox.resetStats());

  const wellFormed = (options: Option[]) => {
    expect(options.length).toBeGreaterThan(0);
    for (const option of options) {
      expect(option.key).toMatch(/^\d+$/);
      expect(option.label.trim()).not.toBe("");
    }
    expect(new Set(options.map((o) => o.key)).size).toBe(options.length);
  };

  it("Select Job: every active job, newest first, labelled #number (ID: id)", async () => {
    const options = await picklist("selectJob");
    wellFormed(options);
    const jobs = db().all("jobs", { active: true });
    expect(idsOf(options)).toEqual(jobs.map((j) => j.id).reverse());
    expect(options[0].label).toBe(`#${jobs[jobs.length - 1].jobNumber} (ID: ${jobs[jobs.length - 1].id})`);
  });

  it("Select Appointment: newest first, labelled #appointmentNumber (ID: id), deleted ones excluded", async () => {
    const options = await picklist("selectAppointment");
    wellFormed(options);
    const appointments = db().all("appointments", { active: true });
    expect(idsOf(options)).toEqual(appointments.map((a) => a.id).reverse());
    expect(options).toContainEqual({
      key: String(appointments[0].id),
      label: `#${appointments[0].appointmentNumber} (ID: ${appointments[0].id})`,
    });
  });

  it("Select Project: newest first, by name, falling back to the number for unnamed projects", async () => {
    const unnamed = db().insert("projects", { locationId: db().all("locations")[0].id, name: null });
    const options = await picklist("selectProject");
    wellFormed(options);
    expect(idsOf(options)).toEqual(
      db()
        .all("projects")
        .map((p) => p.id)
        .reverse(),
    );
    expect(options[0]).toEqual({ key: String(unnamed.id), label: `#${unnamed.number} (ID: ${unnamed.id})` });
    const named = db().all("projects")[0];
    expect(options).toContainEqual({ key: String(named.id), label: `${named.name} (ID: ${named.id})` });
  });

  it("Select Technician: active technicians only, alphabetical, labelled Name (ID: id)", async () => {
    const options = await picklist("selectTechnician");
    wellFormed(options);
    expect(options).toEqual(alphabetical(options));
    expect(idsOf(options).sort()).toEqual(
      db()
        .all("technicians", { active: true })
        .map((t) => t.id)
        .sort(),
    );
    const inactive = db().all("technicians", { active: false })[0];
    expect(idsOf(options)).not.toContain(inactive.id);
    expect(options).toContainEqual({ key: "1010", label: `${db().get("technicians", 1010)!.name} (ID: 1010)` });
  });

  it.each([
    ["selectJobType", "job-types"],
    ["selectJobCancelReason", "job-cancel-reasons"],
    ["selectBusinessUnit", "business-units"],
    ["selectUserRole", "user-roles"],
    ["selectTagType", "tag-types"],
  ] as const)("%s: active %s only, alphabetical, labelled Name (ID: id)", async (key, collection) => {
    const retired = db().insert(collection, { name: "Aaa retired", active: false });
    const options = await picklist(key);
    wellFormed(options);
    const active = db().all(collection, { active: true });
    expect(options).toEqual(alphabetical(active.map((r) => ({ key: String(r.id), label: `${r.name} (ID: ${r.id})` }))));
    expect(idsOf(options)).not.toContain(retired.id);
  });

  it("keeps the newest 10,000 jobs when there are more, in at most 3 requests", async () => {
    db().bulkInsert("jobs", 10_500);
    const options = await picklist("selectJob");
    expect(options).toHaveLength(10_000);
    const newest = db()
      .all("jobs")
      .map((j) => j.id)
      .reverse()
      .slice(0, 10_000);
    expect(idsOf(options)).toEqual(newest);
    expect(ctx.sandbox.requests.length).toBeLessThanOrEqual(3);
  });
});
