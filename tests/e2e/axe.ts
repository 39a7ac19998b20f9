import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/** Runs axe-core in the page and returns serious and critical violations. */
export async function seriousA11yViolations(page: Page) {
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const result = await (window as any).axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 4).map((n: any) => `${n.target.join(" ")}: ${n.failureSummary?.split("\n").slice(1, 2).join("")}`),
    }));
  });
  return (violations as { id: string; impact: string; help: string; nodes: string[] }[]).filter((v) =>
    ["serious", "critical"].includes(v.impact),
  );
}
