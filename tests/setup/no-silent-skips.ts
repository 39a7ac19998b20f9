// A vitest reporter that fails a CI run in which a test was skipped: a suite that skips for
// want of Chromium, PostgreSQL or Redis proves nothing, and a green run must not hide it.
// The one exception is a run that says which services it deliberately goes without
// (MADANG_TEST_WITHOUT=postgres,redis for CI's embedded-PGlite pass): the suites that need
// them run in CI's PostgreSQL pass, where no skip is allowed.
import type { Reporter, TestModule } from "vitest/node";

export default class NoSilentSkips implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>) {
    if (process.env.CI !== "true" || process.env.MADANG_TEST_WITHOUT) return;
    const skipped: string[] = [];
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        if (test.result().state === "skipped") skipped.push(`${module.moduleId.replace(process.cwd() + "/", "")} > ${test.fullName}`);
      }
    }
    if (!skipped.length) return;
    console.error(`\n${skipped.length} test(s) skipped in CI — a skipped suite fails the run:\n  ${skipped.slice(0, 30).join("\n  ")}`);
    process.exitCode = 1;
  }
}
