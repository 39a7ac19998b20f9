// Every test file runs with this: a test that makes the code log console.error fails, since
// an error logged is an error someone will meet in production. A test that provokes one on
// purpose says so with `expectConsoleError(/pattern/)`.
import { afterEach, beforeEach } from "vitest";

let logged: string[] = [];
let expected: RegExp[] = [];
const original = console.error.bind(console);

beforeEach(() => {
  logged = [];
  expected = [];
  console.error = (...args: unknown[]) => {
    const text = args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : String(a))).join(" ");
    logged.push(text);
    original(...args);
  };
});

afterEach(() => {
  console.error = original;
  const unexpected = logged.filter((line) => !expected.some((pattern) => pattern.test(line)));
  if (unexpected.length) throw new Error(`console.error was called during the test:\n  ${unexpected.join("\n  ")}`);
});

/** Declares that the running test is meant to log an error matching `pattern`. */
export function expectConsoleError(pattern: RegExp) {
  expected.push(pattern);
}
