import path from "path";
import { operations as OPERATIONS } from "../../src/client";
import {
  expectedFiles,
  loadFromSource,
  renderActionsDoc,
  renderCoverageTable,
  renderReadmeTable,
  replaceBetween,
} from "../../scripts/docs";

/**
 * docs/actions.md and the README's tables (actions per module, coverage) are generated from the component definition
 * and the operation table (npm run docs). This fails whenever an action, data source, trigger, input or output
 * changes without regenerating them.
 */
describe("generated documentation", () => {
  const loaded = loadFromSource();
  const doc = renderActionsDoc(loaded);
  const { actions, dataSources = {}, triggers = {} } = loaded.component;

  /** The part of the doc about one key: from its anchor to the next entry's. */
  const sectionOf = (key: string) => {
    const start = doc.indexOf(`<a name="${key.toLowerCase()}"></a>\n#### `);
    expect(start).toBeGreaterThan(-1);
    const end = doc.indexOf("\n#### ", doc.indexOf("\n#### ", start) + 1);
    return doc.slice(start, end < 0 ? undefined : end);
  };
  /** The module heading an entry sits under. */
  const moduleOf = (key: string) => {
    const before = doc.slice(0, doc.indexOf(`<a name="${key.toLowerCase()}"></a>`));
    return /\n## ([^\n]+)\n(?![\s\S]*\n## )/.exec(before)?.[1];
  };

  it.each(expectedFiles(loaded).map((f) => [path.basename(f.file), f] as const))(
    "%s is up to date (else run npm run docs)",
    (_name, file) => {
      expect(file.actual).toBe(file.expected);
    },
  );

  it("documents every action, data source and trigger: label first, then key, request and every input", () => {
    for (const [key, definition] of Object.entries({ ...actions, ...dataSources, ...triggers })) {
      const section = sectionOf(key);
      expect(section).toMatch(
        new RegExp(`^<a name="${key.toLowerCase()}"></a>\\n#### ${definition.display.label.replace(/[()[\]]/g, "\\$&")}\\n\\n\`${key}\``),
      );
      for (const input of definition.inputs.filter((i: { type: string }) => i.type !== "connection"))
        expect(section).toContain(`\`${input.key}\``);
    }
    expect(sectionOf("listJobs")).toContain("`GET /jpm/v2/tenant/{tenant}/jobs`");
  });

  it("groups them by ServiceTitan module and resource, with a table of contents", () => {
    expect(moduleOf("getJob")).toBe("Job Planning and Management");
    expect(moduleOf("selectInvoice")).toBe("Accounting");
    expect(moduleOf("exportLeads")).toBe("CRM");
    expect(moduleOf("callOperation")).toBe("General");
    expect(moduleOf("pollChangesTrigger")).toBe("Triggers");
    expect(doc).toContain("| [Accounting](#module-accounting) |");
    expect(doc).toContain('<a name="jpm-jobs"></a>\n### Jobs');
    // Every link of the contents and of the resource lists lands on an anchor of the file.
    const anchors = new Set([...doc.matchAll(/<a name="([^"]+)"><\/a>/g)].map((m) => m[1]));
    const links = [...doc.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(600);
    expect(links.filter((link) => !anchors.has(link))).toEqual([]);
  });

  it("says what each action returns, from its output schema", () => {
    expect(sectionOf("getJob")).toMatch(/\*\*Returns\*\* \(the step's `data`\): `id` integer; `jobNumber` string; .*`createdOn` date-time/);
    expect(sectionOf("listJobs")).toMatch(
      /`data` array of objects with `id`, `jobNumber`.*With Fetch All also `recordCount`, `capped`, `complete`, `incompleteReason`/,
    );
    expect(sectionOf("runReport")).toContain("`fields` array of objects with `name`, `label`");
    expect(sectionOf("downloadPricebookImage")).toContain("a file");
    expect(sectionOf("callOperation")).toContain("whatever ServiceTitan answers");
    for (const key of Object.keys(actions)) expect(sectionOf(key)).toContain("**Returns**");
  });

  it("keeps the README's action table short: actions and data sources per module, adding up", () => {
    const table = renderReadmeTable(loaded);
    expect(table.split("\n").length).toBeLessThan(40);
    const rows = [...table.matchAll(/^\| (?:\[)?([^|\]]+)(?:\]\([^)]+\))? \| (\d+) \| (\d+) \|$/gm)];
    expect(rows.reduce((n, r) => n + Number(r[2]), 0)).toBe(Object.keys(actions).length);
    expect(rows.reduce((n, r) => n + Number(r[3]), 0)).toBe(Object.keys(dataSources).length);
    expect(table).toContain(`| **All** | **${Object.keys(actions).length}** | **${Object.keys(dataSources).length}** |`);
  });

  it("counts the coverage of the operations per module: in the specs, curated, through Call ServiceTitan API, export feeds", () => {
    const table = renderCoverageTable(loaded);
    const total = Object.keys(OPERATIONS).length;
    const curated = new Set(Object.values(loaded.operations).filter((op) => op in OPERATIONS)).size;
    const feeds = Object.values(OPERATIONS).filter((op) => op.export).length;
    expect(table).toMatch(
      new RegExp(
        `\\| \\*\\*All 25 modules\\*\\* \\| \\*\\*${total}\\*\\*.* \\| \\*\\*${curated}\\*\\* .* \\| \\*\\*${total}\\*\\* \\(100%\\) \\| \\*\\*${feeds}\\*\\* \\|`,
      ),
    );
    expect(feeds).toBe(53);
    expect(table).toMatch(/\| Reporting \| 5 \| 5 \(100%\) \| 5 \(100%\) \| 0 \|/);
  });

  it("refuses a README without the table markers instead of dropping the table", () => {
    expect(() => replaceBetween("# README\n", "table")).toThrow("<!-- actions:start -->");
    expect(replaceBetween("a\n<!-- actions:start -->\nold\n<!-- actions:end -->\nb", "new")).toBe(
      "a\n<!-- actions:start -->\nnew\n<!-- actions:end -->\nb",
    );
  });
});
