// i18next set up synchronously from bundled resources, so server and browser render the
// same text without a loading step. Korean first; English second.
import i18next, { type i18n as I18n } from "i18next";
import { en } from "./en.ts";
import { ko } from "./ko.ts";

export const LANGUAGES = ["ko", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = "ko";
export const resources = { ko: { translation: ko }, en: { translation: en } };

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

const instances = new Map<Language, I18n>();

export function getI18n(lng: Language): I18n {
  let instance = instances.get(lng);
  if (!instance) {
    instance = i18next.createInstance();
    void instance.init({
      lng,
      fallbackLng: DEFAULT_LANGUAGE,
      resources,
      initAsync: false,
      interpolation: { escapeValue: false }, // React escapes
      returnNull: false,
      showSupportNotice: false,
    });
    instances.set(lng, instance);
  }
  return instance;
}

export function translate(lng: Language, key: string, params?: Record<string, unknown>): string {
  return getI18n(lng).t(key, params ?? {}) as string;
}

/** Picks the language from an explicit cookie, then Accept-Language, then Korean. */
export function languageFromHeaders(cookieHeader: string | null, acceptLanguage: string | null): Language {
  const fromCookie = /(?:^|;\s*)lng=(ko|en)\b/.exec(cookieHeader ?? "")?.[1];
  if (isLanguage(fromCookie)) return fromCookie;
  for (const part of (acceptLanguage ?? "").split(",")) {
    const tag = part.split(";")[0]!.trim().slice(0, 2).toLowerCase();
    if (isLanguage(tag)) return tag;
  }
  return DEFAULT_LANGUAGE;
}
