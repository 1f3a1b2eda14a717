import type { ResourceModule } from "../../kit";
import { derivedAction, inBody, listAction, namedPicklist, type Values } from "../../kit";
import { operations } from "../../client";
import { InputError } from "../../client/errors";
import { exampleOf } from "../../examples";
import { customFieldsInput, stringInput } from "../../inputs";

/**
 * Office employees (/settings/v2/employees) and the account actions of employees and technicians: activate or
 * deactivate a login, send an invitation or a password reset link.
 */

const passwordInput = () =>
  inBody({
    ...stringInput({ label: "Password", comments: "Only with Account Creation Method AssignLoginAndPassword (together with Login)." }),
    type: "password",
  });

/** ServiceTitan needs a login and password to assign them: refuse the half-filled case before it answers 400. */
const checkAccountCreation = (values: Values) => {
  if (values.accountCreationMethod === "AssignLoginAndPassword" && (values.login === undefined || values.password === undefined)) {
    throw new InputError(
      values.login === undefined ? "Login" : "Password",
      "is required with Account Creation Method AssignLoginAndPassword.",
    );
  }
};

const AAD = { label: "Azure AD User ID", comments: "Only for tenants that sign in with Microsoft Entra ID (Azure AD)." };

const ACTION_COMMENTS =
  "Activate or Deactivate the user's login, SendInvite (an e-mail inviting them to set up their account), or SendPasswordResetLink.";

const CREATE_EMPLOYEE = "POST /settings/v2/tenant/{tenant}/employees" as const;

/** The body as the derived inputs place it (each body field's input has the field's name). */
const bodyOf = (values: Values) =>
  Object.fromEntries(
    (operations[CREATE_EMPLOYEE].bodyFields ?? []).filter((f) => values[f.name] !== undefined).map((f) => [f.name, values[f.name]]),
  );

export const employees: ResourceModule = {
  actions: {
    listEmployees: listAction({
      label: "List Employees",
      description: "Retrieve a list of office employees (technicians are listed by List Technicians)",
      operation: "GET /settings/v2/tenant/{tenant}/employees",
      dataSource: "selectEmployee",
      filters: {
        name: stringInput({ label: "Name", comments: "Employees whose name contains this text (not case-sensitive)." }),
        email: stringInput({ label: "Email", comments: "The employee with exactly this e-mail address." }),
      },
      examplePayload: exampleOf("GET /settings/v2/tenant/{tenant}/employees"),
    }),
    getEmployee: derivedAction({
      label: "Get Employee",
      description: "Retrieve an office employee by ID",
      operation: "GET /settings/v2/tenant/{tenant}/employees/{id}",
    }),
    createEmployee: derivedAction({
      label: "Create Employee",
      description: "Create an office employee (CSR, dispatcher, manager …) with a ServiceTitan user account",
      operation: CREATE_EMPLOYEE,
      inputs: {
        name: { comments: "The employee's full name." },
        email: { comments: "The employee's e-mail address (ServiceTitan sends invitations there)." },
        positions: { comments: "What the employee does in the company: one position per entry." },
        accountCreationMethod: {
          comments: "CreateLater: no login yet; SendInvite: e-mail an invitation; AssignLoginAndPassword: set Login and Password here.",
        },
        password: passwordInput(),
        aadUserId: AAD,
        customFields: inBody(customFieldsInput()),
      },
      body: (values) => {
        checkAccountCreation(values);
        return bodyOf(values);
      },
    }),
    updateEmployee: derivedAction({
      label: "Update Employee",
      description: "Update an office employee",
      operation: "PATCH /settings/v2/tenant/{tenant}/employees/{id}",
      inputs: {
        accountLocked: { comments: "True locks the employee out of ServiceTitan; False unlocks." },
        aadUserId: AAD,
        customFields: inBody(
          customFieldsInput({ comments: "The employee's custom field values, as a JSON array of { typeId, value }. Empty: unchanged." }),
        ),
      },
    }),
    employeeAccountAction: derivedAction({
      label: "Employee Account Action",
      description: "Activate or deactivate an employee's login, or send them an invitation or a password reset link",
      operation: "POST /settings/v2/tenant/{tenant}/employees/{id}/account-actions",
      inputs: { action: { comments: ACTION_COMMENTS } },
    }),
    technicianAccountAction: derivedAction({
      label: "Technician Account Action",
      description: "Activate or deactivate a technician's login, or send them an invitation or a password reset link",
      operation: "POST /settings/v2/tenant/{tenant}/technicians/{id}/account-actions",
      inputs: {
        action: { comments: ACTION_COMMENTS },
        licenseType: { comments: "Optional, when activating: the ServiceTitan license the technician uses." },
        truckId: { comments: "Optional, when activating: the truck (inventory location) to assign to the technician." },
      },
    }),
  },
  dataSources: {
    selectEmployee: namedPicklist<{ id: number; name?: string | null }>({
      label: "Select Employee",
      description: "Select an active office employee from a dropdown menu (up to 10,000 employees)",
      operation: "GET /settings/v2/tenant/{tenant}/employees",
      example: [{ key: "1", label: "Jane Doe (ID: 1)" }],
    }),
  },
};
