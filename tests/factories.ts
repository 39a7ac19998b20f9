// Small builders for tests. They write through Prisma directly: they set up the world a
// test needs, they are not the code under test.
import { createHash } from "node:crypto";
import type { PrismaClient } from "../app/domain/db.ts";
import type { Role, Viewer } from "../app/domain/viewer.ts";
import type { RoundKind } from "../app/domain/rounds/round.schema.ts";
import { defaultPhases } from "../app/domain/rounds/templates.ts";

let seq = 0;
const next = () => ++seq;

export async function createReferenceData(prisma: PrismaClient, { threshold = 3, windowDays = 30, screening = false } = {}) {
  const settings = { supportThreshold: threshold, supportWindowDays: windowDays, screeningRequired: screening };
  await prisma.citySetting.upsert({
    where: { id: 1 },
    create: { id: 1, cityName: "군산시", cityNameEn: "Gunsan", ...settings },
    update: settings,
  });
  const [naun, okgu] = await Promise.all([
    prisma.district.create({ data: { code: "naun-2", name: "나운2동", nameEn: "Naun 2-dong", kind: "DONG", sortOrder: 1 } }),
    prisma.district.create({ data: { code: "okgu", name: "옥구읍", nameEn: "Okgu-eup", kind: "EUP", sortOrder: 2 } }),
  ]);
  const [transport, environment] = await Promise.all([
    prisma.category.create({ data: { code: "transport", name: "교통 및 물류", nameEn: "Transport and logistics", sortOrder: 1 } }),
    prisma.category.create({ data: { code: "environment", name: "환경", nameEn: "Environment", sortOrder: 2 } }),
  ]);
  const department = await prisma.department.create({
    data: { code: "traffic", name: "교통행정과", nameEn: "Traffic Administration", sortOrder: 1 },
  });
  return { districts: { naun, okgu }, categories: { transport, environment }, department };
}

export type UserOptions = Partial<{
  displayName: string;
  email: string;
  roles: Exclude<Role, "CITIZEN">[];
  departmentId: number;
  /** verified with a confirmed city residence (eligible under the defaults); default true */
  verified: boolean;
  birthDate: string;
  districtId: number | null;
  suspended: boolean;
  passwordHash: string;
}>;

/** A person, as the viewer the domain would see. Verified adult city resident by default. */
export async function createUser(prisma: PrismaClient, options: UserOptions = {}): Promise<NonNullable<Viewer>> {
  const n = next();
  const verified = options.verified ?? true;
  const birthDate = options.birthDate ?? "1985-04-12";
  const user = await prisma.user.create({
    data: {
      email: options.email ?? `user${n}-${Date.now()}@test.madang`,
      displayName: options.displayName ?? `시민${n}`,
      passwordHash: options.passwordHash ?? null,
      status: options.suspended ? "SUSPENDED" : "ACTIVE",
      suspensionReason: options.suspended ? "테스트 정지" : null,
      roles: {
        create: (options.roles ?? []).map((role) => ({ role, departmentId: role === "OFFICER" ? (options.departmentId ?? null) : null })),
      },
      ...(verified
        ? {
            identity: {
              create: {
                provider: "test",
                diHash: createHash("sha256").update(`test-di-${n}-${Math.random()}`).digest("hex"),
                birthDate: new Date(`${birthDate}T00:00:00Z`),
                birthYear: Number(birthDate.slice(0, 4)),
              },
            },
            affiliations: { create: { kind: "RESIDENT", districtId: options.districtId ?? null, source: "PROVIDER", status: "CONFIRMED" } },
          }
        : {}),
    },
    select: { id: true, displayName: true },
  });
  const roles = options.roles ?? [];
  return {
    id: user.id,
    displayName: user.displayName,
    roles: ["CITIZEN", ...roles],
    departmentId: roles.includes("OFFICER") ? (options.departmentId ?? null) : null,
    verified,
    suspended: options.suspended ?? false,
    sessionId: "",
  };
}

export function proposalInput(categoryId: number, overrides: Record<string, unknown> = {}) {
  return {
    title: "은파호수공원 산책로에 야간 조명을 설치해 주세요",
    body: "밤에 산책하는 시민이 많은데 조명이 부족해 위험합니다. 태양광 조명을 설치해 주세요.",
    categoryId,
    ...overrides,
  };
}

/**
 * A round with the kind's template phases laid out from `start` (phase 1 begins then), the
 * default rubric, and city-wide scope unless overridden.
 */
export function roundInput(start: Date, overrides: Record<string, unknown> = {}) {
  const kind = (overrides.kind as RoundKind | undefined) ?? "PARTICIPATORY_BUDGET";
  return {
    kind,
    title: "2027년 군산시 주민참여예산",
    description: "우리 동네에 필요한 사업을 시민이 직접 제안하고 토론해 예산에 반영합니다.",
    budgetCapKrw: 1_000_000_000,
    phases: defaultPhases(kind, start),
    ...overrides,
  };
}
