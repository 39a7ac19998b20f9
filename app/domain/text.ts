// Free text from every edge must be well-formed Unicode. Bodies with invalid UTF-8 are refused
// at the HTTP edge (app/platform/strict-body.server.ts); what remains is a lone UTF-16
// surrogate, which JSON can carry ("\ud800") and which is no character at all, and NUL
// ("\u0000"), which PostgreSQL text cannot hold. Both are refused, never stored or repaired.
import { z } from "zod";
import { AppError } from "./errors.ts";

// eslint-disable-next-line no-control-regex -- NUL is one of the two things these refuse
const WELL_FORMED = /^(?:[^\u0000\uD800-\uDFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF])*$/;
// eslint-disable-next-line no-control-regex -- as above
const ILL_FORMED = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Well-formed, storable Unicode: no lone UTF-16 surrogate and no NUL. */
export function isWellFormedText(text: string): boolean {
  return !ILL_FORMED.test(text);
}

/** The path of the first string in `value` (keys included) that is not well-formed text, or null. */
export function findIllFormedText(value: unknown, path = ""): string | null {
  if (typeof value === "string") return isWellFormedText(value) ? null : path || "input";
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findIllFormedText(value[i], path ? `${path}.${i}` : String(i));
      if (found !== null) return found;
    }
    return null;
  }
  if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      if (!isWellFormedText(key)) return at;
      const found = findIllFormedText(item, at);
      if (found !== null) return found;
    }
  }
  return null;
}

/** A string schema (chainable like z.string()) that refuses ill-formed text. */
export const zText = (params?: Parameters<typeof z.string>[0]) => z.string(params).regex(WELL_FORMED, "validation.invalidText");

/** Refuses input holding text that is not well-formed, before any schema reads it. */
export function assertWellFormedText(value: unknown): void {
  const path = findIllFormedText(value);
  if (path !== null) throw new AppError("VALIDATION", "errors.validation", { issues: [{ path, key: "validation.invalidText" }] });
}
