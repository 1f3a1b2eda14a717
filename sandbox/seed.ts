/**
 * The "demo" data set: a small HVAC/plumbing contractor around Phoenix. Deterministic (fixed clock and a
 * seeded PRNG) so tests can rely on the ids and counts documented in README.md.
 */
import type { SandboxRecord, Store } from "./store";
import { COMPANIES, mulberry32, personName, pick, SKUS } from "./random";
import { refreshJobAppointments } from "./handlers/jpm";
import { createJobInvoice, recomputeInvoice } from "./handlers/accounting";
import { PROJECT_STATUSES } from "./handlers/jpm";

/** The booking provider the demo's bookings belong to (a second one, 8, has two bookings). */
export const DEMO_BOOKING_PROVIDER_ID = 7;
export const OTHER_BOOKING_PROVIDER_ID = 8;
/** Every demo record was created/modified between these instants. */
export const DEMO_START = "2025-01-06T14:00:00.000Z";

const TECHNICIANS = [
  "Marcus Alvarez",
  "Jenna Kowalski",
  "Derek Thompson",
  "Priya Raman",
  "Tyler Brooks",
  "Samantha Ortiz",
  "Kevin O'Neill",
  "Lauren Mitchell",
  "Andre Washington",
  "Megan Chen",
  "Ricardo Flores",
  "Brandon Hayes",
];

export function seedDemo(store: Store): void {
  const random = mulberry32(20250106);
  // The clock only moves forward (7 minutes per write, or jumps to `when`), so change order = modifiedOn order.
  let clock = Date.parse(DEMO_START);
  const advance = (when?: string) => {
    clock = Math.max(clock + 7 * 60_000, when ? Date.parse(when) : 0);
    store.setClock(new Date(clock));
  };
  const day = (offset: number, hour = 15) => new Date(Date.parse(DEMO_START) + offset * 86_400_000 + (hour - 14) * 3_600_000).toISOString();
  const create = (name: Parameters<Store["create"]>[0], fields: Record<string, unknown> = {}, when?: string) => (
    advance(when),
    store.create(name, fields)
  );

  // ---- settings ----
  const units = [
    create("business-units", { name: "HVAC Service", accountCode: "4000" }),
    create("business-units", { name: "HVAC Install", accountCode: "4100" }),
    create("business-units", { name: "Plumbing Service", accountCode: "4200" }),
    create("business-units", { name: "Electrical Service", accountCode: "4300" }),
    create("business-units", { name: "Legacy Commercial", active: false }),
  ];
  const [hvac, install, plumbing, electrical] = units;
  const jobTypes = [
    create("job-types", { name: "Service Call", businessUnitIds: [hvac.id, plumbing.id], duration: 3600, class: "Service" }),
    create("job-types", { name: "AC Tune-Up", businessUnitIds: [hvac.id], duration: 5400, class: "Maintenance" }),
    create("job-types", { name: "AC Install", businessUnitIds: [install.id], duration: 28800, priority: "High", class: "Install" }),
    create("job-types", { name: "Water Heater Repair", businessUnitIds: [plumbing.id], duration: 7200, class: "Service" }),
    create("job-types", { name: "Drain Cleaning", businessUnitIds: [plumbing.id], duration: 3600, class: "Service" }),
    create("job-types", { name: "Panel Upgrade", businessUnitIds: [electrical.id], duration: 14400, class: "Install" }),
    create("job-types", { name: "Legacy Inspection", active: false }),
  ];
  const cancelReasons = [
    create("job-cancel-reasons", { name: "Customer canceled" }),
    create("job-cancel-reasons", { name: "Scheduled by mistake" }),
    create("job-cancel-reasons", { name: "Duplicate job" }),
    create("job-cancel-reasons", { name: "Weather" }),
    create("job-cancel-reasons", { name: "Price too high (retired)", active: false }),
  ];
  const [, , technicianRole, leadRole] = [
    create("user-roles", { name: "Admin", employeeType: "Employee" }),
    create("user-roles", { name: "Dispatcher", employeeType: "Employee" }),
    create("user-roles", { name: "Technician", employeeType: "Technician" }),
    create("user-roles", { name: "Lead Technician", employeeType: "Technician" }),
    create("user-roles", { name: "Sales", employeeType: "Employee" }),
  ];
  const tags = [
    create("tag-types", { name: "VIP", color: "#F9A825", importance: "High" }),
    create("tag-types", { name: "Warranty", color: "#43A047" }),
    create("tag-types", { name: "Commercial", color: "#1E88E5" }),
    create("tag-types", { name: "Pets on site", color: "#8E24AA", code: "PET" }),
    create("tag-types", { name: "Gate code", color: "#6D4C41", code: "GATE" }),
    create("tag-types", { name: "Old promo", active: false }),
  ];
  const paymentTypes = ["Cash", "Check", "Credit Card", "ACH", "Financing"].map((name) => create("payment-types", { name }));
  create("payment-types", { name: "Gift Card", active: false });

  const technicians = TECHNICIANS.map((name, i) =>
    create("technicians", {
      name,
      businessUnitId: units[i % 4].id,
      roleIds: [i % 4 === 0 ? leadRole.id : technicianRole.id],
      team: pick(["Red", "Blue", "Green"], i),
      active: i !== TECHNICIANS.length - 1, // the last one left the company
    }),
  );
  const activeTechs = technicians.filter((t) => t.active);

  // ---- customers, locations, contacts ----
  const customers: SandboxRecord[] = [];
  const locations: SandboxRecord[] = [];
  for (let i = 0; i < 25; i++) {
    const commercial = i % 6 === 5;
    const customer = create("customers", {
      name: commercial ? COMPANIES[Math.floor(i / 6)] : personName(i * 31 + 7),
      type: commercial ? "Commercial" : "Residential",
      tagTypeIds: commercial ? [tags[2].id] : i % 7 === 0 ? [tags[0].id] : [],
      doNotMail: i % 9 === 4,
      active: i < 23, // the last two customers are inactive
    });
    customers.push(customer);
    const email = `${String(customer.name)
      .toLowerCase()
      .replace(/[^a-z]+/g, ".")
      .replace(/^\.|\.$/g, "")}@example.com`;
    create("customer-contacts", { customerId: customer.id, type: "MobilePhone", memo: "Primary" });
    create("customer-contacts", { customerId: customer.id, type: "Email", value: email });
    const count = i === 2 || i === 9 || i === 16 ? 2 : 1; // three customers own a second property
    for (let n = 0; n < count; n++) {
      const location = create("locations", {
        customerId: customer.id,
        name: n === 0 ? customer.name : `${customer.name} - Rental`,
        ...(n === 0 ? {} : { address: { ...customer.address, street: `${1200 + i * 11} Saguaro Way`, unit: "B" } }),
        active: customer.active,
      });
      locations.push(location);
      create("location-contacts", { locationId: location.id, type: "Phone", memo: n === 0 ? "Home" : "Tenant" });
    }
  }

  // ---- projects (jobs join them below) ----
  const projects = [0, 1, 2, 3].map((p) =>
    create("projects", {
      locationId: locations[p * 5].id,
      name: pick(["Whole-home HVAC replacement", "Repipe and water heater", "Solar-ready panel upgrade", "Office rooftop units"], p),
      statusId: [2, 2, 4, 1][p],
      status: PROJECT_STATUSES[[2, 2, 4, 1][p]],
      projectManagerIds: [technicians[p * 3].id],
      startDate: day(p * 10),
      targetCompletionDate: day(p * 10 + 45),
      actualCompletionDate: p === 2 ? day(38) : null,
    }),
  );

  // ---- jobs, appointments, assignments, invoices, payments: job i is booked on day 2+2i, visited the next day(s) ----
  for (let i = 0; i < 40; i++) {
    const location = locations[(i * 7) % 23]; // only active customers' places get work
    const jobType = jobTypes[i % 6];
    const unit = store.collection("business-units").get(jobType.businessUnitIds[0])!;
    const project = i % 10 < 3 ? projects[Math.floor(i / 10)] : undefined;
    const status = i < 24 ? "Completed" : i === 30 || i === 35 ? "Canceled" : i === 33 ? "Hold" : "Scheduled";
    const job = create(
      "jobs",
      {
        customerId: location.customerId,
        locationId: location.id,
        businessUnitId: unit.id,
        jobTypeId: jobType.id,
        campaignId: 1 + (i % 4),
        priority: jobType.priority === "High" ? "High" : pick(["Normal", "Normal", "Normal", "Low", "Urgent"], i),
        summary: `${pick(["AC not cooling", "Annual maintenance", "Water heater leaking", "Slow drain in kitchen", "Breaker keeps tripping", "Thermostat blank"], i)}.`,
        projectId: project?.id ?? null,
        tagTypeIds: i % 8 === 0 ? [tags[3].id] : [],
        soldById: i < 24 && i % 3 === 0 ? activeTechs[i % activeTechs.length].id : null,
      },
      day(2 + i * 2, 9),
    );
    if (project)
      store
        .collection("projects")
        .update(project, { jobIds: [...project.jobIds, job.id], businessUnitIds: [...new Set([...project.businessUnitIds, unit.id])] });
    const visits = i % 5 === 0 ? 2 : 1;
    const lastVisit = 3 + i * 2 + visits - 1;
    for (let v = 0; v < visits; v++) {
      const start = day(3 + i * 2 + v, 15 + (i % 3) * 2);
      const appointment = create("appointments", {
        jobId: job.id,
        start,
        end: new Date(Date.parse(start) + jobType.duration * 1000).toISOString(),
        arrivalWindowStart: start,
        arrivalWindowEnd: new Date(Date.parse(start) + 2 * 3_600_000).toISOString(),
        status: status === "Completed" ? "Done" : status === "Canceled" ? "Canceled" : status === "Hold" ? "Hold" : "Scheduled",
        isConfirmed: status !== "Scheduled" || i % 2 === 0,
        specialInstructions: i % 8 === 0 ? "Dog in the back yard." : null,
      });
      store.collection("jobs").update(job, { appointmentCount: job.appointmentCount + 1 }); // numbering of the next appointment
      const crew = (i * 2 + v) % 4 === 0 ? 2 : 1;
      for (let c = 0; c < crew; c++) {
        create("appointment-assignments", {
          appointmentId: appointment.id,
          technicianId: activeTechs[(i + v + c * 5) % activeTechs.length].id,
          assignedOn: appointment.createdOn,
        });
      }
    }
    refreshJobAppointments(store, job.id);
    advance();
    const invoice = createJobInvoice(store, job);
    if (status === "Completed") {
      const lines = 1 + Math.floor(random() * 3);
      for (let n = 0; n < lines; n++) {
        const [skuName, price] = SKUS[(i + n * 3) % SKUS.length];
        const item = { invoiceId: invoice.id, order: n + 1, skuId: 701 + ((i + n * 3) % SKUS.length), skuName, description: skuName };
        create(
          "invoice-items",
          { ...item, unitPrice: price, quantity: n === 1 ? 2 : 1, technicianId: activeTechs[i % activeTechs.length].id },
          day(lastVisit, 18),
        );
      }
      advance();
      store.collection("invoices").update(invoice, {
        invoiceDate: day(lastVisit, 19),
        dueDate: day(lastVisit + 30, 19),
        sentStatus: "Sent",
        reviewStatus: "Reviewed",
        syncStatus: "Posted",
      });
      recomputeInvoice(store, invoice);
      advance();
      store.collection("jobs").update(job, { jobStatus: "Completed", completedOn: day(lastVisit, 18) });
      // Most completed invoices are paid in full the next morning, some half, some not at all.
      if (i % 6 !== 5) {
        const amount = i % 6 === 4 ? Math.round(Number(invoice.total) * 50) / 100 : Number(invoice.total);
        const paidOn = day(lastVisit + 1, 9);
        const check = i % 4 === 1;
        create(
          "payments",
          {
            paymentTypeId: paymentTypes[i % 4].id,
            splits: [{ invoiceId: invoice.id, amount }],
            paidOn,
            memo: check ? `Check #${1040 + i}` : null,
            checkNumber: check ? String(1040 + i) : null,
            authCode: i % 4 === 2 ? `AUTH${7300 + i}` : null,
          },
          paidOn,
        );
        recomputeInvoice(store, invoice);
      }
    } else if (status === "Canceled") {
      advance(day(2 + i * 2, 12));
      store
        .collection("jobs")
        .update(job, { jobStatus: "Canceled", cancelReasonId: cancelReasons[i % 4].id, cancelMemo: "Customer called to cancel." });
    } else if (status === "Hold") {
      store.collection("jobs").update(job, { jobStatus: "Hold" });
    }
  }

  // ---- bookings from the online scheduler (provider 7) and a partner (provider 8) ----
  for (let i = 0; i < 10; i++) {
    const provider = i < 8 ? DEMO_BOOKING_PROVIDER_ID : OTHER_BOOKING_PROVIDER_ID;
    create("bookings", {
      bookingProviderId: provider,
      source: provider === DEMO_BOOKING_PROVIDER_ID ? "Online Scheduler" : "Partner Referral",
      name: personName(i * 37 + 400),
      start: day(90 + i, 16),
      summary: pick(["AC blowing warm air", "Need a furnace check", "Water heater making noise", "Quote for new AC"], i),
      businessUnitId: i % 3 === 2 ? plumbing.id : hvac.id,
      jobTypeId: i % 3 === 2 ? jobTypes[3].id : jobTypes[0].id,
      priority: i % 4 === 0 ? "High" : "Normal",
      externalId: `${provider === DEMO_BOOKING_PROVIDER_ID ? "web" : "partner"}-${1000 + i}`,
      status: i < 2 ? "Converted" : i === 2 ? "Dismissed" : "New",
      contacts: [{ type: "MobilePhone", value: `602555${String(1000 + i)}` }],
    });
  }

  // ---- installed equipment at active locations ----
  for (let i = 0; i < 15; i++) {
    const location = locations[(i * 3) % 23];
    create("installed-equipment", {
      locationId: location.id,
      customerId: location.customerId,
      installedOn: day(-400 + i * 30),
      cost: 450 + i * 275,
      manufacturerWarrantyStart: day(-400 + i * 30),
      manufacturerWarrantyEnd: day(-400 + i * 30 + 3650),
      memo: i % 4 === 0 ? "Filter size 20x25x1" : "",
    });
  }

  store.setClock(null);
}
