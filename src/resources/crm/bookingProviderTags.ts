import { exampleOf } from "../../examples";
import type { components } from "../../generated/types/crm";
import type { ResourceModule } from "../../kit";
import { derivedAction, listAction, picklist } from "../../kit";

type Tag = components["schemas"]["Crm.V2.BookingProviderTagResponse"];
const TAGS = "/crm/v2/tenant/{tenant}/booking-provider-tags";

const tweaks = {
  tagName: { label: "Tag Name", comments: "The tag's name, as the tenant sees it on bookings.", example: "Website Scheduler" },
  description: { label: "Description", comments: "What the tag is for." },
};

/** Booking provider tags: how a tenant labels the bookings that arrive from an API booking provider. */
export const bookingProviderTags: ResourceModule = {
  actions: {
    listBookingProviderTags: listAction({
      label: "List Booking Provider Tags",
      description: "Retrieve the booking provider tags",
      operation: `GET ${TAGS}`,
      dataSource: "selectBookingProviderTag",
      examplePayload: exampleOf(`GET ${TAGS}`),
    }),
    getBookingProviderTag: derivedAction({
      label: "Get Booking Provider Tag",
      description: "Retrieve a booking provider tag by ID",
      operation: `GET ${TAGS}/{id}`,
    }),
    createBookingProviderTag: derivedAction({
      label: "Create Booking Provider Tag",
      description: "Create a booking provider tag",
      operation: `POST ${TAGS}`,
      inputs: tweaks,
    }),
    updateBookingProviderTag: derivedAction({
      label: "Update Booking Provider Tag",
      description: "Rename a booking provider tag or change its description",
      operation: `PATCH ${TAGS}/{id}`,
      inputs: tweaks,
    }),
  },
  dataSources: {
    selectBookingProviderTag: picklist<Tag>({
      label: "Select Booking Provider Tag",
      description: "Select a booking provider tag from a dropdown menu (up to 10,000 tags)",
      operation: `GET ${TAGS}`,
      option: (tag) => ({ key: String(tag.id), label: `${String(tag.tagName ?? "").trim() || "Unnamed tag"} (ID: ${tag.id})` }),
      order: "label",
      example: [{ key: "1", label: "Website Scheduler (ID: 1)" }],
    }),
  },
};
