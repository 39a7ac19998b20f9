// Small builders for tests. They write through Prisma directly: they set up the world a
// test needs, they are not the code under test.
import type { PrismaClient } from "../app/domain/db.ts";
import type { Viewer } from "../app/domain/viewer.ts";

let seq = 0;
const next = () => ++seq;

export async function createReferenceData(prisma: PrismaClient, { threshold = 3, windowDays = 30 } = {}) {
  await prisma.citySetting.upsert({
    where: { id: 1 },
    create: { id: 1, cityName: "군산시", cityNameEn: "Gunsan", supportThreshold: threshold, supportWindowDays: windowDays },
    update: { supportThreshold: threshold, supportWindowDays: windowDays },
  });
  const [naun, okgu] = await Promise.all([
    prisma.district.create({ data: { code: "naun-2", name: "나운2동", nameEn: "Naun 2-dong", kind: "DONG", sortOrder: 1 } }),
    prisma.district.create({ data: { code: "okgu", name: "옥구읍", nameEn: "Okgu-eup", kind: "EUP", sortOrder: 2 } }),
  ]);
  const [transport, environment] = await Promise.all([
    prisma.category.create({ data: { code: "transport", name: "교통 및 물류", nameEn: "Transport and logistics", sortOrder: 1 } }),
    prisma.category.create({ data: { code: "environment", name: "환경", nameEn: "Environment", sortOrder: 2 } }),
  ]);
  const department = await prisma.department.create({ data: { code: "traffic", name: "교통행정과", nameEn: "Traffic Administration", sortOrder: 1 } });
  return { districts: { naun, okgu }, categories: { transport, environment }, department };
}

export async function createUser(
  prisma: PrismaClient,
  overrides: Partial<{ displayName: string; role: NonNullable<Viewer>["role"]; email: string }> = {},
): Promise<NonNullable<Viewer>> {
  const n = next();
  const user = await prisma.user.create({
    data: {
      email: overrides.email ?? `user${n}-${Date.now()}@test.madang`,
      displayName: overrides.displayName ?? `시민${n}`,
      role: overrides.role ?? "CITIZEN",
    },
    select: { id: true, displayName: true, role: true, districtId: true, departmentId: true },
  });
  return user;
}

export function proposalInput(categoryId: number, overrides: Record<string, unknown> = {}) {
  return {
    title: "은파호수공원 산책로에 야간 조명을 설치해 주세요",
    body: "밤에 산책하는 시민이 많은데 조명이 부족해 위험합니다. 태양광 조명을 설치해 주세요.",
    categoryId,
    ...overrides,
  };
}
