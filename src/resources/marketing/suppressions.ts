import type { InputFieldDefinition } from "@prismatic-io/spectral";
import { InputError } from "../../client/errors";
import { exampleOf } from "../../examples";
import type { components } from "../../generated/types/marketing.2026-03";
import { refinedInput, stringInput, stringListInput } from "../../inputs";
import type { ResourceModule } from "../../kit";
import { derivedAction, inBody, inPath, listAction, picklist } from "../../kit";

type Schemas = components["schemas"];
type Suppression = Schemas["Marketing.V2.SuppressionResponse"];

const SUPPRESSIONS = "/marketing/v2/tenant/{tenant}/suppressions";
/** ServiceTitan takes at most 1,000 addresses per request. */
const MAX_EMAILS = 1000;
const EMAIL = /^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]+$/;

const checkEmail = (label: string, text: string, where = "") => {
  if (!EMAIL.test(text)) throw new InputError(label, `${where}"${text}" is not an e-mail address such as jane.doe@example.com.`);
  return text;
};

/** One e-mail address (checked before any request). */
const emailInput = (options: { label: string; required?: boolean; dataSource?: string; comments: string }): InputFieldDefinition => {
  const base = stringInput({ ...options, example: "jane.doe@example.com" });
  return refinedInput(
    { ...base, ...(options.dataSource ? { dataSource: options.dataSource } : {}) } as InputFieldDefinition,
    (text: string) => checkEmail(options.label, text.trim()),
  );
};

/** E-mail addresses, one per entry (or separated by commas, semicolons or spaces); each checked, duplicates dropped. */
const emailListInput = (comments: string): InputFieldDefinition => {
  const label = "Email Addresses";
  return refinedInput(stringListInput({ label, required: true, example: "jane.doe@example.com", comments }), (list: string[]) => {
    const entries = list.flatMap((entry) => entry.split(/[\s,;]+/)).filter(Boolean);
    const emails = [...new Set(entries.map((entry, i) => checkEmail(label, entry, `entry ${i + 1}, `)))];
    if (emails.length > MAX_EMAILS)
      throw new InputError(label, `has ${emails.length} addresses; ServiceTitan takes at most ${MAX_EMAILS} per request (split the list).`);
    return emails;
  });
};

/**
 * The e-mail suppression list: addresses ServiceTitan's e-mail marketing never writes to (unsubscribed, bounced,
 * reported as spam, or excluded by hand), to keep campaigns compliant.
 */
export const suppressions: ResourceModule = {
  actions: {
    listEmailSuppressions: listAction({
      label: "List Email Suppressions",
      description:
        "Retrieve the e-mail addresses marketing e-mails are not sent to (unsubscribed, bounced, spam reports, manual exclusions), with the reason",
      operation: `GET ${SUPPRESSIONS}`,
      omit: ["ids"], // a suppression is addressed by its e-mail address: Email filters by it
      filters: {
        email: emailInput({ label: "Email", comments: "Only the suppression of this e-mail address." }),
      },
      examplePayload: exampleOf(`GET ${SUPPRESSIONS}`),
    }),
    getEmailSuppression: derivedAction({
      label: "Get Email Suppression",
      description: "Retrieve whether and why an e-mail address is on the suppression list (404 when it never was)",
      operation: `GET ${SUPPRESSIONS}/{email}`,
      inputs: {
        email: inPath(
          emailInput({
            label: "Email",
            required: true,
            dataSource: "selectSuppressedEmail",
            comments: "The e-mail address to look up: pick a suppressed one or map an address, e.g. a customer's e-mail contact.",
          }),
        ),
      },
      subject: (v) => `Suppression of ${v.email}`,
    }),
    suppressEmails: derivedAction({
      label: "Suppress Emails",
      description: "Add e-mail addresses to the suppression list: ServiceTitan's e-mail marketing no longer writes to them",
      operation: `POST ${SUPPRESSIONS}/suppress`,
      inputs: {
        emails: inBody(
          emailListInput(
            "The e-mail addresses to suppress, one per entry (or separated by commas), at most 1,000; e.g. the addresses your e-mail platform reports as unsubscribed or bounced.",
          ),
        ),
        reason: {
          comments:
            "Why: Unsubscribe (the person opted out), Bounce (the address does not accept mail), SpamReport (reported as spam), ManualUnsubscribe (removed by your office) or NeverEmail (never e-mail this address).",
        },
      },
      examplePayload: { data: {} },
    }),
    unsuppressEmails: derivedAction({
      label: "Unsuppress Emails",
      description:
        "Remove e-mail addresses from the suppression list, e.g. after a customer opts back in: ServiceTitan's e-mail marketing may write to them again",
      operation: `POST ${SUPPRESSIONS}/unsuppress`,
      inputs: {
        emails: inBody(
          emailListInput(
            "The e-mail addresses to remove from the suppression list, one per entry (or separated by commas), at most 1,000. Only remove an address whose owner agreed to receive marketing e-mail again.",
          ),
        ),
      },
      examplePayload: { data: {} },
    }),
  },
  dataSources: {
    selectSuppressedEmail: picklist<Suppression>({
      label: "Select Suppressed Email",
      description: "Select an e-mail address on the suppression list from a dropdown menu (up to 10,000, newest first)",
      operation: `GET ${SUPPRESSIONS}`,
      query: { sort: "-Id" },
      option: (suppression) => ({
        key: suppression.email,
        label: suppression.reason ? `${suppression.email} (${suppression.reason})` : suppression.email,
      }),
      order: "api",
      example: [{ key: "jane.doe@example.com", label: "jane.doe@example.com (Unsubscribe)" }],
    }),
  },
};
