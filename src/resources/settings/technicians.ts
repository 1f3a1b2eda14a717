import type { ResourceModule } from "../../kit";
import { inBody, inPath, listAction, namedPicklist, operationAction, placeParams, type Params, type Values } from "../../kit";
import { InputError } from "../../client/errors";
import { exampleOf } from "../../examples";
import type { components } from "../../generated/types/settings";
import {
  booleanInput,
  customFieldsInput,
  decimalInput,
  enumInput,
  enumListInput,
  idInput,
  idListInput,
  specEnum,
  stringInput,
} from "../../inputs";
import { addressParams } from "../../kit/address";
import { businessUnitIdInput } from "./settings";

type Schemas = components["schemas"];

/** Technician ids for appointments and jobs (the dropdown lists active technicians). */
export const technicianIdsInput = (options: { required?: boolean; comments?: string } = {}) =>
  idListInput({
    label: "Technician IDs",
    required: options.required,
    dataSource: "selectTechnician",
    comments: options.comments ?? "Technicians by id (Settings → Technicians): one per entry.",
  });

const technicianId = () =>
  idInput({
    label: "Technician ID",
    required: true,
    dataSource: "selectTechnician",
    comments: "The technician's id: pick one or map it from a previous step.",
  });

const POSITIONS = specEnum<Schemas["TenantSettings.V2.TechnicianPosition"]>()(
  "Installer",
  "Service",
  "Sales",
  "Maintenance",
  "Helper",
  "InstallProductionManager",
  "ServiceManager",
  "SalesManager",
  "PartRunner",
  "DummyTech",
);
const LICENSE_TYPES = specEnum<Schemas["TenantSettings.V2.LicenseType"]>()("NonManagedTech", "ManagedTech", "ManagedInstaller");
const ACCOUNT_CREATION = specEnum<Schemas["TenantSettings.V2.AccountCreationMethod"]>()(
  "CreateLater",
  "SendInvite",
  "AssignLoginAndPassword",
);
const JOB_FILTERS = specEnum<Schemas["TenantSettings.V2.JobFilter"]>()(
  "AllScheduledDispatchedWorking",
  "NextScheduledDispatchedWorking",
  "DispatchedWorking",
  "NextScheduledDispatchedWorkingToday",
  "AllScheduledDispatchedWorkingToday",
  "AllScheduledDispatchedWorkingFiveDays",
  "NextScheduledDispatchedWorkingTodayTomorrow",
  "AllScheduledDispatchedWorkingTodayTomorrow",
  "Next2ScheduledDispatchedWorkingToday",
);
const JOB_HISTORY = specEnum<Schemas["TenantSettings.V2.JobHistoryDateFilter"]>()("AllJobs", "LastThreeDays", "LastSevenDays", "LastMonth");

/** The fields ServiceTitan requires on create (optional on update). */
const technicianCoreFields = (create: boolean): Params => ({
  name: inBody(stringInput({ label: "Name", required: create, comments: "The technician's full name as shown on the dispatch board." })),
  roleId: inBody(
    idInput({
      label: "Role ID",
      required: create,
      dataSource: "selectUserRole",
      comments: "The user role (Settings → User Roles) that sets the technician's permissions.",
    }),
  ),
  positions: inBody(
    enumListInput({
      label: "Positions",
      values: POSITIONS,
      required: create,
      comments: "What the technician does: one position per entry.",
    }),
  ),
  licenseType: inBody(
    enumInput({
      label: "License Type",
      values: LICENSE_TYPES,
      required: create,
      comments: "The ServiceTitan license the technician uses.",
    }),
  ),
});

/** Optional fields create and update share. */
const technicianOptionalFields = (): Params => ({
  businessUnitId: inBody(businessUnitIdInput()),
  phoneNumber: inBody(stringInput({ label: "Phone Number", example: "555-123-4567", comments: "The technician's phone number." })),
  email: inBody(stringInput({ label: "Email", example: "tech@example.com", comments: "The technician's e-mail address." })),
  login: inBody(stringInput({ label: "Login", comments: "The technician's ServiceTitan user name." })),
  aadUserId: inBody(
    stringInput({ label: "Azure AD User ID", comments: "Only for tenants that sign in with Microsoft Entra ID (Azure AD)." }),
  ),
  team: inBody(stringInput({ label: "Team", comments: "The name of the technician's team (Settings → Teams)." })),
  dailyGoal: inBody(decimalInput({ label: "Daily Goal", example: "1500", comments: "The technician's daily sales goal (amount)." })),
  burdenRate: inBody(decimalInput({ label: "Burden Rate", example: "25.50", comments: "Hourly cost of the technician (amount)." })),
  bio: inBody(
    stringInput({ label: "Bio", multiline: true, comments: "A short profile customers may see (e.g. in appointment reminders)." }),
  ),
  memo: inBody(stringInput({ label: "Memo", multiline: true, comments: "An internal note about the technician." })),
  jobFilter: inBody(enumInput({ label: "Job Filter", values: JOB_FILTERS, comments: "Which jobs the technician sees in the mobile app." })),
  jobHistoryDateFilter: inBody(
    enumInput({
      label: "Job History Date Filter",
      values: JOB_HISTORY,
      comments: "How far back the technician sees job history in the mobile app.",
    }),
  ),
  ...addressParams({
    at: "home",
    prefix: "home",
    coordinates: true,
    note: "The technician's home address (street and city are required once any home field is set).",
  }),
  customFields: inBody(customFieldsInput()),
});

const createParams: Params = {
  ...technicianCoreFields(true),
  accountCreationMethod: inBody(
    enumInput({
      label: "Account Creation Method",
      values: ACCOUNT_CREATION,
      required: true,
      default: "CreateLater",
      comments: "CreateLater: no login yet; SendInvite: email an invitation; AssignLoginAndPassword: set Login and Password here.",
    }),
  ),
  password: inBody({
    ...stringInput({ label: "Password", comments: "Only with Account Creation Method AssignLoginAndPassword." }),
    type: "password",
  }),
  ...technicianOptionalFields(),
};

const updateParams: Params = {
  id: inPath(technicianId()),
  ...technicianCoreFields(false),
  ...technicianOptionalFields(),
  accountLocked: inBody(
    booleanInput({ label: "Account Locked", comments: "True locks the technician out of ServiceTitan; False unlocks." }),
  ),
};

/** The body from the placed inputs, refusing a half-filled home address (ServiceTitan needs street and city). */
const technicianBody = (params: Params) => (values: Values) => {
  const body = placeParams(params, values).body ?? {};
  const home = body.home as Values | undefined;
  if (home && (home.street === undefined || home.city === undefined)) {
    throw new InputError(home.street === undefined ? "Home Street" : "Home City", "is required when any home address field is set.");
  }
  if (body.accountCreationMethod === "AssignLoginAndPassword" && (body.login === undefined || body.password === undefined)) {
    throw new InputError(
      body.login === undefined ? "Login" : "Password",
      "is required with Account Creation Method AssignLoginAndPassword.",
    );
  }
  return body;
};

export const technicians: ResourceModule = {
  actions: {
    listTechnicians: listAction({
      label: "List Technicians",
      description: "Retrieve a list of technicians",
      operation: "GET /settings/v2/tenant/{tenant}/technicians",
      dataSource: "selectTechnician",
      filters: {
        userIds: idListInput({ label: "User IDs", max: 50, comments: "Only the technicians of these user accounts (at most 50 ids)." }),
        name: stringInput({ label: "Name", comments: "Technicians whose name contains this text." }),
      },
      examplePayload: exampleOf("GET /settings/v2/tenant/{tenant}/technicians"),
    }),
    getTechnician: operationAction({
      label: "Get Technician",
      description: "Retrieve a Technician by ID",
      operation: "GET /settings/v2/tenant/{tenant}/technicians/{id}",
      params: { id: inPath(technicianId()) },
      subject: (v) => `Technician ${v.id}`,
      examplePayload: exampleOf("GET /settings/v2/tenant/{tenant}/technicians/{id}"),
    }),
    createTechnician: operationAction({
      label: "Create Technician",
      description: "Create new technician",
      operation: "POST /settings/v2/tenant/{tenant}/technicians",
      params: createParams,
      body: technicianBody(createParams),
      examplePayload: exampleOf("POST /settings/v2/tenant/{tenant}/technicians"),
    }),
    updateTechnician: operationAction({
      label: "Update Technician",
      description: "Update a technician",
      operation: "PATCH /settings/v2/tenant/{tenant}/technicians/{id}",
      params: updateParams,
      body: technicianBody(updateParams),
      subject: (v) => `Technician ${v.id}`,
      examplePayload: exampleOf("PATCH /settings/v2/tenant/{tenant}/technicians/{id}"),
    }),
  },
  dataSources: {
    selectTechnician: namedPicklist<Schemas["TenantSettings.V2.TechnicianResponse"]>({
      label: "Select Technician",
      description: "Select a Technician from a dropdown menu (up to 10,000 Technicians)",
      operation: "GET /settings/v2/tenant/{tenant}/technicians",
      // Active technicians only (the API's default); the list has no sort, so names are sorted here.
      example: [
        { key: "1", label: "John Doe (ID: 1)" },
        { key: "2", label: "Jane Doe (ID: 2)" },
      ],
    }),
  },
};
