// Localizes domain errors for any edge.
import { isAppError, type AppError, type ErrorCode } from "../domain/errors.ts";
import { translate, type Language } from "./i18n.ts";

export type LocalizedError = {
  code: ErrorCode;
  message: string;
  issues?: { path: string; message: string }[];
};

export function localizeError(error: unknown, lng: Language): LocalizedError {
  if (!isAppError(error)) return { code: "INTERNAL", message: translate(lng, "errors.internal") };
  return localizeAppError(error, lng);
}

export function localizeAppError(error: AppError, lng: Language): LocalizedError {
  const localized: LocalizedError = { code: error.code, message: translate(lng, error.messageKey, error.params) };
  if (error.issues.length) {
    localized.issues = error.issues.map((i) => ({ path: i.path, message: translate(lng, i.key, i.params) }));
  }
  return localized;
}
