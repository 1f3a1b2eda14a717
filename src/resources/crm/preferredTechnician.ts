import type { ResourceModule } from "../../kit";
import { derivedAction } from "../../kit";

const LOCATION = "/crm/v2/tenant/{tenant}/locations/{id}";

/** The technician a customer prefers at one of its service locations (dispatchers see it when assigning). */
export const preferredTechnician: ResourceModule = {
  actions: {
    getPreferredTechnician: derivedAction({
      label: "Get Preferred Technician",
      description: "Retrieve the id of the technician the customer prefers at a service location",
      operation: `GET ${LOCATION}/preferredtechnician`,
      // ServiceTitan answers the id, or null when there is none; the step then outputs {} (as every empty answer).
      output: {
        schema: {
          anyOf: [
            { type: "integer", description: "The preferred technician's id." },
            { type: "object", maxProperties: 0, description: "{}: the location has no preferred technician." },
          ],
        },
      },
    }),
    setPreferredTechnician: derivedAction({
      label: "Set Preferred Technician",
      description: "Set the technician the customer prefers at a service location",
      operation: `POST ${LOCATION}/preferredtechnician/{preferredTechnicianId}`,
      examplePayload: { data: {} },
    }),
  },
};
