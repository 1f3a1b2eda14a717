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
};
