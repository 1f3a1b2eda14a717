import type { OperationKey } from "../../client";
import type { ResourceModule } from "../../kit";
import { derivedAction, inBody, inQuery, listAction } from "../../kit";
import { exampleOf } from "../../examples";
import { externalDataGuidInput, externalDataInput, idListInput } from "../../inputs";

const INTACCT: OperationKey = "GET /settings/v2/tenant/{tenant}/business-units/intacct";

/** Tag types (create, update, list) and business units (get, update: their external data). */

const COLOR = { comments: "The tag's color as a hex code such as #FF5733.", example: "#FF5733" };

export const tagTypesAndBusinessUnits: ResourceModule = {
  actions: {
    listTagTypes: listAction({
      label: "List Tag Types",
      description: "Retrieve a list of tag types (the tags put on customers, locations, jobs …)",
      operation: "GET /settings/v2/tenant/{tenant}/tag-types",
      examplePayload: exampleOf("GET /settings/v2/tenant/{tenant}/tag-types"),
    }),
    createTagType: derivedAction({
      label: "Create Tag Type",
      description: "Create a tag type",
      operation: "POST /settings/v2/tenant/{tenant}/tag-types",
      inputs: {
        name: { comments: "The tag's name as shown on records." },
        color: COLOR,
        code: { comments: "Optional: a short code for the tag." },
        importance: { comments: "Optional: High tags stand out on the dispatch board and in the call screen." },
      },
    }),
    updateTagType: derivedAction({
      label: "Update Tag Type",
      description: "Update a tag type",
      operation: "PATCH /settings/v2/tenant/{tenant}/tag-types/{id}",
      inputs: { color: COLOR },
    }),
    getBusinessUnit: derivedAction({
      label: "Get Business Unit",
      description: "Retrieve a business unit by ID",
      operation: "GET /settings/v2/tenant/{tenant}/business-units/{id}",
      inputs: { externalDataApplicationGuid: inQuery(externalDataGuidInput()) },
    }),
    listIntacctBusinessUnitMappings: listAction({
      label: "List Intacct Business Unit Mappings",
      description:
        "Retrieve how business units map to Sage Intacct: each unit's Intacct location (name and id), department and class, for tenants that sync accounting with Intacct",
      operation: INTACCT,
      filters: {
        ids: idListInput({
          label: "Business Unit IDs",
          max: 50,
          dataSource: "selectBusinessUnit",
          comments: "Only the mappings of these business units, one id per entry (empty: all).",
        }),
      },
      examplePayload: exampleOf(INTACCT),
    }),
    updateBusinessUnit: derivedAction({
      label: "Update Business Unit",
      description: "Update a business unit's external data (the key/value pairs your application stores on it)",
      operation: "PATCH /settings/v2/tenant/{tenant}/business-units/{id}",
      inputs: { externalData: inBody(externalDataInput({ update: true })) },
    }),
  },
};
