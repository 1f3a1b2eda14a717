import type { ResourceModule } from "../../kit";
import { listAction, namedPicklist } from "../../kit";
import { exampleOf } from "../../examples";
import type { components } from "../../generated/types/settings";
import { idInput, idListInput } from "../../inputs";

type Schemas = components["schemas"];

/*
 * Ids of the settings lists, which most modules use. This module imports none of the others, so every module can
 * import it without an import cycle.
 */

export const businessUnitIdInput = (options: { required?: boolean; label?: string } = {}) =>
  idInput({
    label: options.label ?? "Business Unit ID",
    required: options.required,
    dataSource: "selectBusinessUnit",
    comments: "The business unit (department) responsible for the work: pick one or map its id (Settings → Business Units).",
  });

export const tagTypeIdsInput = (comments = "Tags to set, by tag type id (Settings → Tags). One id per entry.") =>
  idListInput({ label: "Tag Type IDs", dataSource: "selectTagType", comments });

export const settings: ResourceModule = {
  actions: {
    listBusinessUnits: listAction({
      label: "List Business Units",
      description: "Gets a list of business units",
      operation: "GET /settings/v2/tenant/{tenant}/business-units",
      dataSource: "selectBusinessUnit",
      examplePayload: exampleOf("GET /settings/v2/tenant/{tenant}/business-units"),
    }),
    listUserRoles: listAction({
      label: "List User Roles",
      description: "Gets a list of user roles",
      operation: "GET /settings/v2/tenant/{tenant}/user-roles",
      dataSource: "selectUserRole",
      examplePayload: exampleOf("GET /settings/v2/tenant/{tenant}/user-roles"),
    }),
  },
  dataSources: {
    selectBusinessUnit: namedPicklist<Schemas["TenantSettings.V2.BusinessUnitResponse"]>({
      label: "Select Business Unit",
      description: "Select an active business unit from a dropdown menu (up to 10,000 business units)",
      operation: "GET /settings/v2/tenant/{tenant}/business-units",
    }),
    selectUserRole: namedPicklist<Schemas["TenantSettings.V2.UserRoleResponse"]>({
      label: "Select User Role",
      description: "Select an active user role from a dropdown menu (up to 10,000 user roles)",
      operation: "GET /settings/v2/tenant/{tenant}/user-roles",
    }),
    selectTagType: namedPicklist<Schemas["TenantSettings.V2.TagTypeResponse"]>({
      label: "Select Tag Type",
      description: "Select an active tag type from a dropdown menu (up to 10,000 tag types)",
      operation: "GET /settings/v2/tenant/{tenant}/tag-types",
    }),
  },
};
