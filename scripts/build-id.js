"use strict";
/**
 * The build id: a hash of everything under src/. The build stamps it into dist/index.js's first line, and the runner
 * compares it with src/ now. Modification times cannot tell: webpack leaves an identical output file untouched, so a
 * fresh bundle can look older than the sources it was built from.
 */
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const MARK = "servicetitan-component build";

/** sha256 over the relative path and bytes of every file under `dir`, in a fixed order. */
const sourceHash = (dir = path.join(ROOT, "src")) => {
  const hash = crypto.createHash("sha256");
  const walk = (folder) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else
        hash
          .update(`${path.relative(dir, full).split(path.sep).join("/")}\0`)
          .update(fs.readFileSync(full))
          .update("\0");
    }
  };
  walk(dir);
  return hash.digest("hex").slice(0, 16);
};

/** The comment webpack puts first in dist/index.js. */
const banner = (id = sourceHash()) => `/*! ${MARK} ${id} */`;

/** The build id stamped in a bundle, or undefined (not built, or built before stamping existed). */
const builtId = (file) => {
  if (!fs.existsSync(file)) return undefined;
  const fd = fs.openSync(file, "r");
  try {
    const head = Buffer.alloc(200);
    const read = fs.readSync(fd, head, 0, head.length, 0);
    const match = new RegExp(`^/\\*! ${MARK} ([0-9a-f]+) \\*/`).exec(head.subarray(0, read).toString("utf8"));
    return match ? match[1] : undefined;
  } finally {
    fs.closeSync(fd);
  }
};

module.exports = { sourceHash, banner, builtId };
