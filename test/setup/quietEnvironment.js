"use strict";
/**
 * jest's node environment, except that console.info and console.debug are held back per test and printed only when
 * that test fails. spectral's logger mock forwards every `logger.info` to the console, so passing tests would
 * otherwise fill `npm test` with progress lines nobody needs.
 */
const { TestEnvironment } = require("jest-environment-node");

const HELD = ["info", "debug"];

/** Replaces console.info/debug with a recorder; `flush(print)` replays the held calls (or drops them). */
const holdConsole = (console) => {
  const originals = Object.fromEntries(HELD.map((level) => [level, console[level]]));
  let held = [];
  for (const level of HELD) console[level] = (...args) => void held.push([level, args]);
  return {
    flush(print) {
      if (print) for (const [level, args] of held) originals[level].apply(console, args);
      held = [];
    },
  };
};

class QuietEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    // The test console becomes the tests' global console after construction; hold its methods before anyone spies on them.
    this.held = holdConsole(context.console);
  }

  async handleTestEvent(event) {
    if (event.name === "test_start") this.held.flush(false);
    if (event.name === "test_done") this.held.flush(event.test.errors.length > 0);
  }
}

module.exports = QuietEnvironment;
module.exports.holdConsole = holdConsole;
