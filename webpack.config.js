// Builds the one CommonJS bundle Prismatic loads: dist/index.js with every dependency inside,
// plus dist/icon.png. Only src/ is an entry, so test/, sandbox/ and bench/ never reach the bundle.
const path = require("path");
const CopyPlugin = require("copy-webpack-plugin");
const { BannerPlugin } = require("webpack");
const { banner } = require("./scripts/build-id");

module.exports = {
  entry: "./src/index.ts",
  target: "node",
  mode: "production",
  devtool: false,
  output: {
    path: path.resolve(__dirname, "dist"),
    filename: "index.js",
    library: { type: "commonjs2" },
    clean: true,
  },
  resolve: { extensions: [".ts", ".js"] },
  module: {
    rules: [
      {
        // The generated tables, compressed in the bundle and inflated on first use (see the loader).
        test: /src[\\/]generated[\\/].*\.json$/,
        type: "javascript/auto",
        loader: path.resolve(__dirname, "scripts/webpack/compressed-json-loader.js"),
      },
      {
        test: /\.ts$/,
        loader: "ts-loader",
        exclude: /node_modules/,
        options: { transpileOnly: true, configFile: "tsconfig.build.json" },
      },
    ],
  },
  optimization: { minimize: false },
  plugins: [
    new CopyPlugin({ patterns: [{ from: "assets/icon.png", to: "icon.png" }] }),
    // The hash of src/ as the first line, so the runner can tell a stale bundle from a current one (scripts/build-id.js).
    new BannerPlugin({ banner: () => banner(), raw: true, entryOnly: true }),
  ],
  performance: { hints: false },
  // spectral's index re-exports its testing helpers, which pull jest-util's dynamic require: harmless at run time.
  ignoreWarnings: [{ module: /node_modules\/jest-util/ }],
};
