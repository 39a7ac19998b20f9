// The one error model for expected failures. Each edge (Remix, GraphQL, socket.io)
// maps `code` to its own transport and localizes `messageKey` with i18n.
import type { ZodError } from "zod";

export const ErrorCodes = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ErrorCodes;

/** An interpolation value; names of things stored in both languages pass both. */
export type MessageParam = string | number | { ko: string; en: string };
export type MessageParams = Record<string, MessageParam>;

/** One problem with one input field, as an i18n key plus interpolation values. */
export type FieldIssue = { path: string; key: string; params?: MessageParams };

export class AppError extends Error {
  readonly code: ErrorCode;
  /** i18n key of the user-facing message, e.g. "errors.proposalNotFound" */
  readonly messageKey: string;
  readonly params: MessageParams;
  readonly issues: FieldIssue[];

  constructor(code: ErrorCode, messageKey: string, options: { params?: MessageParams; issues?: FieldIssue[] } = {}) {
    super(`${code}: ${messageKey}`);
    this.name = "AppError";
    this.code = code;
    this.messageKey = messageKey;
    this.params = options.params ?? {};
    this.issues = options.issues ?? [];
  }

  get httpStatus(): number {
    return ErrorCodes[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  // The Remix bundle and the server each load their own copy of this module, so
  // instanceof alone is not enough across that boundary.
  return (
    error instanceof AppError ||
    (error instanceof Error &&
      error.name === "AppError" &&
      typeof (error as AppError).code === "string" &&
      typeof (error as AppError).messageKey === "string")
  );
}

/** Turns zod issues into localizable field issues. */
export function validationError(error: ZodError): AppError {
  const issues = error.issues.map((issue): FieldIssue => {
    const path = issue.path.join(".") || "input";
    // A schema may name its own key by passing an i18n key (validation.* or an area's errors.*) as the message.
    if (/^(validation|[a-zA-Z]+\.errors)\./.test(issue.message)) return { path, key: issue.message };
    switch (issue.code) {
      case "too_small":
        if (issue.type === "string")
          return Number(issue.minimum) <= 1
            ? { path, key: "validation.required" }
            : { path, key: "validation.tooShort", params: { min: Number(issue.minimum) } };
        // A positive id (min 0, exclusive) left blank arrives as 0: that is a missing choice.
        if (issue.type === "number" && !issue.inclusive && Number(issue.minimum) === 0) return { path, key: "validation.required" };
        return { path, key: "validation.tooSmall", params: { min: Number(issue.minimum) } };
      case "too_big":
        if (issue.type === "string") return { path, key: "validation.tooLong", params: { max: Number(issue.maximum) } };
        return { path, key: "validation.tooBig", params: { max: Number(issue.maximum) } };
      case "invalid_type":
        return issue.received === "undefined" || issue.received === "null"
          ? { path, key: "validation.required" }
          : { path, key: "validation.invalid" };
      case "invalid_enum_value":
        return { path, key: "validation.invalidChoice" };
      default:
        return { path, key: "validation.invalid" };
    }
  });
  return new AppError("VALIDATION", "errors.validation", { issues });
}

export const notFound = (messageKey = "errors.notFound") => new AppError("NOT_FOUND", messageKey);
