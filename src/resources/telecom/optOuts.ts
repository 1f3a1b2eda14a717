import type { InputFieldDefinition } from "@prismatic-io/spectral";
import type { OperationKey } from "../../client";
import { InputError } from "../../client/errors";
import { exampleOf } from "../../examples";
import type { components } from "../../generated/types/telecom.2026-03";
import { enumInput, refinedInput, specEnum, stringListInput } from "../../inputs";
import type { ResourceModule } from "../../kit";
import { derivedAction, inBody } from "../../kit";

type Schemas = components["schemas"];

const OPT_OUTS = "/telecom/v3/tenant/{tenant}/optinouts/optouts";
const LIST: OperationKey = `GET ${OPT_OUTS}`;

const OPT_OUT_TYPES = specEnum<Schemas["Telecom.V3.OptOutType"]>()("Global", "Marketing", "Other", "Unknown");

/** What a phone number may contain besides its digits: spaces, dashes, dots and parentheses ("(619) 555-0134"). */
const FORMATTING = /[\s().-]/g;
/** E.164 allows at most 15 digits; fewer than 7 is no dialable number anywhere. */
const PHONE = /^\+?\d{7,15}$/;

/**
 * Phone numbers, one per entry (or comma-separated): each must be a number ServiceTitan can parse, or it refuses the
 * whole request. Formatting is dropped ("(619) 555-0134" → "6195550134", "+1 619-555-0134" → "+16195550134") and
 * repeats are sent once.
 */
const phoneNumbersInput = (comments: string): InputFieldDefinition => {
  return refinedInput(stringListInput({ label: "Phone Numbers", required: true, example: "+16195550134", comments }), (list: string[]) => {
    const numbers = list.map((entry) => {
      const number = entry.replace(FORMATTING, "");
      if (!PHONE.test(number)) {
        throw new InputError(
          "Phone Numbers",
          `"${entry}" is not a phone number; expected 7 to 15 digits with an optional leading + (E.164, e.g. +16195550134).`,
        );
      }
      return number;
    });
    return [...new Set(numbers)];
  });
};

/**
 * Text-message (SMS) opt-outs: the phone numbers customers asked not to be texted, for everything (Global) or for
 * marketing only. ServiceTitan checks them before sending texts; these actions keep another system in step with it.
 */
export const optOuts: ResourceModule = {
  actions: {
    listOptOuts: derivedAction({
      label: "List Opt-Outs",
      description:
        "Retrieve every phone number opted out of text messages for the tenant, with the kind of opt-out (Global: no texts at all; Marketing: no marketing texts); numbers are in E.164 format (+16195550134)",
      operation: LIST,
      examplePayload: exampleOf(LIST),
    }),
    addOptOuts: derivedAction({
      label: "Add Opt-Outs",
      description:
        "Opt phone numbers out of text messages, e.g. after a customer replied STOP in another system; the result gives each number's outcome (Ok, RetryableError or LogicalError). A number opted out globally cannot also be opted out for marketing",
      operation: `POST ${OPT_OUTS}`,
      inputs: {
        optOutType: inBody(
          enumInput({
            label: "Opt-Out Type",
            required: true,
            values: OPT_OUT_TYPES,
            comments: "What the numbers opt out of: Global (every text message), Marketing (marketing texts only), Other or Unknown.",
          }),
        ),
        contactNumbers: inBody(
          phoneNumbersInput(
            "The phone numbers to opt out, one per entry (or comma-separated), E.164 recommended (e.g. +16195550134). Every number must be valid or nothing is added.",
          ),
        ),
      },
    }),
    getOptOutStatus: derivedAction({
      label: "Get Opt-Out Status",
      description:
        "Check whether phone numbers are opted out of text messages: the result lists the numbers that are, with the kind of opt-out (numbers not opted out are left out), in E.164 format",
      operation: `POST ${OPT_OUTS}/getlist`,
      inputs: {
        contactNumbers: inBody(
          phoneNumbersInput(
            "The phone numbers to check, one per entry (or comma-separated), E.164 recommended (e.g. +16195550134); e.g. map a customer's mobile number before texting it.",
          ),
        ),
      },
    }),
  },
};
