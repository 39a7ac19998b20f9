// The one reading of ids for every edge (web forms, URL segments, GraphQL, sockets).
// An id is a positive integer, or its plain decimal string ("12"), within the database's
// integer range — nothing is coerced: true, "0x10", "1e3", " 7", "007" and 1.5 are refused.
import { z } from "zod";
import { AppError } from "./errors.ts";

/** Ids are PostgreSQL `integer` columns. */
export const MAX_ID = 2_147_483_647;
const DECIMAL_ID = /^[1-9][0-9]{0,9}$/;

/** The id in `value`, or null when it is not one. */
export function toId(value: unknown): number | null {
  if (typeof value === "number") return Number.isSafeInteger(value) && value >= 1 && value <= MAX_ID ? value : null;
  if (typeof value === "string" && DECIMAL_ID.test(value)) {
    const id = Number(value);
    return id <= MAX_ID ? id : null;
  }
  return null;
}

const isBlank = (value: unknown) => value === undefined || value === null || value === "";

/**
 * A required id: blank is `blankKey` ("validation.required", or a form's own "choose one"),
 * anything else that is not an id is "validation.invalidId".
 */
export const zRequiredId = (blankKey = "validation.required") =>
  z.unknown().transform((value, ctx): number => {
    if (isBlank(value)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: blankKey });
      return z.NEVER;
    }
    const id = toId(value);
    if (id === null) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "validation.invalidId" });
      return z.NEVER;
    }
    return id;
  });
export const zId = zRequiredId();

/** An optional id: undefined, null and "" (an empty form choice) mean none. */
export const zOptionalId = z.unknown().transform((value, ctx): number | undefined => {
  if (isBlank(value)) return undefined;
  const id = toId(value);
  if (id === null) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: "validation.invalidId" });
    return z.NEVER;
  }
  return id;
});

/** Parses one id argument, refusing anything else with VALIDATION (nothing is looked up or written). */
export function parseId(value: unknown, path = "id"): number {
  const id = toId(value);
  if (id !== null) return id;
  throw new AppError("VALIDATION", "errors.validation", {
    issues: [{ path, key: isBlank(value) ? "validation.required" : "validation.invalidId" }],
  });
}
