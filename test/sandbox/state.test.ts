import FormData from "form-data";
import { path, useSandbox } from "./helpers";

describe("sandbox stateful handlers", () => {
  const suite = useSandbox();
  afterEach(() => expect(suite.sandbox.violations).toEqual([]));

  const at = (module: string, resource: string) => path(suite.sandbox, module, resource);

  it("creates a job with its appointments, assignments and invoice", async () => {
    const res = await suite.api.post(at("jpm", "jobs"), {
      customerId: 2002,
      locationId: 3002,
      businessUnitId: 101,
      jobTypeId: 202,
      priority: "High",
      campaignId: 3,
      summary: "Tune-up before summer",
      appointments: [
        { start: "2026-12-01T15:00:00Z", end: "2026-12-01T17:00:00Z", technicianIds: [1001, 1002] },
        { start: "2026-12-03T15:00:00Z", end: "2026-12-03T16:00:00Z" },
      ],
    });
    expect(res.status).toBe(200);
    const job = res.data;
    expect(job).toMatchObject({ id: 10041, jobNumber: "10041", jobStatus: "Scheduled", customerId: 2002, appointmentCount: 2, total: 0 });
    const appointments = suite.sandbox.db.all("appointments", { jobId: job.id });
    expect(appointments.map((a) => a.id)).toEqual([job.firstAppointmentId, job.lastAppointmentId]);
    expect(suite.sandbox.db.all("appointment-assignments", { appointmentId: job.firstAppointmentId }).map((a) => a.technicianId)).toEqual([
      1001, 1002,
    ]);
    expect(suite.sandbox.db.get("invoices", job.invoiceId)).toMatchObject({ total: "0.00", balance: "0.00", job: { id: job.id } });
  });

  it("validates references like ServiceTitan: unknown ids answer 400 with the field", async () => {
    const res = await suite.api.post(at("jpm", "jobs"), {
      customerId: 2002,
      locationId: 3001,
      businessUnitId: 101,
      jobTypeId: 202,
      priority: "Normal",
      campaignId: 1,
      appointments: [{ start: "2026-12-01T15:00:00Z", end: "2026-12-01T17:00:00Z" }],
    });
    expect(res.status).toBe(400);
    expect(res.data.errors).toEqual({ locationId: ["Location 3001 does not belong to customer 2002"] });
    const unknownTech = await suite.api.post(at("dispatch", "appointment-assignments/assign-technicians"), {
      jobAppointmentId: 20001,
      technicianIds: [999],
    });
    expect(unknownTech.data.errors).toEqual({ "technicianIds[0]": ["Technician with id 999 not found"] });
    expect((await suite.api.patch(at("jpm", "jobs/12345"), { summary: "x" })).data.title).toBe("Job with id 12345 not found");
  });

  it("cancels a job (PUT …/cancel {reasonId, memo}) and reports the reason", async () => {
    const jobId = 10026;
    const res = await suite.api.put(at("jpm", `jobs/${jobId}/cancel`), { reasonId: 302, memo: "Booked twice" });
    expect(res.status).toBe(200);
    expect(res.data).toBe("");
    expect((await suite.api.get(at("jpm", `jobs/${jobId}`))).data.jobStatus).toBe("Canceled");
    for (const a of suite.sandbox.db.all("appointments", { jobId })) expect(a.status).toBe("Canceled");
    const reasons = await suite.api.get(at("jpm", "jobs/cancel-reasons"), { params: { ids: `${jobId},10001` } });
    expect(reasons.data.data).toEqual([{ jobId, reasonId: 302, name: "Scheduled by mistake", text: "Booked twice" }]);
    expect((await suite.api.put(at("jpm", `jobs/${jobId}/cancel`), { reasonId: 999, memo: "x" })).status).toBe(400);
    expect((await suite.api.put(at("jpm", "jobs/10001/cancel"), { reasonId: 301, memo: "x" })).status).toBe(409); // completed
  });

  it("assigns and unassigns technicians", async () => {
    const appointmentId = 20005;
    const list = async () =>
      (await suite.api.get(at("dispatch", "appointment-assignments"), { params: { appointmentIds: String(appointmentId) } })).data.data.map(
        (a: { technicianId: number }) => a.technicianId,
      );
    const before: number[] = await list();

    const assigned = await suite.api.post(at("dispatch", "appointment-assignments/assign-technicians"), {
      jobAppointmentId: appointmentId,
      technicianIds: [1007, 1008],
    });
    expect(assigned.status).toBe(200);
    expect(assigned.data).toMatchObject({ id: appointmentId, jobId: expect.any(Number) });
    expect((await list()).sort()).toEqual([...before, 1007, 1008].sort());
    expect(
      (await suite.api.get(at("jpm", "appointments"), { params: { technicianId: 1007 } })).data.data.map((a: { id: number }) => a.id),
    ).toContain(appointmentId);

    await suite.api.post(at("dispatch", "appointment-assignments/unassign-technicians"), {
      jobAppointmentId: appointmentId,
      technicianIds: [1007],
    });
    expect((await list()).sort()).toEqual([...before, 1008].sort());
    const inactive = await suite.api.get(at("dispatch", "appointment-assignments"), {
      params: { appointmentIds: String(appointmentId), active: "False" },
    });
    expect(inactive.data.data.map((a: { technicianId: number }) => a.technicianId)).toContain(1007);
  });

  it("adds, reschedules, confirms and deletes appointments; a job keeps at least one", async () => {
    const added = await suite.api.post(at("jpm", "appointments"), {
      jobId: 10028,
      start: "2026-12-05T15:00:00Z",
      end: "2026-12-05T16:00:00Z",
      technicianIds: [1003],
    });
    expect(added.status).toBe(200);
    expect(suite.sandbox.db.get("jobs", 10028)!.appointmentCount).toBe(2);
    const moved = await suite.api.patch(at("jpm", `appointments/${added.data.id}/reschedule`), {
      start: "2026-12-06T15:00:00Z",
      end: "2026-12-06T16:00:00Z",
    });
    expect(moved.data.start).toBe("2026-12-06T15:00:00Z");
    await suite.api.put(at("jpm", `appointments/${added.data.id}/confirmation`));
    expect(suite.sandbox.db.get("appointments", added.data.id)!.isConfirmed).toBe(true);
    expect((await suite.api.delete(at("jpm", `appointments/${added.data.id}`))).status).toBe(200);
    expect((await suite.api.get(at("jpm", `appointments/${added.data.id}`))).status).toBe(404);
    const only = suite.sandbox.db.get("jobs", 10028)!.firstAppointmentId;
    expect((await suite.api.delete(at("jpm", `appointments/${only}`))).status).toBe(409);
  });

  it("creates a customer with its locations and contacts; contacts update and delete", async () => {
    const address = { street: "77 Elm St", city: "Tempe", state: "AZ", zip: "85281", country: "USA" };
    const res = await suite.api.post(at("crm", "customers"), {
      name: "Harper Residence",
      type: "Residential",
      address,
      contacts: [{ type: "Email", value: "harper@example.com" }],
      locations: [{ name: "Harper Home", address, contacts: [{ type: "MobilePhone", value: "4805550199" }] }],
    });
    expect(res.status).toBe(200);
    const customer = res.data;
    expect(customer.locations).toHaveLength(1);
    expect(customer.locations[0]).toMatchObject({
      customerId: customer.id,
      name: "Harper Home",
      contacts: [{ type: "MobilePhone", value: "4805550199" }],
    });
    expect(customer.contacts).toEqual([{ id: expect.any(Number), type: "Email", value: "harper@example.com" }]);

    const contacts = at("crm", `customers/${customer.id}/contacts`);
    const phone = await suite.api.post(contacts, { type: "Phone", value: "4805550100", memo: "Landline" });
    expect(phone.data.phoneSettings).toEqual({ phoneNumber: "4805550100", doNotText: false });
    expect((await suite.api.patch(`${contacts}/${phone.data.id}`, { memo: "Kitchen" })).data.memo).toBe("Kitchen");
    expect((await suite.api.delete(`${contacts}/${customer.contacts[0].id}`)).status).toBe(200);
    expect((await suite.api.get(contacts)).data.data.map((c: { id: number }) => c.id)).toEqual([phone.data.id]);
  });

  it("db.update moves modifiedOn and the record to the end of the export feed", async () => {
    const before = suite.sandbox.db.get("customers", 2010)!;
    const updated = suite.sandbox.db.update("customers", 2010, { active: false });
    expect(updated.modifiedOn > before.modifiedOn).toBe(true);
    expect((await suite.api.get(at("crm", "customers/2010"))).data.active).toBe(false);
    const feed = await suite.api.get(at("crm", "export/customers"), { params: { from: before.modifiedOn } });
    expect(feed.data.data.map((c: { id: number }) => c.id).pop()).toBe(2010);
  });

  it("creates adjustment invoices, edits items, and payments move balances", async () => {
    const invoiceId = suite.sandbox.db.get("jobs", 10024)!.invoiceId; // completed, unpaid
    const original = suite.sandbox.db.get("invoices", invoiceId)!;
    expect(original.balance).toBe(original.total);

    const missing = await suite.api.post(at("accounting", "invoices"), { adjustmentToId: 1 });
    expect(missing.data.errors).toEqual({ adjustmentToId: ["Invoice with id 1 not found"] });
    const adjustment = await suite.api.post(at("accounting", "invoices"), {
      adjustmentToId: invoiceId,
      items: [{ description: "Goodwill credit", quantity: 1, unitPrice: -25 }],
    });
    expect(adjustment.status).toBe(200);
    expect(typeof adjustment.data).toBe("number");
    expect(suite.sandbox.db.get("invoices", adjustment.data)).toMatchObject({
      adjustmentToId: invoiceId,
      subTotal: "-25.00",
      customer: original.customer,
    });

    await suite.api.patch(at("accounting", `invoices/${invoiceId}/items`), { description: "Filter", quantity: 2, unitPrice: 10 });
    const listed = (await suite.api.get(at("accounting", "invoices"), { params: { ids: String(invoiceId) } })).data.data[0];
    const filter = listed.items.find((i: { description: string }) => i.description === "Filter");
    expect(filter).toMatchObject({ quantity: "2.00", price: "10.00", total: "20.00" });
    expect(Number(listed.subTotal)).toBeCloseTo(Number(original.subTotal) + 20, 2);
    expect((await suite.api.delete(at("accounting", `invoices/${invoiceId}/items/${filter.id}`))).status).toBe(200);

    const total = Number(suite.sandbox.db.get("invoices", invoiceId)!.total);
    const payment = await suite.api.post(at("accounting", "payments"), { typeId: 603, splits: [{ invoiceId, amount: total }] });
    expect(payment.data).toMatchObject({ typeId: 603, splits: [{ invoiceId, amount: total }] });
    expect(suite.sandbox.db.get("invoices", invoiceId)!.balance).toBe("0.00");
    await suite.api.patch(at("accounting", `payments/${payment.data.id}`), { typeId: 603, splits: [{ invoiceId, amount: 10 }] });
    expect(Number(suite.sandbox.db.get("invoices", invoiceId)!.balance)).toBeCloseTo(total - 10, 2);
    const listedPayment = (await suite.api.get(at("accounting", "payments"), { params: { ids: String(payment.data.id) } })).data.data[0];
    expect(listedPayment).toMatchObject({
      typeId: "603",
      type: "Credit Card",
      total: "10.00",
      appliedTo: [{ appliedTo: invoiceId, appliedAmount: "10.00" }],
    });
  });

  it("uploads an installed-equipment attachment (multipart), attaches it by path and redirects downloads", async () => {
    const form = new FormData();
    form.append("file", Buffer.from("%PDF-1.4 warranty"), { filename: "warranty.pdf", contentType: "application/pdf" });
    const upload = await suite.api.post(at("equipmentsystems", "installed-equipment/attachments"), form, { headers: form.getHeaders() });
    expect(upload.status).toBe(200);
    expect(upload.data.path).toMatch(/^InstalledEquipment\/Documents\/[0-9a-f-]{36}\.pdf$/);
    expect(suite.sandbox.requests[suite.sandbox.requests.length - 1].body).toEqual({
      file: { fileName: "warranty.pdf", contentType: "application/pdf", size: 17 },
    });

    const attached = await suite.api.patch(at("equipmentsystems", "installed-equipment/90001"), {
      attachments: [{ type: "Document", fileName: "warranty.pdf", url: upload.data.path }],
    });
    expect(attached.data.attachments).toEqual([{ type: "Document", fileName: "warranty.pdf", url: upload.data.path }]);

    const download = await suite.api.get(at("equipmentsystems", "installed-equipment/attachments"), { params: { path: upload.data.path } });
    expect(download.status).toBe(302);
    const file = await suite.api.get(download.headers.location, {
      headers: { Authorization: "", "ST-App-Key": "" },
      responseType: "arraybuffer",
    });
    expect(file.status).toBe(200);
    expect(Buffer.from(file.data).toString()).toBe("%PDF-1.4 warranty");
    expect(suite.sandbox.db.file(upload.data.path)!.fileName).toBe("warranty.pdf");
  });
});
