import { useSandbox } from "../support";
import { moduleSuite } from "./helpers";

describe("dispatch: capacity, technician shifts, non-job appointments, zones, teams, arrival windows, business hours, skills", () => {
  const ctx = useSandbox();
  const { call, options, expectRefused, failure, db } = moduleSuite(ctx);
  const hvacTechnicians = () =>
    db()
      .all("technicians", { businessUnitId: 101 })
      .filter((t) => t.active)
      .map((t) => t.id);
  const day = "2030-03-04";
  const capacityOf = (extra: Record<string, unknown> = {}) =>
    call(
      "getCapacity",
      {
        startsOnOrAfter: `${day}T00:00:00Z`,
        endsOnOrBefore: "2030-03-05T00:00:00Z",
        businessUnitIds: ["101"],
        jobTypeId: "201",
        skillBasedAvailability: "false",
        ...extra,
      },
      "POST",
      "/capacity",
    );

  describe("capacity", () => {
    it("answers the day's arrival windows with the technicians free in each; time off takes a technician out", async () => {
      const { data, request } = await capacityOf();
      expect(request.body).toEqual({
        startsOnOrAfter: `${day}T00:00:00.000Z`,
        endsOnOrBefore: "2030-03-05T00:00:00.000Z",
        businessUnitIds: [101],
        jobTypeId: 201,
        skillBasedAvailability: false,
      });
      expect(data.availabilities.map((a: { start: string }) => a.start)).toEqual([
        `${day}T08:00:00.000Z`,
        `${day}T12:00:00.000Z`,
        `${day}T16:00:00.000Z`,
      ]);
      const [morning] = data.availabilities;
      expect(morning.technicians.map((t: { id: number; status: string }) => [t.id, t.status])).toEqual(
        hvacTechnicians().map((id) => [id, "Available"]),
      );
      expect(morning).toMatchObject({ isAvailable: true, totalAvailability: 4 * hvacTechnicians().length });

      const [first] = hvacTechnicians();
      await call(
        "createTechnicianShift",
        {
          technicianIds: [String(first)],
          shiftType: "TimeOff",
          title: "Dentist",
          start: `${day}T08:00:00Z`,
          end: `${day}T12:00:00Z`,
          repeatType: "Never",
        },
        "POST",
        "/technician-shifts",
      );
      const { data: after } = await capacityOf();
      const technician = after.availabilities[0].technicians.find((t: { id: number }) => t.id === first);
      expect(technician.status).toBe("Unavailable");
      expect(after.availabilities[0].openAvailability).toBe(4 * (hvacTechnicians().length - 1));
    });

    it("Only Available Slots leaves out the slots where nobody is free", async () => {
      await call(
        "createTechnicianShift",
        {
          technicianIds: hvacTechnicians().map(String),
          shiftType: "TimeOff",
          title: "Training",
          start: `${day}T16:00:00Z`,
          end: `${day}T18:00:00Z`,
          repeatType: "Never",
        },
        "POST",
        "/technician-shifts",
      );
      const { data: all } = await capacityOf();
      expect(all.availabilities[2].isAvailable).toBe(false);
      const { data, request } = await capacityOf({ onlyAvailable: true });
      expect(request.body).not.toHaveProperty("onlyAvailable");
      expect(data.availabilities.map((a: { start: string }) => a.start)).toEqual([`${day}T08:00:00.000Z`, `${day}T12:00:00.000Z`]);
    });
  });

  describe("technician shifts", () => {
    it("creates a weekly shift for two technicians, lists, reads, updates and deletes one", async () => {
      const [a, b] = hvacTechnicians();
      const { data, request } = await call(
        "createTechnicianShift",
        {
          technicianIds: [String(a), String(b)],
          shiftType: "OnCall",
          title: "Weekend on-call",
          start: "2030-04-06T15:00:00Z",
          end: "2030-04-07T01:00:00Z",
          repeatType: "Weekly",
          repeatEndDate: "2030-04-21T00:00:00Z",
          timesheetCodeId: "",
        },
        "POST",
        "/technician-shifts",
      );
      expect(request.body).toEqual({
        technicianIds: [a, b],
        shiftType: "OnCall",
        title: "Weekend on-call",
        start: "2030-04-06T15:00:00.000Z",
        end: "2030-04-07T01:00:00.000Z",
        repeatType: "Weekly",
        repeatEndDate: "2030-04-21T00:00:00.000Z",
      });
      expect(data.technicianShifts).toHaveLength(6); // 3 weekends × 2 technicians
      const shift = data.technicianShifts[0];

      const { data: listed, request: list } = await call(
        "listTechnicianShifts",
        { technicianId: String(a), shiftType: "OnCall", titleContains: "weekend", startsOnOrAfter: "2030-04-01" },
        "GET",
        "/technician-shifts",
      );
      expect(list.query).toMatchObject({ technicianId: String(a), shiftType: "OnCall", titleContains: "weekend" });
      expect(listed.data).toHaveLength(3);

      const { request: patch } = await call(
        "updateTechnicianShift",
        { id: String(shift.id), title: "Weekend on-call (primary)" },
        "PATCH",
        `/technician-shifts/${shift.id}`,
      );
      expect(patch.body).toEqual({ title: "Weekend on-call (primary)" });
      const { data: read } = await call("getTechnicianShift", { id: String(shift.id) }, "GET", `/technician-shifts/${shift.id}`);
      expect(read.title).toBe("Weekend on-call (primary)");

      const { data: deleted } = await call("deleteTechnicianShift", { id: String(shift.id) }, "DELETE", `/technician-shifts/${shift.id}`);
      expect(deleted.id).toBe(shift.id);
      expect((await failure("getTechnicianShift", { id: String(shift.id) })).message).toMatch(/was not found/);
    });

    it("deletes every shift in a range", async () => {
      const { data, request } = await call(
        "deleteTechnicianShiftsInRange",
        { start: "2030-04-12T00:00:00Z", end: "2030-04-22T00:00:00Z" },
        "POST",
        "/technician-shifts/bulk-delete",
      );
      expect(request.body).toEqual({ start: "2030-04-12T00:00:00.000Z", end: "2030-04-22T00:00:00.000Z" });
      expect(data.deletedIds).toHaveLength(4);
      for (const id of data.deletedIds) expect(db().get("technician-shifts", id)!.active).toBe(false);
    });
  });

  describe("non-job appointments", () => {
    it("creates, lists, reads, replaces and deletes a non-job appointment", async () => {
      const [technician] = hvacTechnicians();
      const { data: created, request } = await call(
        "createNonJobAppointment",
        {
          technicianId: String(technician),
          start: "2030-05-01T15:00:00Z",
          duration: "90",
          name: "Team meeting",
          timesheetCodeId: "7",
          showOnTechnicianSchedule: "true",
        },
        "POST",
        "/non-job-appointments",
      );
      expect(request.body).toEqual({
        technicianId: technician,
        start: "2030-05-01T15:00:00.000Z",
        duration: "01:30:00",
        name: "Team meeting",
        timesheetCodeId: 7,
        showOnTechnicianSchedule: true,
      });
      expect(created).toMatchObject({ technicianId: technician, duration: "01:30:00", name: "Team meeting" });

      const { data: listed } = await call(
        "listNonJobAppointments",
        { technicianId: String(technician), startsOnOrAfter: "2030-05-01" },
        "GET",
        "/non-job-appointments",
      );
      expect(listed.data.map((a: { id: number }) => a.id)).toEqual([created.id]);

      const { request: put } = await call(
        "updateNonJobAppointment",
        {
          id: String(created.id),
          technicianId: String(technician),
          start: "2030-05-01T16:00:00Z",
          duration: "00:45:00",
          name: "Team meeting (short)",
        },
        "PUT",
        `/non-job-appointments/${created.id}`,
      );
      expect(put.body).toEqual({
        technicianId: technician,
        start: "2030-05-01T16:00:00.000Z",
        duration: "00:45:00",
        name: "Team meeting (short)",
      });
      const { data: read } = await call("getNonJobAppointment", { id: String(created.id) }, "GET", `/non-job-appointments/${created.id}`);
      expect(read).toMatchObject({ name: "Team meeting (short)", duration: "00:45:00" });

      // It blocks capacity (removeTechnicianFromCapacityPlanning defaults to true in the sandbox).
      const { data: capacity } = await call(
        "getCapacity",
        {
          startsOnOrAfter: "2030-05-01T00:00:00Z",
          endsOnOrBefore: "2030-05-02T00:00:00Z",
          businessUnitIds: ["101"],
          skillBasedAvailability: "false",
        },
        "POST",
        "/capacity",
      );
      expect(capacity.availabilities[2].technicians.find((t: { id: number }) => t.id === technician).status).toBe("Unavailable");

      await call("deleteNonJobAppointment", { id: String(created.id) }, "DELETE", `/non-job-appointments/${created.id}`);
      expect(db().get("non-job-appointments", created.id)!.active).toBe(false);
    });
  });

  describe("settings", () => {
    it.each([
      ["listZones", { sort: "-Id" }, "/zones", { sort: "-Id", active: "True" }, 3],
      ["listTeams", { includeInactive: "true" }, "/teams", { includeInactive: "true" }, 3],
      ["listArrivalWindows", {}, "/arrival-windows", { active: "True" }, 3],
      ["listTechnicianSkills", { technicianId: "1001" }, "/technician-skills", { technicianId: "1001", active: "True" }, 1],
    ])("%s lists", async (key, params, path, query, count) => {
      const { data, request } = await call(key, params, "GET", path);
      expect(request.query).toEqual(query);
      expect(data.data).toHaveLength(count);
    });

    it.each([
      ["getZone", "280001", "/zones/280001", { name: "North Phoenix" }],
      ["getTeam", "281001", "/teams/281001", { name: "HVAC Install Crew" }],
      ["getArrivalWindow", "282001", "/arrival-windows/282001", { start: "08:00:00", duration: "04:00:00" }],
    ])("%s reads one by id", async (key, id, path, expected) => {
      const { data } = await call(key, { id }, "GET", path);
      expect(data).toMatchObject({ id: Number(id), ...expected });
    });

    it("reads the business hours", async () => {
      const { data } = await call("getBusinessHours", {}, "GET", "/business-hours");
      expect(data.weekdays).toEqual([{ fromHour: 7, toHour: 18 }]);
    });

    it("assigns skills to a technician, adding or replacing", async () => {
      const skill = db()
        .all("technician-skills")
        .find((s) => s.name === "Plumbing")!;
      const { data, request } = await call(
        "assignTechnicianSkills",
        { technicianId: "1001", skillIds: [String(skill.id)], replaceExistingSkills: "false" },
        "PATCH",
        "/technician-skills",
      );
      expect(request.body).toEqual({ technicianId: 1001, skillIds: [skill.id], replaceExistingSkills: false });
      expect(data.technicianSkills.map((s: { name: string }) => s.name).sort()).toEqual(["EPA 608 Certified", "Plumbing"]);
      const { data: replaced } = await call(
        "assignTechnicianSkills",
        { technicianId: "1001", skillIds: [String(skill.id)], replaceExistingSkills: "true" },
        "PATCH",
        "/technician-skills",
      );
      expect(replaced.technicianSkills.map((s: { name: string }) => s.name)).toEqual(["Plumbing"]);
    });
  });

  it.each([
    [
      "getCapacity",
      { startsOnOrAfter: "2030-03-05", endsOnOrBefore: "2030-03-04", skillBasedAvailability: "false" },
      /Input "Ends On Or Before": must be after the start/,
    ],
    ["getCapacity", { startsOnOrAfter: "2030-03-04", endsOnOrBefore: "2030-03-05" }, /Input "Skill Based Availability": is required/],
    ["listTechnicianShifts", { shiftType: "Vacation" }, /Input "Shift Type": "Vacation" is not one of Normal, OnCall, TimeOff/],
    ["getTechnicianShift", { id: "s1" }, /Input "Technician Shift ID": "s1" is not a whole number/],
    [
      "createTechnicianShift",
      {
        technicianIds: ["1001"],
        shiftType: "Normal",
        title: "x",
        start: "2030-01-01T10:00:00Z",
        end: "2030-01-01T09:00:00Z",
        repeatType: "Never",
      },
      /Input "End": must be after the start/,
    ],
    [
      "createTechnicianShift",
      { shiftType: "Normal", title: "x", start: "2030-01-01", end: "2030-01-02", repeatType: "Never" },
      /Input "Technician IDs": needs at least one id/,
    ],
    ["updateTechnicianShift", { id: "270001", start: "noon" }, /Input "Start": "noon" is not a date/],
    ["deleteTechnicianShift", {}, /Input "Technician Shift ID": is required/],
    ["deleteTechnicianShiftsInRange", { start: "2030-01-02", end: "2030-01-01" }, /Input "End": must be after the start/],
    ["listNonJobAppointments", { timesheetCodeId: "PTO" }, /Input "Timesheet Code ID": "PTO" is not a whole number/],
    ["getNonJobAppointment", { id: "" }, /Input "Non-Job Appointment ID": is required/],
    [
      "createNonJobAppointment",
      { technicianId: "1001", start: "2030-01-01", duration: "1h", name: "x" },
      /Input "Duration": "1h" is not a duration like 01:30:00/,
    ],
    [
      "updateNonJobAppointment",
      { id: "275001", start: "2030-01-01", duration: "01:00:00", name: "x" },
      /Input "Technician ID": is required/,
    ],
    ["deleteNonJobAppointment", { id: "n" }, /Input "Non-Job Appointment ID": "n" is not a whole number/],
    ["listZones", { sort: "+Name" }, /Input "Sort": "\+Name" is not one of/],
    ["getZone", { id: "north" }, /Input "Zone ID": "north" is not a whole number/],
    ["listTeams", { includeInactive: "maybe" }, /Input "Include Inactive": "maybe" is not true or false/],
    ["getTeam", {}, /Input "Team ID": is required/],
    ["listArrivalWindows", { createdBefore: "later" }, /Input "Created Before": "later" is not a date/],
    ["getArrivalWindow", { id: "8-12" }, /Input "Arrival Window ID": "8-12" is not a whole number/],
    ["listTechnicianSkills", { technicianId: "Marcus" }, /Input "Technician ID": "Marcus" is not a whole number/],
    [
      "assignTechnicianSkills",
      { technicianId: "1001", skillIds: ["EPA"], replaceExistingSkills: "true" },
      /Input "Skill IDs": "EPA" is not a whole number/,
    ],
  ])("%s refuses a bad input before any request (%#)", async (key, params, message) => {
    await expectRefused(key, params, message);
  });

  it.each(["selectTechnicianShift", "selectNonJobAppointment", "selectZone", "selectTeam", "selectArrivalWindow", "selectTechnicianSkill"])(
    "%s offers labelled records",
    async (key) => {
      const result = await options(key);
      if (key === "selectArrivalWindow")
        expect(result.map((o) => o.label)).toEqual(["08:00–12:00 (ID: 282001)", "12:00–16:00 (ID: 282002)", "16:00–18:00 (ID: 282003)"]);
      if (key === "selectTeam") expect(result.map((o) => o.label)).not.toContain("Night Shift (disbanded) (ID: 281003)");
    },
  );
});
