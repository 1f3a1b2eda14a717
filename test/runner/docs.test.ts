import path from "path";
import { expectedFiles, loadFromSource, renderActionsDoc, replaceBetween } from "../../scripts/docs";

/**
 * docs/actions.md and the README's action table are generated from the component definition (npm run docs).
 * This fails whenever an action, data source, trigger or input changes without regenerating them.
 */
describe("generated documentation", () => {
  const loaded = loadFromSource();

  it.each(expectedFiles(loaded).map((f) => [path.basename(f.file), f] as const))(
    "%s is up to date (else run npm run docs)",
    (_name, file) => {
      expect(file.actual).toBe(file.expected);
    },
  );

  it("documents every action, data source and trigger with its label, inputs and request", () => {
    const doc = renderActionsDoc(loaded);
    const { actions, dataSources = {}, triggers = {} } = loaded.component;
    for (const [key, definition] of Object.entries({ ...actions, ...dataSources, ...triggers })) {
      const start = doc.indexOf(`\n### ${key}\n`);
      expect(start).toBeGreaterThan(-1);
      const end = doc.indexOf("\n### ", start + 1);
      const section = doc.slice(start, end < 0 ? undefined : end);
      expect(section).toContain(`**${definition.display.label}**`);
      for (const input of definition.inputs.filter((i: { type: string }) => i.type !== "connection"))
        expect(section).toContain(`\`${input.key}\``);
    }
    expect(doc).toContain("Request: `GET /jpm/v2/tenant/{tenant}/jobs`");
  });

  it("refuses a README without the table markers instead of dropping the table", () => {
    expect(() => replaceBetween("# README\n", "table")).toThrow("<!-- actions:start -->");
    expect(replaceBetween("a\n<!-- actions:start -->\nold\n<!-- actions:end -->\nb", "new")).toBe(
      "a\n<!-- actions:start -->\nnew\n<!-- actions:end -->\nb",
    );
  });
});
