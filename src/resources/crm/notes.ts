import { exampleOf } from "../../examples";
import type { components } from "../../generated/types/crm";
import { idInput } from "../../inputs";
import type { ResourceModule } from "../../kit";
import { derivedAction, inPath, listAction, picklist, type Values } from "../../kit";
import { customerIdInput } from "./customers";
import { locationIdInput } from "./locations";

type Note = components["schemas"]["Crm.V2.NoteResponse"];

const CUSTOMERS = "/crm/v2/tenant/{tenant}/customers";
const LOCATIONS = "/crm/v2/tenant/{tenant}/locations";

/** A note's first words, for a dropdown: "📌 Gate code 4411 (ID: 5)". */
export const noteLabel = (note: Note) => {
  const text = String(note.text ?? "")
    .replace(/\s+/g, " ")
    .trim();
  const short = text.length > 70 ? `${text.slice(0, 67)}…` : text;
  return `${note.isPinned ? "📌 " : ""}${short || "Empty note"} (ID: ${note.id})`;
};

/** The owner's path input ({id} of …/customers/{id}/notes) under a key naming the owner. */
const customer = () => inPath(customerIdInput(true, "The customer whose notes these are: pick one or map it from a previous step."), "id");
const location = () =>
  inPath(locationIdInput(true, "The service location whose notes these are: pick one or map it from a previous step."), "id");

const noteIdInput = (dataSource: string, owner: string) =>
  inPath(
    idInput({
      label: "Note ID",
      required: true,
      dataSource,
      comments: `The note's id (pick one of the ${owner}'s notes, or map it from List ${owner === "customer" ? "Customer" : "Location"} Notes).`,
    }),
  );

const textTweak = { label: "Text", comments: "The note's text.", example: "Gate code is 4411; dog in the back yard." };
const pinTweak = { label: "Pin to Top", comments: "True: the note is pinned at the top of the notes." };

export const notes: ResourceModule = {
  actions: {
    listCustomerNotes: listAction({
      label: "List Customer Notes",
      description: "Retrieve the notes of a customer",
      operation: `GET ${CUSTOMERS}/{id}/notes`,
      path: { customerId: customer() },
      subject: (v) => `Customer ${v.customerId}`,
      examplePayload: exampleOf(`GET ${CUSTOMERS}/{id}/notes`),
    }),
    createCustomerNote: derivedAction({
      label: "Create Customer Note",
      description: "Add a note to a customer (optionally to its active locations too)",
      operation: `POST ${CUSTOMERS}/{id}/notes`,
      inputs: {
        id: customer(),
        text: textTweak,
        pinToTop: pinTweak,
        addToLocations: { label: "Add to Locations", comments: "True: the same note is added to the customer's active locations." },
      },
      subject: (v: Values) => `Customer ${v.id}`,
    }),
    deleteCustomerNote: derivedAction({
      label: "Delete Customer Note",
      description: "Remove a note from a customer",
      operation: `DELETE ${CUSTOMERS}/{id}/notes/{noteId}`,
      inputs: { id: customer(), noteId: noteIdInput("selectCustomerNote", "customer") },
      subject: (v: Values) => `Note ${v.noteId} of customer ${v.id}`,
      examplePayload: { data: {} },
    }),
    listLocationNotes: listAction({
      label: "List Location Notes",
      description: "Retrieve the notes of a service location",
      operation: `GET ${LOCATIONS}/{id}/notes`,
      path: { locationId: location() },
      subject: (v) => `Location ${v.locationId}`,
      examplePayload: exampleOf(`GET ${LOCATIONS}/{id}/notes`),
    }),
    createLocationNote: derivedAction({
      label: "Create Location Note",
      description: "Add a note to a service location (optionally to its customer too)",
      operation: `POST ${LOCATIONS}/{id}/notes`,
      inputs: {
        id: location(),
        text: textTweak,
        pinToTop: pinTweak,
        addToCustomer: { label: "Add to Customer", comments: "True: the same note is also added to the location's customer." },
      },
      subject: (v: Values) => `Location ${v.id}`,
    }),
    deleteLocationNote: derivedAction({
      label: "Delete Location Note",
      description: "Remove a note from a service location",
      operation: `DELETE ${LOCATIONS}/{id}/notes/{noteId}`,
      inputs: { id: location(), noteId: noteIdInput("selectLocationNote", "location") },
      subject: (v: Values) => `Note ${v.noteId} of location ${v.id}`,
      examplePayload: { data: {} },
    }),
  },
  dataSources: {
    selectCustomerNote: picklist<Note>({
      label: "Select Customer Note",
      description: "Select one of a customer's notes from a dropdown menu",
      operation: `GET ${CUSTOMERS}/{id}/notes`,
      params: { customerId: customer() },
      option: (note) => ({ key: String(note.id), label: noteLabel(note) }),
      order: "api",
      example: [{ key: "1", label: "📌 Gate code is 4411 (ID: 1)" }],
    }),
    selectLocationNote: picklist<Note>({
      label: "Select Location Note",
      description: "Select one of a service location's notes from a dropdown menu",
      operation: `GET ${LOCATIONS}/{id}/notes`,
      params: { locationId: location() },
      option: (note) => ({ key: String(note.id), label: noteLabel(note) }),
      order: "api",
      example: [{ key: "1", label: "Dog in the back yard (ID: 1)" }],
    }),
  },
};
