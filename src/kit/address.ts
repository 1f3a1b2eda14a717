/** Address inputs of the CRM records (customers, locations, bookings): one input per field, placed in the body. */
import type { OperationKey, RequestArgs, ServiceTitanClient } from "../client";
import { InputError } from "../client/errors";
import { decimalInput, stringInput } from "../inputs";
import {
  inBody,
  once,
  operationAction,
  placeParams,
  resolveParams,
  type OperationActionSpec,
  type Params,
  type Values,
} from "./operationAction";

export const ADDRESS_FIELDS = ["street", "unit", "city", "state", "zip", "country"] as const;
export const COORDINATES = ["latitude", "longitude"] as const;
/** What ServiceTitan requires of an address once one is sent. */
export const REQUIRED_ADDRESS = ["street", "city", "state", "zip", "country"];

const capitalize = (word: string) => word[0].toUpperCase() + word.slice(1);
const addressKey = (prefix: string | undefined, field: string) => (prefix ? `${prefix}${capitalize(field)}` : field);
const addressLabel = (prefix: string | undefined, field: string) =>
  `${prefix ? `${capitalize(prefix)} ` : ""}${field === "zip" ? "Zip Code" : capitalize(field)}`;

export interface AddressOptions {
  /** Where the address goes in the body ("address"). */
  at: string;
  /** Input key and label prefix for a second address on the same action ("location" → "locationStreet", "Location Street"). */
  prefix?: string;
  /** Street, city, state, zip and country must be entered (a create whose address the API requires). */
  required?: boolean;
  coordinates?: boolean;
  /** Comment added to every field (e.g. what an empty field means). */
  note?: string;
}

/** One input per address field (Street, Unit, City, State, Zip, Country, optional coordinates), placed at `at.<field>`. */
export const addressParams = ({ at, prefix, required = false, coordinates = false, note = "" }: AddressOptions): Params => {
  const fields: Params = Object.fromEntries(
    ADDRESS_FIELDS.map((field) => [
      addressKey(prefix, field),
      inBody(
        stringInput({
          label: addressLabel(prefix, field),
          required: required && REQUIRED_ADDRESS.includes(field),
          example: { street: "123 Main St", unit: "Suite 4", city: "San Diego", state: "CA", zip: "92101", country: "USA" }[field],
          comments: `${field === "unit" ? "Apartment, suite or unit. " : ""}${note}`.trim() || undefined,
        }),
        `${at}.${field}`,
      ),
    ]),
  );
  if (!coordinates) return fields;
  return {
    ...fields,
    ...Object.fromEntries(
      COORDINATES.map((field) => [
        addressKey(prefix, field),
        inBody(
          decimalInput({
            label: addressLabel(prefix, field),
            comments: `Decimal degrees, e.g. ${field === "latitude" ? "32.7157" : "-117.1611"}. ${note}`.trim(),
          }),
          `${at}.${field}`,
        ),
      ]),
    ),
  };
};

/** List filters on a record's coordinates; `records` names what is listed ("Customers"). */
export const coordinateFilters = (records: string) =>
  Object.fromEntries(
    COORDINATES.map((field) => [
      field,
      decimalInput({ label: capitalize(field), comments: `${records} at this ${field} (decimal degrees).` }),
    ]),
  );

/** An optional address (e.g. a booking's) is all or nothing: once any field is entered, the API requires the main ones. */
export const requireCompleteAddress = (address: Values | undefined, prefix?: string) => {
  if (!address) return;
  for (const field of REQUIRED_ADDRESS) {
    if (address[field] === undefined) {
      throw new InputError(
        addressLabel(prefix, field),
        "is required once any address field is entered (ServiceTitan needs street, city, state, zip code and country).",
      );
    }
  }
};

export interface AddressPatchSpec extends Omit<OperationActionSpec, "perform" | "body"> {
  /** The GET of the same record, for the current address. */
  get: OperationKey;
  /** The fields the PATCH schema's address has: all are sent, the ones left empty with their current value. */
  fields: readonly string[];
  /** The fields that schema requires (a unit can be empty; coordinates cannot). */
  required: readonly string[];
  subject: (values: Values) => string;
}

/**
 * An update action whose PATCH replaces the whole address. Only when an address field is entered, the current
 * record is read once and the fields left empty keep their current value, so a builder can change just the street.
 * A required field that neither the inputs nor the record have (a customer saved without coordinates, a booking
 * without an address) is refused, naming its input, before the PATCH: ServiceTitan would answer 400.
 */
export const addressPatchAction = ({ get, fields, required, ...spec }: AddressPatchSpec) => {
  const paramsOf = once(() => resolveParams(spec.params));
  return operationAction({
    ...spec,
    params: paramsOf,
    perform: async (client: ServiceTitanClient, values: Values): Promise<unknown> => {
      const { path, body = {} } = placeParams(paramsOf(), values);
      const args: RequestArgs = { path, subject: spec.subject(values) };
      if (body.address) {
        const current = ((await client.request<{ address?: Values }>(get, args)).address ?? {}) as Values;
        const entered = body.address as Values;
        const address = Object.fromEntries(
          fields
            // A blank value on record is no value: ServiceTitan refuses an address with an empty city as with none.
            .map((field) => [
              field,
              entered[field] ?? (current[field] === "" ? undefined : current[field]) ?? (field === "unit" ? "" : undefined),
            ])
            .filter(([, value]) => value !== undefined && value !== null),
        );
        const missing = required.find((field) => address[field] === undefined);
        if (missing) {
          throw new InputError(
            addressLabel(undefined, missing),
            `is required to change the address: ServiceTitan needs ${required.filter((f) => f !== "unit").join(", ")} in every address update, and ${spec.subject(values)} has no ${missing} on record.`,
          );
        }
        body.address = address;
      }
      return client.request(spec.operation, { ...args, body });
    },
  });
};
