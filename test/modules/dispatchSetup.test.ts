import { useSandbox } from "../support";
import { moduleSuite } from "./helpers";

/** Dispatch setup: zones, teams, technician skills, arrival windows, business hours, tracking links and GPS pings. */
describe("dispatch setup", () => {
  const ctx = useSandbox();
  const { call, calls, expectRefused, failure, picklist, db } = moduleSuite(ctx);

  beforeEach(() => ctx.sandbox.resetStats());

  const PING = {
    unitId: "VAN-12",
    unitName: "Van 12",
    eventTime: "2025-03-04T08:04:05-07:00",
    latitude: 33.4942,
    longitude: -111.9261,
    speed: 32.5,
    street: "4821 E Indian School Rd",
    city: "Phoenix",
    region: "AZ",
    postalCode: "85018",
    message: "",
    externalId: "ping-000123",
    isNew: false,
    statusMessage: "Moving",
  };

  describe("zones", () => {
    it("creates a zone, reads and offers it, updates its cities and deletes it", async () => {
      const { data: created, request } = await call(
        "createZone",
        {
          name: "Downtown Phoenix",
          zips: ["85003", "85004"],
          cities: ["Phoenix"],
          serviceDaysEnabled: "true",
          serviceDaysIds: ["1", "3"],
          businessUnits: ["101", "103"],
          territoryNumbers: [],
        },
        "POST",
        "/zones",
      );
      expect(request.body).toEqual({
        name: "Downtown Phoenix",
        zips: ["85003", "85004"],
        cities: ["Phoenix"],
        serviceDaysEnabled: true,
        serviceDaysIds: [1, 3],
        businessUnits: [101, 103],
      });
      expect(created).toMatchObject({ name: "Downtown Phoenix", serviceDaysIds: [1, 3], businessUnits: [101, 103], active: true });
      const { data: read } = await call("getZone", { id: String(created.id) }, "GET", `/zones/${created.id}`);
      expect(read).toMatchObject({ zips: ["85003", "85004"], serviceDays: ["Monday", "Wednesday"] });
      expect(await picklist("selectZone")).toContainEqual({ key: String(created.id), label: `Downtown Phoenix (ID: ${created.id})` });

      const { data: updated, request: patch } = await call(
        "updateZone",
        { zoneId: String(created.id), cities: ["Phoenix", "Tempe"] },
        "PATCH",
        `/zones/${created.id}`,
      );
      expect(patch.body).toEqual({ cities: ["Phoenix", "Tempe"] });
      expect(updated).toMatchObject({ name: "Downtown Phoenix", cities: ["Phoenix", "Tempe"], zips: ["85003", "85004"] });
      expect(db().get("zones", created.id)!.cities).toEqual(["Phoenix", "Tempe"]);

      const { data: deleted } = await call("deleteZone", { zoneId: String(created.id) }, "DELETE", `/zones/${created.id}`);
      expect(deleted).toEqual({});
      expect((await failure("getZone", { id: String(created.id) })).message).toMatch(new RegExp(`Zone ${created.id} was not found`));
      expect((await picklist("selectZone")).map((o) => o.key)).not.toContain(String(created.id));
      expect((await failure("deleteZone", { zoneId: String(created.id) })).message).toMatch(/was not found/);
    });

    it("a delete retried after a 503 that meets its own first attempt's 404 succeeds", async () => {
      const { data: zone } = await call("createZone", { name: "Temporary zone" }, "POST", "/zones");
      ctx.sandbox.faults.add({ method: "DELETE", path: new RegExp(`/zones/${zone.id}$`), status: 503, afterHandling: true });
      ctx.sandbox.resetStats();
      const { run } = moduleSuite(ctx);
      expect(await run("deleteZone", { zoneId: String(zone.id) })).toEqual({});
      expect(calls("DELETE", `/zones/${zone.id}`)).toHaveLength(2);
      expect(db().get("zones", zone.id)!.deleted).toBe(true);
    });
  });

  describe("teams", () => {
    it("creates a team, offers it, and deletes it (gone even from inactive teams)", async () => {
      const { data: team, request } = await call("createTeam", { name: "Commercial Crew", active: "true" }, "POST", "/teams");
      expect(request.body).toEqual({ name: "Commercial Crew", active: true });
      expect(team).toMatchObject({ name: "Commercial Crew", active: true, created: true });
      expect(await picklist("selectTeam")).toContainEqual({ key: String(team.id), label: `Commercial Crew (ID: ${team.id})` });

      await call("deleteTeam", { id: String(team.id) }, "DELETE", `/teams/${team.id}`);
      const { data: listed } = await call("listTeams", { includeInactive: "true" }, "GET", "/teams");
      expect(listed.data.map((t: { id: number }) => t.id)).not.toContain(team.id);
      expect((await failure("getTeam", { id: String(team.id) })).message).toMatch(new RegExp(`Team ${team.id} was not found`));
    });

    it("creates an inactive team, which the dropdown leaves out", async () => {
      const { data: team } = await call("createTeam", { name: "Seasonal Crew", active: "false" }, "POST", "/teams");
      expect(team.active).toBe(false);
      expect((await picklist("selectTeam")).map((o) => o.key)).not.toContain(String(team.id));
    });
  });

  describe("technician skills", () => {
    it("creates a skill for a technician, reads it and deletes it", async () => {
      const { data: skill, request } = await call(
        "createTechnicianSkill",
        { technicianId: "1001", name: "Tankless Water Heaters", active: "true" },
        "POST",
        "/technician-skills",
      );
      expect(request.body).toEqual({ technicianId: 1001, name: "Tankless Water Heaters", active: true });
      expect(skill).toMatchObject({ id: expect.stringMatching(/^\d+$/), technicianId: 1001, name: "Tankless Water Heaters" });
      const { data: read } = await call("getTechnicianSkill", { id: skill.id }, "GET", `/technician-skills/${skill.id}`);
      expect(read).toMatchObject({ id: skill.id, name: "Tankless Water Heaters", active: true });
      const { data: held } = await call("listTechnicianSkills", { technicianId: "1001" }, "GET", "/technician-skills");
      expect(held.data.map((s: { name: string }) => s.name)).toContain("Tankless Water Heaters");
      expect(await picklist("selectTechnicianSkill")).toContainEqual({ key: skill.id, label: `Tankless Water Heaters (ID: ${skill.id})` });

      // ServiceTitan also writes the association as {technicianId}_{skillId}.
      const id = `1001_${skill.id}`;
      const { data: deleted } = await call("deleteTechnicianSkill", { id }, "DELETE", `/technician-skills/${id}`);
      expect(deleted).toEqual({ id });
      expect(db().get("technician-skills", Number(skill.id))!.active).toBe(false);
      expect((await failure("getTechnicianSkill", { id: skill.id })).message).toMatch(/not found/);
    });

    it("passes on ServiceTitan's refusal of a skill the technician already has", async () => {
      const error = await failure("createTechnicianSkill", { technicianId: "1001", name: "EPA 608 Certified", active: "true" });
      expect(error.message).toMatch(/already has the skill "EPA 608 Certified"/);
    });
  });

  describe("arrival windows", () => {
    it("creates a window (minutes written out), replaces it, deactivates it", async () => {
      const { data: window, request } = await call(
        "createArrivalWindow",
        { start: "07:00", duration: "90", businessUnitIds: ["101", "102"] },
        "POST",
        "/arrival-windows",
      );
      expect(request.body).toEqual({ start: "07:00", duration: "01:30:00", businessUnitIds: [101, 102] });
      expect(window).toMatchObject({ start: "07:00", duration: "01:30:00", businessUnitIds: [101, 102], active: true });
      expect(await picklist("selectArrivalWindow")).toContainEqual({ key: String(window.id), label: `07:00–08:30 (ID: ${window.id})` });

      const { data: replaced, request: put } = await call(
        "updateArrivalWindow",
        { id: String(window.id), start: "18:00:00", duration: "02:00:00", businessUnitIds: ["104"] },
        "PUT",
        `/arrival-windows/${window.id}`,
      );
      expect(put.body).toEqual({ start: "18:00:00", duration: "02:00:00", businessUnitIds: [104] });
      expect(replaced).toMatchObject({ id: window.id, start: "18:00:00", businessUnitIds: [104] });

      const { data: status, request: activated } = await call(
        "setArrivalWindowStatus",
        { id: String(window.id), isActive: "false" },
        "PUT",
        `/arrival-windows/${window.id}/activated`,
      );
      expect(activated.body).toEqual({ isActive: false });
      expect(status).toEqual({});
      expect(db().get("arrival-windows", window.id)!.active).toBe(false);
      expect((await picklist("selectArrivalWindow")).map((o) => o.key)).not.toContain(String(window.id));
    });

    it("reads and changes the default job start of arrival windows", async () => {
      const { data: before } = await call("getArrivalWindowConfiguration", {}, "GET", "/arrival-windows/configuration");
      expect(before).toEqual({ configuration: "StartTimeOfArrivalWindow" });
      const { data: set, request } = await call(
        "updateArrivalWindowConfiguration",
        { configuration: "EndTimeOfArrivalWindow" },
        "POST",
        "/arrival-windows/configuration",
      );
      expect(request.body).toEqual({ configuration: "EndTimeOfArrivalWindow" });
      expect(set).toEqual({ configuration: "EndTimeOfArrivalWindow" });
      const { data: after } = await call("getArrivalWindowConfiguration", {}, "GET", "/arrival-windows/configuration");
      expect(after).toEqual({ configuration: "EndTimeOfArrivalWindow" });
    });
  });

  it("replaces the business hours", async () => {
    const { data, request } = await call(
      "setBusinessHours",
      {
        weekdays: '[{ "fromHour": 7, "toHour": 12 }, { "fromHour": "13", "toHour": 19 }]',
        saturday: '[{ "fromHour": 9, "toHour": 13 }]',
        sunday: "[]",
      },
      "POST",
      "/business-hours",
    );
    const hours = {
      weekdays: [
        { fromHour: 7, toHour: 12 },
        { fromHour: 13, toHour: 19 },
      ],
      saturday: [{ fromHour: 9, toHour: 13 }],
      sunday: [],
    };
    expect(request.body).toEqual(hours);
    expect(data).toEqual(hours);
    expect((await call("getBusinessHours", {}, "GET", "/business-hours")).data).toEqual(hours);
  });

  it("gets a technician's tracking link for an appointment", async () => {
    const appointment = db().all("appointments")[0];
    const { data, request } = await call(
      "getTechnicianTrackingUrl",
      { technicianId: "1001", appointmentId: String(appointment.id) },
      "GET",
      "/technician-tracking",
    );
    expect(request.query).toEqual({ technicianId: "1001", appointmentId: String(appointment.id) });
    expect(data.technicianTrackingUrl).toMatch(new RegExp(`^https://.+/${appointment.id}-1001$`));
    expect((await failure("getTechnicianTrackingUrl", { technicianId: "999999", appointmentId: String(appointment.id) })).message).toMatch(
      /technicianId/i,
    );
  });

  it("sends GPS pings for a provider; a reading sent twice is refused by ServiceTitan", async () => {
    const second = { ...PING, externalId: "ping-000124", eventTime: "2025-03-04T15:05:05Z", isNew: "true" };
    const { data, request } = await call(
      "createGpsPings",
      { gpsProvider: "samsara", items: JSON.stringify([PING, second]) },
      "POST",
      "/gps-provider/samsara/gps-pings",
    );
    expect(request.body).toEqual([
      { ...PING, eventTime: "2025-03-04T15:04:05.000Z" },
      { ...second, eventTime: "2025-03-04T15:05:05.000Z", isNew: true },
    ]);
    expect(data).toEqual([
      { externalId: "ping-000123", status: "Success", message: "" },
      { externalId: "ping-000124", status: "Success", message: "" },
    ]);
    const { data: again } = await call(
      "createGpsPings",
      { gpsProvider: "samsara", items: JSON.stringify([PING]) },
      "POST",
      "/gps-provider/samsara/gps-pings",
    );
    expect(again).toEqual([expect.objectContaining({ externalId: "ping-000123", status: "Fail" })]);
  });

  const pings = (changes: Record<string, unknown>) => JSON.stringify([{ ...PING, ...changes }]);
  const { street: _street, ...noStreet } = PING;
  it.each([
    ["createZone", { zips: ["85003"] }, /Input "Name": is required/],
    ["createZone", { name: "x", serviceDaysIds: ["Mon"] }, /Input "Service Day IDs": "Mon" is not a whole number/],
    ["createZone", { name: "x", businessUnits: ["HVAC"] }, /Input "Business Unit IDs": "HVAC" is not a whole number/],
    ["updateZone", { zoneId: "north", name: "x" }, /Input "Zone ID": "north" is not a whole number/],
    ["updateZone", { zoneId: "280001", serviceDaysEnabled: "yes" }, /Input "Service Days Enabled": "yes" is not true or false/],
    ["deleteZone", {}, /Input "Zone ID": is required/],
    ["createTeam", { name: "x" }, /Input "Active": is required/],
    ["createTeam", { active: "true" }, /Input "Name": is required/],
    ["deleteTeam", { id: "crew" }, /Input "Team ID": "crew" is not a whole number/],
    ["getTechnicianSkill", { id: "1001/5" }, /Input "Technician Skill ID": "1001\/5" is not a technician skill id/],
    [
      "createTechnicianSkill",
      { technicianId: "Marcus", name: "x", active: "true" },
      /Input "Technician ID": "Marcus" is not a whole number/,
    ],
    ["createTechnicianSkill", { technicianId: "1001", active: "true" }, /Input "Name": is required/],
    ["deleteTechnicianSkill", {}, /Input "Technician Skill ID": is required/],
    [
      "createArrivalWindow",
      { start: "25:00", duration: "01:00:00", businessUnitIds: ["101"] },
      /Input "Start": "25:00" is not a time of day/,
    ],
    ["createArrivalWindow", { start: "08:00", duration: "4h", businessUnitIds: ["101"] }, /Input "Duration": "4h" is not a duration/],
    ["createArrivalWindow", { start: "08:00", duration: "04:00" }, /Input "Business Unit IDs": needs at least one id/],
    [
      "updateArrivalWindow",
      { id: "morning", start: "08:00", duration: "04:00", businessUnitIds: ["101"] },
      /Input "Arrival Window ID": "morning" is not a whole number/,
    ],
    ["setArrivalWindowStatus", { id: "282001", isActive: "maybe" }, /Input "Active": "maybe" is not true or false/],
    ["updateArrivalWindowConfiguration", { configuration: "Middle" }, /Input "Default Job Start": "Middle" is not one of/],
    [
      "setBusinessHours",
      { weekdays: '[{"fromHour":18,"toHour":7}]', saturday: "[]", sunday: "[]" },
      /Input "Weekdays": item 1 must run from an hour/,
    ],
    [
      "setBusinessHours",
      { weekdays: '[{"from":7,"toHour":18}]', saturday: "[]", sunday: "[]" },
      /Input "Weekdays": item 1 has "from", which ServiceTitan does not know/,
    ],
    ["setBusinessHours", { weekdays: "[]", saturday: "[]" }, /Input "Sunday": is required/],
    ["getTechnicianTrackingUrl", { technicianId: "1001" }, /Input "Appointment ID": is required/],
    ["getTechnicianTrackingUrl", { technicianId: "T1", appointmentId: "1" }, /Input "Technician ID": "T1" is not a whole number/],
    ["createGpsPings", { gpsProvider: "a/b", items: pings({}) }, /Input "GPS Provider": "a\/b" is not a provider key/],
    ["createGpsPings", { items: pings({}) }, /Input "GPS Provider": is required/],
    ["createGpsPings", { gpsProvider: "samsara", items: '[{"unitId":"V"}]' }, /Input "GPS Pings": item 1 needs "unitName"/],
    ["createGpsPings", { gpsProvider: "samsara", items: JSON.stringify([noStreet]) }, /Input "GPS Pings": item 1 needs "street"/],
    ["createGpsPings", { gpsProvider: "samsara", items: pings({ latitude: 95 }) }, /item 1.latitude 95 is not between -90 and 90/],
    ["createGpsPings", { gpsProvider: "samsara", items: pings({ eventTime: "yesterday" }) }, /"yesterday" is not a date/],
    ["createGpsPings", { gpsProvider: "samsara", items: "[]" }, /Input "GPS Pings": needs at least one ping/],
  ])("%s refuses a bad input before any request (%#)", async (key, params, message) => {
    await expectRefused(key, params, message);
  });
});
