"use strict";
/** How the command-line scripts (invoke, demo) run their `main(argv)`: exit code, output and failures alike. */

/** Runs `main` with the command-line arguments and exits with the code it resolves to once stdout is flushed. */
const runMain = (main) => {
  // Piped into `head`: stop quietly when the reader goes away.
  process.stdout.on("error", (error) => process.exit(error.code === "EPIPE" ? 0 : 1));
  // Exit explicitly once stdout is flushed: keep-alive sockets and timers of the HTTP client must not hold the process.
  main(process.argv.slice(2)).then(
    (code) => process.stdout.write("", () => process.exit(code)),
    (error) => {
      process.stderr.write(`${error && error.stack}\n`);
      process.exit(1);
    },
  );
};

module.exports = { runMain };
