import type { ResourceModule } from "../kit";
import { exportActions, type ExportFeed } from "../kit/exportFeed";

/**
 * ServiceTitan's export feeds for the resources this component covers. Each row gives an "Export …" action
 * (exportJobs, exportCustomers, …) and a choice in the "New and Updated Records" trigger.
 */
export const EXPORT_FEEDS = [
  { key: "jobs", label: "Jobs", operation: "GET /jpm/v2/tenant/{tenant}/export/jobs" },
  { key: "appointments", label: "Appointments", operation: "GET /jpm/v2/tenant/{tenant}/export/appointments" },
  {
    key: "appointmentAssignments",
    label: "Appointment Assignments",
    operation: "GET /dispatch/v2/tenant/{tenant}/export/appointment-assignments",
    // This feed alone hides inactive records by default; unassignments are changes too.
    triggerQuery: { active: "Any" },
    // It has no createdOn: an assignment is created when the technician is assigned.
    createdField: "assignedOn",
  },
  { key: "projects", label: "Projects", operation: "GET /jpm/v2/tenant/{tenant}/export/projects" },
  { key: "customers", label: "Customers", operation: "GET /crm/v2/tenant/{tenant}/export/customers" },
  { key: "customerContacts", label: "Customer Contacts", operation: "GET /crm/v2/tenant/{tenant}/export/customers/contacts" },
  { key: "locations", label: "Locations", operation: "GET /crm/v2/tenant/{tenant}/export/locations" },
  { key: "bookings", label: "Bookings", operation: "GET /crm/v2/tenant/{tenant}/export/bookings" },
  { key: "invoices", label: "Invoices", operation: "GET /accounting/v2/tenant/{tenant}/export/invoices" },
  { key: "invoiceItems", label: "Invoice Items", operation: "GET /accounting/v2/tenant/{tenant}/export/invoice-items" },
  { key: "payments", label: "Payments", operation: "GET /accounting/v2/tenant/{tenant}/export/payments" },
  {
    key: "installedEquipment",
    label: "Installed Equipment",
    operation: "GET /equipmentsystems/v2/tenant/{tenant}/export/installed-equipment",
  },
  { key: "technicians", label: "Technicians", operation: "GET /settings/v2/tenant/{tenant}/export/technicians" },
  { key: "businessUnits", label: "Business Units", operation: "GET /settings/v2/tenant/{tenant}/export/business-units" },
] as const satisfies readonly ExportFeed[];

export const exports: ResourceModule = {
  actions: exportActions(EXPORT_FEEDS),
  dataSources: {},
};
