import fs from "fs";
import { expectedCatalog, FILE } from "../scripts/catalog";

/** src/resources/catalog.json says which module holds each key, so a flow step requires only the one it runs. */
describe("resource catalog", () => {
  it("is up to date with src/resources (else run npm run catalog)", () => {
    expect(fs.readFileSync(FILE, "utf8")).toBe(expectedCatalog());
  });

  it("loads no resource module at start-up, and one action's module when it is first read", () => {
    jest.isolateModules(() => {
      /* eslint-disable @typescript-eslint/no-require-imports */
      const component = require("../src").default as { actions: Record<string, { perform: unknown }>; dataSources: object };
      const { loadedModules } = require("../src/resources") as typeof import("../src/resources");
      /* eslint-enable @typescript-eslint/no-require-imports */
      expect(Object.keys(component.actions)).toHaveLength(580);
      expect(Object.keys(component.dataSources)).toHaveLength(124);
      expect(loadedModules()).toEqual([]);
      expect(typeof component.actions.getJob.perform).toBe("function");
      expect(loadedModules()).toEqual(["jpm"]);
      expect(typeof component.actions.listInvoices.perform).toBe("function");
      expect(loadedModules()).toEqual(["jpm", "accounting"]);
    });
  });
});
