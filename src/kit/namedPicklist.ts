import { nameWithId, picklist, type Option, type PicklistSpec } from "./picklist";

/**
 * A list of named records as a dropdown of "Name (ID: 1)", alphabetical unless `order` says otherwise. `fallback`
 * names a nameless record ("Unnamed" by default).
 */
export const namedPicklist = <T extends { id: number; name?: string | null }>(
  spec: Omit<PicklistSpec<T>, "option" | "order" | "example"> & { order?: PicklistSpec<T>["order"]; example?: Option[]; fallback?: string },
) => {
  const { fallback, order = "label", example = [{ key: "1", label: "Example (ID: 1)" }], ...rest } = spec;
  return picklist<T>({
    ...rest,
    option: (record) => ({ key: String(record.id), label: nameWithId(record.name, record.id, fallback) }),
    order,
    example,
  });
};
