import { exampleOf } from "../../examples";
import type { components } from "../../generated/types/crm";
import { idInput } from "../../inputs";
import type { ResourceModule } from "../../kit";
import { derivedAction, inPath, listAction, picklist, type Values } from "../../kit";
import { bookingProvider } from "./bookings";

type Contact = components["schemas"]["Crm.V2.BookingContactResponse"];

const TENANT_BOOKING = "/crm/v2/tenant/{tenant}/bookings/{id}";
const PROVIDER_BOOKING = "/crm/v2/tenant/{tenant}/booking-provider/{booking_provider}/bookings/{id}";

const booking = () =>
  inPath(
    idInput({
      label: "Booking ID",
      required: true,
      dataSource: "selectBooking",
      comments: "The booking (from a list of bookings or Create Booking by Provider).",
    }),
    "id",
  );
const contactId = () =>
  inPath(
    idInput({
      label: "Contact ID",
      required: true,
      dataSource: "selectBookingContact",
      comments: "The contact's id (pick one of the booking's contacts, or map it from List Booking Contacts or Create Booking Contact).",
    }),
  );
const contactSubject = (v: Values) => `Contact ${v.contactId} of booking ${v.id}`;
const tweaks = {
  type: { label: "Contact Type", comments: "What the value is: a phone number, an email address, a fax number or a mobile phone." },
  value: { label: "Value", comments: "The phone number, email address or fax number itself.", example: "(555) 123-4567" },
  memo: { label: "Memo", comments: 'A note about this contact, e.g. "Call after 5pm".' },
};

/** The phone numbers and email addresses of a booking, and dismissing a booking (provider routes need the provider's id). */
export const bookingContacts: ResourceModule = {
  actions: {
    listBookingContacts: listAction({
      label: "List Booking Contacts",
      description: "Retrieve the contacts (phone numbers, email addresses) of a booking, by booking id alone",
      operation: `GET ${TENANT_BOOKING}/contacts`,
      path: { id: booking() },
      subject: (v) => `Booking ${v.id}`,
      examplePayload: exampleOf(`GET ${TENANT_BOOKING}/contacts`),
    }),
    listBookingContactsByProvider: listAction({
      label: "List Booking Contacts by Provider",
      description: "Retrieve the contacts of a booking through the booking provider's route (only that provider's bookings)",
      operation: `GET ${PROVIDER_BOOKING}/contacts`,
      path: { bookingProvider: bookingProvider(), id: booking() },
      subject: (v) => `Booking ${v.id} of booking provider ${v.bookingProvider}`,
      examplePayload: exampleOf(`GET ${PROVIDER_BOOKING}/contacts`),
    }),
    createBookingContact: derivedAction({
      label: "Create Booking Contact",
      description: "Add a contact (phone number, email address) to a booking of your booking provider",
      operation: `POST ${PROVIDER_BOOKING}/contacts`,
      inputs: { bookingProvider: bookingProvider(), id: booking(), ...tweaks },
      subject: (v: Values) => `Booking ${v.id} of booking provider ${v.bookingProvider}`,
    }),
    updateBookingContact: derivedAction({
      label: "Update Booking Contact",
      description: "Update a contact of a booking of your booking provider",
      operation: `PATCH ${PROVIDER_BOOKING}/contacts/{contactId}`,
      inputs: { bookingProvider: bookingProvider(), id: booking(), contactId: contactId(), ...tweaks },
      subject: contactSubject,
    }),
    deleteBookingContact: derivedAction({
      label: "Delete Booking Contact",
      description: "Remove a contact from a booking of your booking provider",
      operation: `DELETE ${PROVIDER_BOOKING}/contacts/{contactId}`,
      inputs: { bookingProvider: bookingProvider(), id: booking(), contactId: contactId() },
      subject: contactSubject,
      examplePayload: { data: {} },
    }),
    dismissBooking: derivedAction({
      label: "Dismiss Booking",
      description: "Dismiss a booking of your booking provider (it will not become a job), with a call reason and a memo",
      operation: `POST ${PROVIDER_BOOKING}/dismiss`,
      inputs: {
        bookingProvider: bookingProvider(),
        id: booking(),
        callReasonId: { label: "Call Reason ID", comments: "Why the booking is dismissed (Settings → Call Reasons)." },
        dismissingMemo: { label: "Dismissing Memo", comments: "A note explaining the dismissal." },
      },
      subject: (v: Values) => `Booking ${v.id} of booking provider ${v.bookingProvider}`,
      examplePayload: { data: {} },
    }),
  },
  dataSources: {
    selectBookingContact: picklist<Contact>({
      label: "Select Booking Contact",
      description: "Select one of a booking's contacts (phone numbers, email addresses) from a dropdown menu",
      operation: `GET ${TENANT_BOOKING}/contacts`,
      params: { id: booking() },
      option: (contact) => ({
        key: String(contact.id),
        label: `${contact.type}: ${contact.value}${contact.memo ? ` (${contact.memo})` : ""}`,
      }),
      order: "label",
      example: [{ key: "6", label: "MobilePhone: (555) 123-4567" }],
    }),
  },
};
