import type { IdVocabulary } from "../../kit/ids";

/** CRM ids: customers, locations, contacts, bookings, leads. */
export const crmIds: IdVocabulary = {
  customerId: { label: "Customer ID", dataSource: "selectCustomers", comments: "Pick a customer or map its id from a previous step." },
  locationId: {
    label: "Location ID",
    dataSource: "selectLocation",
    comments: "Pick a service location or map its id from a previous step.",
  },
  bookingId: { label: "Booking ID", dataSource: "selectBooking", comments: "Pick a booking or map its id from a previous step." },
  leadId: { label: "Lead ID", dataSource: "selectLead", comments: "Pick a lead or map its id from a previous step (e.g. Create Lead)." },
  // Call reasons are listed by the Job Booking (jbce) module, which no curated module owns; leads and bookings use them.
  callReasonId: {
    label: "Call Reason ID",
    dataSource: "selectCallReason",
    comments: "A call reason (Settings → Call Reasons): pick one or map its id.",
  },
  dismissingReasonId: {
    label: "Dismissing Reason ID",
    dataSource: "selectCallReason",
    comments: "Why it is dismissed: a call reason (Settings → Call Reasons), usually one that is not a lead reason.",
  },
  preferredTechnicianId: {
    label: "Preferred Technician ID",
    dataSource: "selectTechnician",
    comments: "The technician the customer prefers at this location.",
  },
  bookingProviderTagId: {
    label: "Booking Provider Tag ID",
    dataSource: "selectBookingProviderTag",
    comments: "A booking provider tag (Settings → Integrations → Booking Provider Tags): pick one or map its id.",
  },
  // The crm v2 contacts (people with contact methods, linked to customers, locations and bookings) have GUID ids. The
  // integer contactId of a customer's, location's or booking's contact is another thing: those inputs name their
  // dropdown themselves, since it needs the owner.
  contactId: {
    label: "Contact ID",
    dataSource: "selectContact",
    format: "guid",
    comments: "A contact (a GUID): pick one or map its id from List Contacts or Create Contact.",
  },
  contactMethodId: {
    label: "Contact Method ID",
    dataSource: "selectContactMethod",
    format: "guid",
    comments: "One of the contact's phone numbers or email addresses (a GUID): pick one or map its id.",
  },
};
