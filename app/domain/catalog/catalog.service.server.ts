// Reference data every screen needs: districts (읍·면·동), budget fields (분야), departments, city rules.
import type { PrismaClient } from "../db.ts";
import type { NamedRef } from "../proposals/proposal.types.ts";
import { readCitySettings } from "./city-settings.server.ts";

export type CityInfo = { cityName: string; cityNameEn: string; supportThreshold: number; supportWindowDays: number };
export type DistrictRef = NamedRef & { kind: "EUP" | "MYEON" | "DONG" };

export function createCatalogService({ prisma }: { prisma: PrismaClient }) {
  const ref = { id: true, code: true, name: true, nameEn: true } as const;
  return {
    districts: (): Promise<DistrictRef[]> => prisma.district.findMany({ orderBy: { sortOrder: "asc" }, select: { ...ref, kind: true } }),
    categories: (): Promise<NamedRef[]> => prisma.category.findMany({ orderBy: { sortOrder: "asc" }, select: ref }),
    departments: (): Promise<NamedRef[]> => prisma.department.findMany({ orderBy: { sortOrder: "asc" }, select: ref }),
    async city(): Promise<CityInfo> {
      const { cityName, cityNameEn, supportThreshold, supportWindowDays } = await readCitySettings(prisma);
      return { cityName, cityNameEn, supportThreshold, supportWindowDays };
    },
  };
}

export type CatalogService = ReturnType<typeof createCatalogService>;
