// The demo city's 본인인증 provider: the seeded people verify their identity through the
// identity service like anyone else (a keyed DI hash, the birth date, a confirmed residence with
// its move-in date, an audit entry), with a provider that vouches for made-up people only. Its
// DI is "madang-seed:<person>", which no real provider reports, so no real person can ever
// collide with a demo one. Only the seed's own domain has it; the server never offers it.
import { z } from "zod";
import { AppError, validationError } from "../app/domain/errors.ts";
import type { IdentityProvider } from "../app/domain/ports.ts";

export const SEED_PROVIDER_ID = "seed";

const DAY = 24 * 60 * 60 * 1000;
const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "validation.date");

export const ZSeedIdentity = z.object({
  /** Who the provider vouches for (the seed uses the e-mail address). */
  person: z.string().trim().min(1).max(254),
  birthDate: calendarDate,
  /** District of the registered address; null = outside the city. */
  districtCode: z.string().trim().min(1).max(60).nullable(),
  /** 전입일 at that address. */
  residentSince: calendarDate.nullable(),
});
export type SeedIdentity = z.infer<typeof ZSeedIdentity>;

/** A calendar date (YYYY-MM-DD) of the UTC day `at` falls on: the seed's days start at 09:00 KST. */
export const calendarDay = (at: Date | number) => new Date(at).toISOString().slice(0, 10);

export function createSeedIdentityProvider(): IdentityProvider {
  return {
    id: SEED_PROVIDER_ID,
    async start(input, { now }) {
      const parsed = ZSeedIdentity.safeParse(input);
      if (!parsed.success) throw validationError(parsed.error);
      const identity = parsed.data;
      const today = calendarDay(now);
      if (identity.birthDate > today)
        throw new AppError("VALIDATION", "errors.validation", { issues: [{ path: "birthDate", key: "validation.date" }] });
      if (identity.residentSince !== null && (identity.residentSince < identity.birthDate || identity.residentSince > today)) {
        throw new AppError("VALIDATION", "errors.validation", { issues: [{ path: "residentSince", key: "validation.date" }] });
      }
      return { state: identity, expiresAt: new Date(now.getTime() + DAY) };
    },
    async complete(state) {
      const identity = ZSeedIdentity.parse(state);
      return {
        di: `madang-seed:${identity.person}`,
        birthDate: new Date(`${identity.birthDate}T00:00:00Z`),
        birthYear: Number(identity.birthDate.slice(0, 4)),
        residency: {
          districtCode: identity.districtCode,
          since: identity.residentSince ? new Date(`${identity.residentSince}T00:00:00Z`) : null,
        },
      };
    },
  };
}
