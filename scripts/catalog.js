#!/usr/bin/env node
// npm run catalog: writes src/resources/catalog.json, which action and data source key lives in which resource module
// (and the operation it calls), so the component can require a module only when one of its keys is first read.
//
//   npm run catalog             rewrite it from src/resources
//   npm run catalog -- --check  exit 1 when it is out of date
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const FILE = path.join(ROOT, "src", "resources", "catalog.json");

/** The catalog text as the resource modules say it (loads every module). */
const expectedCatalog = () => {
  if (typeof jest === "undefined") {
    require("ts-node").register({
      transpileOnly: true,
      project: path.join(ROOT, "tsconfig.json"),
      compilerOptions: { module: "commonjs" },
    });
  }
  const { catalogOf } = require(path.join(ROOT, "src", "resources"));
  const catalog = catalogOf();
  // One entry per line: a reviewable diff when a key is added or moves.
  const part = (entries) =>
    `{\n${Object.entries(entries)
      .map(([key, value]) => `    ${JSON.stringify(key)}: ${JSON.stringify(value)}`)
      .join(",\n")}\n  }`;
  return `{\n  "actions": ${part(catalog.actions)},\n  "dataSources": ${part(catalog.dataSources)}\n}\n`;
};

const main = (argv) => {
  const expected = expectedCatalog();
  const current = fs.existsSync(FILE) ? fs.readFileSync(FILE, "utf8") : "";
  if (argv.includes("--check")) {
    if (current === expected) return 0;
    process.stderr.write("src/resources/catalog.json is out of date: run npm run catalog\n");
    return 1;
  }
  if (current !== expected) fs.writeFileSync(FILE, expected);
  process.stdout.write(current === expected ? "catalog is up to date\n" : "wrote src/resources/catalog.json\n");
  return 0;
};

module.exports = { FILE, expectedCatalog };
if (require.main === module) process.exit(main(process.argv.slice(2)));
