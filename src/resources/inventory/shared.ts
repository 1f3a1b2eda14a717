import { operations, type OperationKey } from "../../client";
import type { InputTweak, Values } from "../../kit";

/**
 * The body as derived inputs place it: each body field's input has the field's name, or "body<Name>" when a path
 * parameter has that name. For actions whose body needs one more touch (the path's id repeated in the body).
 */
export const derivedBody = (operation: OperationKey, values: Values): Values => {
  const taken = new Set(operations[operation].pathParams.map((p) => p.name));
  const body: Values = {};
  for (const field of operations[operation].bodyFields ?? []) {
    const key = taken.has(field.name) ? `body${field.name[0].toUpperCase()}${field.name.slice(1)}` : field.name;
    if (values[key] !== undefined) body[field.name] = values[key];
  }
  return body;
};

/** For updates whose body repeats the path's id (return types): the derived body plus `id`. */
export const withPathId = (operation: OperationKey) => (values: Values) => ({ ...derivedBody(operation, values), id: values.id });

export const ADDRESS_EXAMPLE =
  '{ "street": "1200 E Camelback Rd", "unit": "", "city": "Phoenix", "state": "AZ", "zip": "85014", "country": "USA" }';

/** Where stock is kept: a warehouse or a truck, one dropdown for both. */
export const INVENTORY_LOCATION: InputTweak = {
  label: "Inventory Location ID",
  dataSource: "selectInventoryLocation",
  comments: "Where the stock is kept: a warehouse or a truck (both are inventory locations).",
};
