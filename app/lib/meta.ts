// Localized document titles: meta functions read the language from the root loader.
import { DEFAULT_LANGUAGE, isLanguage, translate } from "../i18n/i18n.ts";

type Match = { id: string; data: unknown };

export function pageTitle(matches: Match[], key: string | null, literal?: string): { title: string } {
  const lng = (matches.find((m) => m.id === "root")?.data as { lng?: unknown } | undefined)?.lng;
  const language = isLanguage(lng) ? lng : DEFAULT_LANGUAGE;
  const appName = translate(language, "app.name");
  const page = literal ?? (key ? translate(language, key) : null);
  return { title: page ? `${page} · ${appName}` : appName };
}
