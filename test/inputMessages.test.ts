import component from "../src";
import { integerInput, rulesJsonInput, toIntegerList } from "../src/inputs";

/** The wording of the checks a builder meets most often: counts out of range, fractions, one object for a list. */
type Input = { key: string; type: string; example?: string; clean?: (value: unknown) => unknown };
const actionInputs = (key: string) => component.actions[key].inputs as unknown as Input[];
const inputOf = (action: string, key: string) => actionInputs(action).find((input) => input.key === key)!;
const lists = Object.keys(component.actions).filter((key) => actionInputs(key).some((input) => input.key === "pageSize"));

describe("count inputs", () => {
  it("covers every list action", () => expect(lists.length).toBeGreaterThanOrEqual(16));

  it.each(lists)("%s: page 0 asks for 1 or more, a fractional page size for a whole number", (action) => {
    expect(() => inputOf(action, "page").clean!("0")).toThrow('Input "Page": 0 is out of range; expected 1 or more.');
    expect(() => inputOf(action, "pageSize").clean!("3.5")).toThrow(
      /Input "Page Size": "3\.5" is not a whole number; expected a whole number \(1 to \d+\)/,
    );
    expect(() => inputOf(action, "pageSize").clean!("0")).toThrow(/expected 1 to \d+\./);
  });

  it("words each kind of bound", () => {
    const clean = (options: { min?: number; max?: number }, value: string) => () => integerInput({ label: "N", ...options }).clean!(value);
    expect(clean({ max: 10 }, "11")).toThrow("11 is out of range; expected at most 10.");
    expect(clean({ min: 2, max: 10 }, "1")).toThrow("1 is out of range; expected 2 to 10.");
    expect(clean({}, "1.5")).toThrow('"1.5" is not a whole number; expected a whole number such as 1.');
    expect(integerInput({ label: "N" }).clean!("-3")).toBe(-3);
  });
});

describe("a JSON object where a list is expected", () => {
  const arrays = Object.entries(component.actions).flatMap(([action, definition]) =>
    (definition.inputs as unknown as Input[])
      .filter((input) => input.type === "code" && /^\s*\[/.test(input.example ?? ""))
      .map((input) => [action, input.key, input] as const),
  );

  it("covers the JSON list inputs", () => expect(arrays.length).toBeGreaterThan(20));

  it.each(arrays)("%s › %s says it wants an array", (_action, _key, input) => {
    expect(() => input.clean!('{"a": 1}')).toThrow(/must be a JSON array .*got a single JSON object; wrap it in \[ \]/);
    expect(() => input.clean!({ a: 1 })).toThrow(/must be a JSON array/);
  });

  it("says so for lists inside the JSON and for id lists too", () => {
    const input = rulesJsonInput(
      { label: "Things", shape: "array", example: "[]", comments: "" },
      { fields: ["tags"], lists: { tags: { fields: ["name"] } } },
    ) as unknown as Input;
    expect(() => input.clean!('[{"tags": {"name": "x"}}]')).toThrow(
      'Input "Things": item 1.tags must be a JSON array, got a single object; wrap it in [ ].',
    );
    expect(() => toIntegerList("Technician IDs", { id: 1 })).toThrow(/must be an array of ids such as \[12345, 12346\], got a JSON object/);
    expect(toIntegerList("Technician IDs", [1, "2"])).toEqual([1, 2]);
  });
});
