import { useSandbox } from "../support";
import { actionsOn } from "./helpers";

describe("appointments and appointment assignments", () => {
  const ctx = useSandbox();
  const { run, only, expectRefused, failure } = actionsOn(ctx);
  const db = () => ctx.sandbox.db;
  const scheduledJob = () => db().all("jobs", { jobStatus: "Scheduled" })[0];
  const activeTechnicians = () =>
    db()
      .all("technicians", { active: true })
      .map((t) => t.id);
  const assignedTo = (appointmentId: number) =>
    db()
      .all("appointment-assignments", { appointmentId, active: true })
      .map((a) => a.technicianId)
      .sort();

  beforeEach(() => ctx.sandbox.resetStats());

  describe("List Appointments", () => {
    it("filters by job and status with the spec's names", async () => {
      const job = scheduledJob();
      const page = await run("listAppointments", { jobId: String(job.id), status: "Scheduled" });
      expect(page.data.map((a: { id: number }) => a.id)).toEqual(
        db()
          .all("appointments", { jobId: job.id, status: "Scheduled", active: true })
          .map((a) => a.id),
      );
      expect(only("GET", "/appointments").query).toEqual({ jobId: String(job.id), status: "Scheduled", active: "True" });
    });

    it("refuses a status ServiceTitan does not know and an unknown extra parameter", async () => {
      await expectRefused(
        "listAppointments",
        { status: "Pending" },
        /Input "Status": "Pending" is not one of Scheduled, Dispatched, Working, Hold, Done, Canceled/,
      );
      await expectRefused(
        "listAppointments",
        { additionalQueryParameters: [{ key: "appointmentIds", value: "1" }] },
        /"appointmentIds".*not a query parameter/,
      );
    });
  });

  describe("Create / Get / Delete Appointment", () => {
    it("creates an appointment on a job (body per spec), reads it back, then deletes it", async () => {
      const job = scheduledJob();
      const [tech] = activeTechnicians();
      const created = await run("createAppointment", {
        jobId: String(job.id),
        start: "2025-07-01T08:00:00-07:00",
        end: "2025-07-01T10:00:00-07:00",
        arrivalWindowStart: "2025-07-01T08:00:00-07:00",
        arrivalWindowEnd: "2025-07-01T09:00:00-07:00",
        technicianIds: [String(tech)],
        specialInstructions: "Call on arrival",
      });
      expect(only("POST", "/appointments").body).toEqual({
        jobId: job.id,
        start: "2025-07-01T15:00:00.000Z",
        end: "2025-07-01T17:00:00.000Z",
        arrivalWindowStart: "2025-07-01T15:00:00.000Z",
        arrivalWindowEnd: "2025-07-01T16:00:00.000Z",
        technicianIds: [tech],
        specialInstructions: "Call on arrival",
      });
      expect(await run("getAppointment", { id: String(created.id) })).toMatchObject({
        id: created.id,
        jobId: job.id,
        start: "2025-07-01T15:00:00.000Z",
        specialInstructions: "Call on arrival",
      });
      expect(assignedTo(created.id)).toEqual([tech]);

      expect(await run("deleteAppointment", { id: String(created.id) })).toEqual({});
      expect(only("DELETE", `/appointments/${created.id}`).body).toBeUndefined();
      expect((await failure("getAppointment", { id: String(created.id) })).message).toMatch(
        new RegExp(`Appointment ${created.id} was not found`),
      );
    });

    it("names the appointment in a 404 on get and delete", async () => {
      expect((await failure("getAppointment", { id: "29999" })).message).toMatch(/Appointment 29999 was not found/);
      expect((await failure("deleteAppointment", { id: "29998" })).message).toMatch(/Appointment 29998 was not found/);
    });

    it.each([
      ["a text job id", { jobId: "J-1" }, /Input "Job ID": "J-1" is not a whole number/],
      ["a missing end", { end: "" }, /Input "End": is required/],
      ["an end before the start", { end: "2025-07-01T07:00:00-07:00" }, /Input "End": must be after the start/],
      [
        "an arrival window that ends before it starts",
        { arrivalWindowStart: "2025-07-01T09:00:00-07:00", arrivalWindowEnd: "2025-07-01T08:30:00-07:00" },
        /Input "Arrival Window End"/,
      ],
      ["a text technician id", { technicianIds: ["Marcus"] }, /Input "Technician IDs": "Marcus"/],
    ])("Create Appointment refuses %s before any request", async (_case, change, message) => {
      const valid = { jobId: String(scheduledJob().id), start: "2025-07-01T08:00:00-07:00", end: "2025-07-01T10:00:00-07:00" };
      await expectRefused("createAppointment", { ...valid, ...change }, message);
    });

    it("Get and Delete refuse a missing or non-numeric id before any request", async () => {
      await expectRefused("getAppointment", {}, /Input "Appointment ID": is required/);
      await expectRefused("deleteAppointment", { id: "1234-1" }, /Input "Appointment ID": "1234-1" is not a whole number/);
    });
  });

  describe("appointment assignments", () => {
    it("assigns and unassigns technicians (integer ids), visible in List Appointment Assignment", async () => {
      const appointment = db().all("appointments", { status: "Scheduled", active: true })[0];
      const free = activeTechnicians()
        .filter((id) => !assignedTo(appointment.id).includes(id))
        .slice(0, 2);
      const before = assignedTo(appointment.id);

      const assigned = await run("assignTechnicians", { jobAppointmentId: String(appointment.id), technicianIds: free.map(String) });
      expect(only("POST", "/appointment-assignments/assign-technicians").body).toEqual({
        jobAppointmentId: appointment.id,
        technicianIds: free,
      });
      expect(assigned).toMatchObject({ id: appointment.id, jobId: appointment.jobId });
      expect(assignedTo(appointment.id)).toEqual([...before, ...free].sort());

      const listed = await run("listAppointmentsAssignment", { appointmentIds: [String(appointment.id)] });
      expect(listed.data.map((a: { technicianId: number }) => a.technicianId).sort()).toEqual([...before, ...free].sort());
      expect(only("GET", "/appointment-assignments").query).toEqual({ appointmentIds: String(appointment.id), active: "True" });

      await run("unassignTechnicians", { jobAppointmentId: String(appointment.id), technicianIds: [String(free[0])] });
      expect(only("POST", "/appointment-assignments/unassign-technicians").body).toEqual({
        jobAppointmentId: appointment.id,
        technicianIds: [free[0]],
      });
      expect(assignedTo(appointment.id)).toEqual([...before, free[1]].sort());
    });

    it("List Appointment Assignment filters by job", async () => {
      const job = scheduledJob();
      const listed = await run("listAppointmentsAssignment", { jobId: String(job.id) });
      expect(listed.data.length).toBeGreaterThan(0);
      expect(listed.data.every((a: { jobId: number }) => a.jobId === job.id)).toBe(true);
    });

    it("refuses bad inputs before any request", async () => {
      await expectRefused(
        "assignTechnicians",
        { jobAppointmentId: "20001", technicianIds: [] },
        /Input "Technician IDs": needs at least one id/,
      );
      await expectRefused("assignTechnicians", { technicianIds: ["1001"] }, /Input "Appointment ID": is required/);
      await expectRefused(
        "unassignTechnicians",
        { jobAppointmentId: "20001", technicianIds: ["1001", "two"] },
        /Input "Technician IDs": "two"/,
      );
      await expectRefused("listAppointmentsAssignment", { appointmentIds: ["x"] }, /Input "Appointment IDs": "x"/);
      const tooMany = Array.from({ length: 51 }, (_, i) => String(20001 + i));
      await expectRefused(
        "listAppointmentsAssignment",
        { appointmentIds: tooMany },
        /Input "Appointment IDs": has 51 ids; ServiceTitan accepts at most 50/,
      );
    });
  });
});
