// Webpack loader for the generated tables (src/generated/**/*.json): the bundle carries them brotli-compressed
// (about a tenth of their size) and inflates each one when it is first required. Every flow step loads the bundle,
// so its size is start-up time; the tables stay plain JSON in the repository and in tests.
const zlib = require("zlib");

module.exports = function compressedJsonLoader(source) {
  const minified = Buffer.from(JSON.stringify(JSON.parse(source)));
  const packed = zlib.brotliCompressSync(minified, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).toString("base64");
  return `const zlib = require("zlib");\nmodule.exports = JSON.parse(zlib.brotliDecompressSync(Buffer.from(${JSON.stringify(packed)}, "base64")).toString("utf8"));\n`;
};
