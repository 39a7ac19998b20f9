// Prepares a migrated, empty database for the run, in bulk SQL while the app is stopped: the
// city's row with the demo city's rules (threshold 50, tiers at 100 and 1,000, the default
// eligibility: verified, 14 or older, belonging to the city), one 분야, an author with P open
// proposals (no 공감 yet), and V verified residents with a live session each. The session
// cookie is signed exactly as the app signs it (app/auth/auth.server.ts: a Remix cookie
// holding the session id, signed with SESSION_SECRET).
import { randomBytes } from "node:crypto";
import { createCookie } from "@remix-run/node";
import { SESSION_COOKIE } from "../../app/auth/auth.server.ts";
import type { Sql } from "./database.ts";

export type Voter = { userId: number; cookie: string };
export type Prepared = { proposalIds: number[]; voters: Voter[]; authorId: number };

/** The demo city's settings (prisma/seed-story.ts CITY, eligibility {}): the run crosses the threshold and both tiers for real. */
const CITY = {
  cityName: "군산시",
  cityNameEn: "Gunsan",
  supportThreshold: 50,
  supportWindowDays: 30,
  screeningRequired: true,
  answerDeadlineDays: 30,
  supportTiers: [
    { threshold: 100, consequence: "FORUM" },
    { threshold: 1000, consequence: "MAYOR_ANSWER" },
  ],
};

export async function prepare(
  sql: Sql,
  { voters, proposals, secret }: { voters: number; proposals: number; secret: string },
): Promise<Prepared> {
  await sql.query(
    `insert into "CitySetting" ("id", "cityName", "cityNameEn", "supportThreshold", "supportWindowDays", "screeningRequired",
       "answerDeadlineDays", "supportTiers", "eligibility", "updatedAt")
     values (1, $1, $2, $3, $4, $5, $6, $7::jsonb, '{}'::jsonb, now())
     on conflict ("id") do update set "supportThreshold" = excluded."supportThreshold", "supportTiers" = excluded."supportTiers",
       "eligibility" = excluded."eligibility", "updatedAt" = now()`,
    [
      CITY.cityName,
      CITY.cityNameEn,
      CITY.supportThreshold,
      CITY.supportWindowDays,
      CITY.screeningRequired,
      CITY.answerDeadlineDays,
      JSON.stringify(CITY.supportTiers),
    ],
  );
  const [category] = await sql.query<{ id: number }>(
    `insert into "Category" ("code", "name", "nameEn", "sortOrder") values ('bench', '일반공공행정', 'General administration', 1)
     on conflict ("code") do update set "name" = excluded."name" returning "id"`,
  );

  // People: the author first, then the voters; every one verified (a DI hash of their own) and a resident of the city.
  await sql.query(
    `insert into "User" ("email", "displayName")
     select case when i = 0 then 'bench-author@bench.madang' else 'bench-voter-' || i || '@bench.madang' end,
            case when i = 0 then '벤치 제안자' else '벤치 주민 ' || i end
       from generate_series(0, $1::int) as i`,
    [voters],
  );
  const people = await sql.query<{ id: number; email: string }>(
    `select "id", "email" from "User" where "email" like 'bench-%@bench.madang' order by "id"`,
  );
  const authorId = people.find((p) => p.email === "bench-author@bench.madang")!.id;
  const voterIds = people.filter((p) => p.id !== authorId).map((p) => p.id);
  await sql.query(
    `insert into "IdentityVerification" ("userId", "provider", "diHash", "birthDate", "birthYear")
     select u."id", 'bench', 'bench-di-' || u."id", date '1980-05-05', 1980 from "User" u where u."email" like 'bench-%@bench.madang'`,
  );
  await sql.query(
    `insert into "Affiliation" ("userId", "kind", "districtId", "source", "status", "since")
     select u."id", 'RESIDENT', null, 'PROVIDER', 'CONFIRMED', date '2000-01-01' from "User" u where u."email" like 'bench-%@bench.madang'`,
  );

  // P proposals, open for 공감 for the next 30 days, by the author (who never supports them).
  await sql.query(
    `insert into "Proposal" ("title", "body", "authorId", "categoryId", "status", "openedAt", "closesAt", "updatedAt")
     select '부하 시험 제안 ' || i, '공감 부하 시험을 위한 제안입니다. 생활 밀착형 사업을 제안합니다. (' || i || ')', $1, $2, 'OPEN', now(),
            now() + interval '30 days', now()
       from generate_series(1, $3::int) as i`,
    [authorId, category!.id, proposals],
  );
  const proposalRows = await sql.query<{ id: number }>(`select "id" from "Proposal" where "authorId" = $1 order by "id"`, [authorId]);

  // One live session per voter, its id shaped like the app's (32 random bytes, base64url).
  const sessionIds = voterIds.map(() => randomBytes(32).toString("base64url"));
  await sql.query(
    `insert into "Session" ("id", "userId", "expiresAt", "lastSeenAt")
     select s.id, s."userId"::int, now() + interval '1 day', now()
       from unnest(string_to_array($1, ','), string_to_array($2, ',')) as s(id, "userId")`,
    [sessionIds.join(","), voterIds.join(",")],
  );
  const cookie = createCookie(SESSION_COOKIE, { secrets: [secret] });
  const cookies = await Promise.all(sessionIds.map(async (id) => (await cookie.serialize(id)).split(";")[0]!));
  return {
    authorId,
    proposalIds: proposalRows.map((p) => p.id),
    voters: voterIds.map((userId, i) => ({ userId, cookie: cookies[i]! })),
  };
}
