// The city's settings for high-rate commands: read once, dropped when an administrator saves
// them (`settings.changed`, forwarded to every node), and re-read after SETTINGS_CACHE_MS at the
// latest, which bounds a change made around the domain (a seed, an operator's SQL).
import type { PrismaClient } from "../db.ts";
import type { EventBus } from "../events.ts";
import { readCitySettings, type CitySettings } from "./city-settings.server.ts";

const SETTINGS_CACHE_MS = 5 * 1000;

export function createSettingsCache({ prisma, events }: { prisma: PrismaClient; events: EventBus }) {
  let current: { at: number; settings: Promise<CitySettings> } | null = null;
  events.subscribe("settings.changed", () => void (current = null));
  return {
    get(): Promise<CitySettings> {
      const now = performance.now();
      if (!current || now - current.at > SETTINGS_CACHE_MS) {
        const settings = readCitySettings(prisma);
        current = { at: now, settings };
        // A failed read is not remembered.
        settings.catch(() => void (current?.settings === settings && (current = null)));
      }
      return current.settings;
    },
  };
}

export type SettingsCache = ReturnType<typeof createSettingsCache>;
