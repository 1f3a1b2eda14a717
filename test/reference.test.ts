import { readFileSync } from "fs";
import path from "path";
import component from "../src";

/**
 * The reference component's documentation lists every action and data source as
 *   <Label>
 *   <description> | key: <key>[ | type: picklist]
 * Integrations built on those keys must keep working, so keys and labels must match exactly (typos included).
 */
const reference = readFileSync(path.join(__dirname, "fixtures", "reference-component.txt"), "utf8").split("\n");
const entries = reference.flatMap((line, index) => {
  const match = /^(.*) \| key: (\w+)( \| type: picklist)?\s*$/.exec(line);
  if (!match) return [];
  const label = reference
    .slice(0, index)
    .reverse()
    .find((l) => l.trim() !== "")!
    .trim();
  return [{ key: match[2], label, description: match[1].trim(), picklist: Boolean(match[3]) }];
});
const referenceActions = entries.filter((e) => !e.picklist);
const referencePicklists = entries.filter((e) => e.picklist);

describe("reference component compatibility", () => {
  it("parses the 58 actions and 9 picklists of the reference document", () => {
    expect(referenceActions).toHaveLength(58);
    expect(referencePicklists).toHaveLength(9);
    expect(referenceActions.map((a) => a.key)).toContain("deletCustomersContact");
  });

  it.each(referenceActions)("action $key keeps its key and label ($label)", ({ key, label }) => {
    const action = component.actions[key];
    expect(action).toBeDefined();
    expect(action.display.label).toBe(label);
  });

  it.each(referencePicklists)("picklist $key keeps its key and label ($label)", ({ key, label, description }) => {
    const source = component.dataSources?.[key];
    expect(source).toBeDefined();
    expect(source!.display.label).toBe(label);
    expect(source!.display.description).toBe(description);
    expect(source!.dataSourceType).toBe("picklist");
  });

  it("talks about ServiceTitan, not the product the reference's Raw Request mentions by mistake", () => {
    expect(component.actions.rawRequest?.display.description).toMatch(/ServiceTitan/);
    expect(JSON.stringify(component)).not.toMatch(/ServiceDesk/);
  });
});
