// Development identity provider: simulates phone verification (휴대폰 본인인증) for demos and
// tests. It "texts" a six-digit code, shown on screen and logged, and derives a stable DI from
// the phone number and birth date, so the same person always gets the same DI — exactly what
// duplicate-account prevention needs. Never enable it for a real city.
import { createHash, createHmac, randomInt, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { AppError, validationError } from "../errors.ts";
import type { IdentityProvider } from "../ports.ts";
import { isCalendarDate, koreanToday } from "./calendar-date.ts";

const CODE_TTL_MS = 5 * 60 * 1000;

export const ZDevVerificationInput = z.object({
  name: z.string().trim().min(2).max(30),
  phone: z
    .string()
    .trim()
    .transform((v) => v.replace(/[\s-]/g, ""))
    .refine((v) => /^01[016789]\d{7,8}$/.test(v), "validation.phone"),
  birthDate: z.string().trim().refine(isCalendarDate, "validation.date"),
  /** District of the registered address, as the provider would report it; empty = outside the city */
  districtCode: z
    .string()
    .trim()
    .max(60)
    .optional()
    .transform((v) => (v ? v : null)),
  /** Since when at that address (전입일), as a provider would report it; empty = not reported */
  residentSince: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || isCalendarDate(v), "validation.date"),
});

const hash = (value: string) => createHash("sha256").update(value).digest("hex");

export function createDevIdentityProvider({ log = console.log }: { log?: (line: string) => void } = {}): IdentityProvider {
  return {
    id: "dev",
    async start(input, { now }) {
      const parsed = ZDevVerificationInput.safeParse(input);
      if (!parsed.success) throw validationError(parsed.error);
      const { phone, birthDate, districtCode, residentSince } = parsed.data;
      const year = Number(birthDate.slice(0, 4));
      if (year < 1900 || new Date(`${birthDate}T00:00:00Z`).getTime() > now.getTime()) {
        throw new AppError("VALIDATION", "errors.validation", { issues: [{ path: "birthDate", key: "validation.date" }] });
      }
      if (residentSince !== null && (residentSince < birthDate || residentSince > koreanToday(now))) {
        throw new AppError("VALIDATION", "errors.validation", { issues: [{ path: "residentSince", key: "validation.date" }] });
      }
      const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
      log(`[dev identity provider] code ${code} for ${phone.slice(0, 3)}-****-${phone.slice(-4)}`);
      return {
        state: { codeHash: hash(code), phone, birthDate, districtCode, residentSince },
        expiresAt: new Date(now.getTime() + CODE_TTL_MS),
        devCode: code,
      };
    },
    async complete(state, input) {
      const code = typeof input === "object" && input ? String((input as { code?: unknown }).code ?? "").trim() : "";
      const expected = Buffer.from(String(state.codeHash));
      const given = Buffer.from(hash(code));
      if (!/^\d{6}$/.test(code) || expected.length !== given.length || !timingSafeEqual(expected, given)) {
        throw new AppError("VALIDATION", "errors.wrongCode", { issues: [{ path: "code", key: "errors.wrongCode" }] });
      }
      const birthDate = String(state.birthDate);
      return {
        di: createHmac("sha256", "madang-dev-identity-provider").update(`${state.phone}|${birthDate}`).digest("base64"),
        birthDate: new Date(`${birthDate}T00:00:00Z`),
        birthYear: Number(birthDate.slice(0, 4)),
        residency: {
          districtCode: (state.districtCode as string | null) ?? null,
          since: typeof state.residentSince === "string" ? new Date(`${state.residentSince}T00:00:00Z`) : null,
        },
      };
    },
  };
}
