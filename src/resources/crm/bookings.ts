import { input, type InputFieldDefinition } from "@prismatic-io/spectral";
import { exampleOf } from "../../examples";
import type { components } from "../../generated/types/crm";
import { booleanInput, dateTimeInput, enumInput, idInput, specEnum, stringInput } from "../../inputs";
import type { ResourceModule } from "../../kit";
import { inBody, inPath, listAction, namedPicklist, operationAction, placeParams, type Params, type Values } from "../../kit";
import { ADDRESS_FIELDS, addressParams, addressPatchAction, requireCompleteAddress } from "../../kit/address";
import { contactsInput, customerTypeInput } from "./customers";
import { businessUnitIdInput } from "../settings/settings";

type Schemas = components["schemas"];
type Booking = Schemas["Crm.V2.BookingResponse"];

/** ServiceTitan has no endpoint listing booking providers, so this is a plain id. */
export const bookingProvider = () =>
  inPath(
    idInput({
      label: "Booking Provider ID",
      required: true,
      example: "4567",
      comments:
        "The id of the booking provider (the lead source your app books for). ServiceTitan shows it where the tenant connected the provider " +
        "(Settings → Integrations → Booking Provider Tags / API Application Access); the API cannot list providers.",
    }),
    "booking_provider",
  );
const bookingId = (dataSource?: string) =>
  inPath(
    idInput({
      label: "Booking ID",
      required: true,
      dataSource,
      comments: "The booking's id (from a list of bookings or Create Booking by Provider); the dropdown lists every provider's bookings.",
    }),
  );
const bookingSubject = (v: Values) => `Booking ${v.id}`;
const providerBookingSubject = (v: Values) => `Booking ${v.id} of booking provider ${v.bookingProvider}`;

const urlListInput = input({
  label: "Uploaded Images",
  type: "string",
  collection: "valuelist",
  required: false,
  comments: "Public URLs of photos the customer sent (one per entry).",
  clean: (value: unknown) => {
    const list = (Array.isArray(value) ? value : value ? [value] : []).map((v) => String(v).trim()).filter(Boolean);
    return list.length ? list : undefined;
  },
}) as InputFieldDefinition;

/** The booking's fields; `creating` makes source, name, summary, isFirstTimeClient and externalId required as the spec says. */
const bookingFields = (creating: boolean): Params => ({
  source: inBody(
    stringInput({
      label: "Source",
      required: creating,
      example: "Website",
      comments: "Where the booking came from, e.g. your site or app's name.",
    }),
  ),
  name: inBody(stringInput({ label: "Name", required: creating, example: "Jane Doe", comments: "The customer's name." })),
  ...addressParams({
    at: "address",
    note: creating
      ? "The service address (optional; when entered, street, city, state, zip code and country are needed)."
      : "Empty: keeps the current value.",
  }),
  customerType: inBody(customerTypeInput("Whether the customer is a household or a business.")),
  start: inBody(
    dateTimeInput({
      label: "Start",
      comments: "When the customer wants the work to start (ISO 8601, e.g. 2025-03-01T14:00:00Z); sent as UTC.",
    }),
  ),
  summary: inBody(
    stringInput({ label: "Summary", required: creating, multiline: true, example: "AC not cooling", comments: "What the customer needs." }),
  ),
  campaignId: inBody(
    idInput({
      label: "Campaign ID",
      dataSource: "selectCampaign",
      comments: "The marketing campaign that brought the booking (Marketing → Campaigns in ServiceTitan).",
    }),
  ),
  businessUnitId: inBody(businessUnitIdInput()),
  jobTypeId: inBody(
    idInput({ label: "Job Type ID", dataSource: "selectJobType", comments: "The kind of job to book (Settings → Job Types)." }),
  ),
  priority: inBody(
    enumInput({
      label: "Priority",
      values: specEnum<Schemas["Crm.V2.Priority"]>()("Low", "Normal", "High", "Urgent"),
      comments: "How urgent the requested work is.",
    }),
  ),
  isFirstTimeClient: inBody(
    booleanInput({ label: "Is First Time Client", required: creating, comments: "True when the customer is new to the company." }),
  ),
  uploadedImages: inBody(urlListInput),
  externalId: inBody(
    stringInput({
      label: "External ID",
      required: creating,
      example: "WEB-1001",
      comments: "Your system's id for this booking (ServiceTitan stores it for matching).",
    }),
  ),
});

const createParams: Params = {
  bookingProvider: bookingProvider(),
  ...bookingFields(true),
  contacts: inBody(contactsInput("customer")),
  isSendConfirmationEmail: inBody(
    booleanInput({ label: "Send Confirmation Email", comments: "True: ServiceTitan emails the customer a confirmation." }),
  ),
};
const updateParams: Params = { bookingProvider: bookingProvider(), id: bookingId("selectBooking"), ...bookingFields(false) };

export const bookings: ResourceModule = {
  actions: {
    listBookingByTenant: listAction({
      label: "List Bookings by Tenant",
      description: "Retrieves a list of bookings",
      operation: "GET /crm/v2/tenant/{tenant}/bookings",
      dataSource: "selectBooking",
      examplePayload: exampleOf("GET /crm/v2/tenant/{tenant}/bookings"),
    }),
    getBookingByTenant: operationAction({
      label: "Get Booking by Tenant",
      description: "Retrieve a booking by ID",
      operation: "GET /crm/v2/tenant/{tenant}/bookings/{id}",
      params: { id: bookingId("selectBooking") },
      subject: bookingSubject,
      examplePayload: exampleOf("GET /crm/v2/tenant/{tenant}/bookings/{id}"),
    }),
    listBookingByProvider: listAction({
      label: "List Bookings by Provider",
      description: "Retrieves a list of bookings",
      operation: "GET /crm/v2/tenant/{tenant}/booking-provider/{booking_provider}/bookings",
      dataSource: "selectBooking",
      path: { bookingProvider: bookingProvider() },
      subject: (v) => `Booking provider ${v.bookingProvider}`,
      examplePayload: exampleOf("GET /crm/v2/tenant/{tenant}/booking-provider/{booking_provider}/bookings"),
    }),
    getBookingByProvider: operationAction({
      label: "Get Booking by Provider",
      description: "Retrieve a booking by ID",
      operation: "GET /crm/v2/tenant/{tenant}/booking-provider/{booking_provider}/bookings/{id}",
      params: { bookingProvider: bookingProvider(), id: bookingId("selectBooking") },
      subject: providerBookingSubject,
      examplePayload: exampleOf("GET /crm/v2/tenant/{tenant}/booking-provider/{booking_provider}/bookings/{id}"),
    }),
    createBookingByProvider: operationAction({
      label: "Create Booking by Provider",
      description: "Create a booking",
      operation: "POST /crm/v2/tenant/{tenant}/booking-provider/{booking_provider}/bookings",
      params: createParams,
      body: (v) => {
        const { body } = placeParams(createParams, v);
        requireCompleteAddress(body?.address as Record<string, unknown> | undefined);
        return body;
      },
      subject: (v) => `Booking provider ${v.bookingProvider}`,
      examplePayload: exampleOf("POST /crm/v2/tenant/{tenant}/booking-provider/{booking_provider}/bookings"),
    }),
    updateBooking: addressPatchAction({
      label: "Update Booking",
      description: "Update a booking",
      operation: "PATCH /crm/v2/tenant/{tenant}/booking-provider/{booking_provider}/bookings/{id}",
      get: "GET /crm/v2/tenant/{tenant}/booking-provider/{booking_provider}/bookings/{id}",
      params: updateParams,
      fields: ADDRESS_FIELDS,
      required: ADDRESS_FIELDS,
      subject: providerBookingSubject,
      examplePayload: exampleOf("PATCH /crm/v2/tenant/{tenant}/booking-provider/{booking_provider}/bookings/{id}"),
    }),
  },
  dataSources: {
    selectBooking: namedPicklist<Booking>({
      label: "Select Booking",
      description: "Select a booking from a dropdown menu (up to 10,000 bookings)",
      operation: "GET /crm/v2/tenant/{tenant}/bookings",
      // Newest first: past the cap, the recent bookings are the ones worth picking. -Id rather than -CreatedOn:
      // the same order, but unique, so concurrently read pages cannot disagree on bookings created in one instant.
      query: { sort: "-Id" },
      fallback: "Unnamed booking",
      order: "api",
      example: [
        { key: "2", label: "Booking 2 (ID: 2)" },
        { key: "1", label: "Booking 1 (ID: 1)" },
      ],
    }),
  },
};
