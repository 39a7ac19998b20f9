import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./markdown.server.ts";

describe("markdown", () => {
  it("keeps simple formatting", () => {
    expect(renderMarkdown("**굵게** 그리고 *기울임*\n\n- 하나\n- 둘")).toBe(
      "<p><strong>굵게</strong> 그리고 <em>기울임</em></p>\n<ul>\n<li>하나</li>\n<li>둘</li>\n</ul>\n",
    );
    expect(renderMarkdown("[시청](https://www.gunsan.go.kr)")).toContain('href="https://www.gunsan.go.kr"');
  });

  it("renders stored XSS payloads inert", () => {
    const payloads = [
      "<script>alert(1)</script>",
      '<img src=x onerror="alert(1)">',
      "[클릭](javascript:alert(1))",
      '<a href="javascript:alert(1)">x</a>',
      "<iframe src=https://evil.example></iframe>",
      '<svg onload="alert(1)"></svg>',
      '<p style="background:url(javascript:alert(1))">x</p>',
    ];
    for (const payload of payloads) {
      const html = renderMarkdown(payload);
      expect(html, payload).not.toMatch(/<script|<img|<iframe|<svg|onerror=|onload=|javascript:|style=/i);
    }
  });
});
