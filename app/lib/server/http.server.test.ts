import { describe, expect, it } from "vitest";
import { AppError } from "../../domain/errors.ts";
import { translate } from "../../i18n/i18n.ts";
import { actionFailure, throwAsResponse } from "./http.server.ts";

describe("mapping a domain failure for a Remix action", () => {
  it("answers with the error's status, the localized error and what the form needs to show it", async () => {
    const error = new AppError("VALIDATION", "errors.validation", { issues: [{ path: "title", key: "validation.required" }] });
    const response = actionFailure(error, "ko", { ok: false as const, values: { title: "" } });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      ok: false,
      values: { title: "" },
      error: {
        code: "VALIDATION",
        message: translate("ko", "errors.validation"),
        issues: [{ path: "title", message: translate("ko", "validation.required") }],
      },
    });
  });

  it("answers with the error alone when the page needs nothing more", async () => {
    const response = actionFailure(new AppError("FORBIDDEN", "errors.forbidden"), "en");
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: { code: "FORBIDDEN", message: translate("en", "errors.forbidden") } });
  });

  it("rethrows anything that is not an expected failure, for actions and loaders alike", () => {
    const bug = new TypeError("boom");
    expect(() => actionFailure(bug, "ko", { ok: false })).toThrow(bug);
    expect(() => throwAsResponse(bug, "ko")).toThrow(bug);
  });
});

describe("mapping a domain failure for a loader", () => {
  const thrown = (error: unknown): Response => {
    try {
      throwAsResponse(error, "ko");
    } catch (response) {
      return response as Response;
    }
    throw new Error("throwAsResponse returned");
  };

  it("shows a page address with a malformed id as not found", async () => {
    const response = thrown(new AppError("VALIDATION", "errors.validation", { issues: [{ path: "id", key: "validation.invalidId" }] }));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: "NOT_FOUND", message: translate("ko", "errors.notFound") } });
  });

  it("keeps other validation failures as they are", () => {
    const response = thrown(new AppError("VALIDATION", "errors.validation", { issues: [{ path: "page", key: "validation.tooBig" }] }));
    expect(response.status).toBe(400);
  });
});
