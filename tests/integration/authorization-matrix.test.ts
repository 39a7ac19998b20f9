// The authorization matrix: every GraphQL mutation and every socket command, run as each
// kind of person, must be allowed or refused exactly as listed here. A mutation or command
// without an entry fails this test, so nothing new ships without its policy.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../app/domain/accounts/password.server.ts";
import type { PrismaClient } from "../../app/domain/db.ts";
import { translate } from "../../app/i18n/i18n.ts";
import { schema } from "../../graphql/schema.ts";
import { createReferenceData, createUser, proposalInput } from "../factories.ts";
import { createTestDatabase, type TestDatabase } from "../setup/test-database.ts";
import { startTestServer } from "../utils/server.ts";
import { sessionCookieFor } from "../utils/session.ts";

// "suspended": a verified citizen whose account is suspended (app/domain/roles/participation.policy.ts).
const PERSONAS = ["anonymous", "unverified", "citizen", "otherCitizen", "suspended", "officer", "committee", "moderator", "admin"] as const;
type Persona = (typeof PERSONAS)[number];
type Outcome = "allow" | "deny";

const PASSWORD = "matrix password 2026";
let db: TestDatabase;
let app: Awaited<ReturnType<typeof startTestServer>>;
let ref: Awaited<ReturnType<typeof createReferenceData>>;
let passwordHash: string;

beforeAll(async () => {
  db = await createTestDatabase();
  ref = await createReferenceData(db.prisma);
  app = await startTestServer(db);
  passwordHash = await hashPassword(PASSWORD);
});
afterAll(async () => {
  await app?.close();
  await db?.drop();
});

/** A fresh person of the given kind, with a session token (null for anonymous). */
async function personaSession(prisma: PrismaClient, persona: Persona) {
  if (persona === "anonymous") return { token: null, cookie: undefined, userId: null };
  const user = await createUser(prisma, {
    passwordHash,
    verified: persona !== "unverified",
    suspended: persona === "suspended",
    roles:
      persona === "officer"
        ? ["OFFICER"]
        : persona === "committee"
          ? ["COMMITTEE"]
          : persona === "moderator"
            ? ["MODERATOR"]
            : persona === "admin"
              ? ["ADMIN"]
              : [],
    departmentId: ref.department.id,
  });
  const cookie = await sessionCookieFor(prisma, user.id);
  const token = await app.server.auth.sessionIdFromCookieHeader(cookie);
  return { token, cookie, userId: user.id };
}

async function gqlAs(token: string | null, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${app.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
}

const denied = (codes: (string | undefined)[]) => codes.some((c) => c === "UNAUTHENTICATED" || c === "FORBIDDEN");
/** Where a citizen is allowed, the suspended persona is refused for its suspension, not something else. */
const SUSPENDED_MESSAGE = translate("ko", "errors.suspended");

type Context = {
  userId: number | null;
  otherProposalId: number;
  otherUserId: number;
  pendingAffiliationId: number;
  /** Assigned to the officers' department (ref.department). */
  assignedProposalId: number;
  milestoneId: number;
  /** A comment by someone who is none of the personas. */
  commentId: number;
  round: RoundFixture;
};

async function setup(): Promise<Omit<Context, "userId">> {
  const other = await createUser(db.prisma);
  const proposal = await app.server.domain.proposals.create(other, proposalInput(ref.categories.transport.id));
  const claimant = await createUser(db.prisma);
  const claim = await app.server.domain.identity.declareAffiliation(claimant, { kind: "WORKER" });
  const assigned = await app.server.domain.proposals.create(other, proposalInput(ref.categories.transport.id));
  await db.prisma.proposal.update({ where: { id: assigned.id }, data: { status: "ASSIGNED", departmentId: ref.department.id } });
  const milestone = await db.prisma.milestone.create({ data: { proposalId: assigned.id, title: "시험 단계" } });
  const comment = await app.server.domain.comments.post(other, { proposalId: proposal.id, body: "매트릭스 시험용 의견입니다." });
  const round = await roundFixture();
  return {
    otherProposalId: proposal.id,
    otherUserId: other.id,
    pendingAffiliationId: claim.id,
    assignedProposalId: assigned.id,
    milestoneId: milestone.id,
    commentId: comment.id,
    round,
  };
}

type RoundFixture = {
  draftId: number;
  id: number;
  votingPhaseId: number;
  criterionIds: number[];
  entryId: number;
  candidateProposalId: number;
};

/**
 * For the round mutations: a draft round, and a published one whose running phase allows
 * submitting and reviewing, with an entry assigned to the officers' department (by someone
 * who is none of the personas) and another passed proposal not yet in it.
 */
async function roundFixture(): Promise<RoundFixture> {
  const { domain } = app.server;
  const organizer = await createUser(db.prisma, { roles: ["MODERATOR"] });
  const author = await createUser(db.prisma);
  const hour = 3600_000;
  const input = {
    kind: "CONTEST" as const,
    title: "매트릭스 시험 라운드",
    description: "권한 매트릭스를 시험하는 라운드입니다.",
    phases: [
      {
        name: "접수·검토",
        startsAt: new Date(Date.now() - hour),
        endsAt: new Date(Date.now() + 240 * hour),
        allows: ["SUBMIT" as const, "REVIEW" as const, "COMMENT" as const],
      },
      { name: "투표", startsAt: new Date(Date.now() + 240 * hour), endsAt: new Date(Date.now() + 480 * hour), allows: ["VOTE" as const] },
    ],
  };
  const draft = await domain.rounds.create(organizer, input);
  const round = await domain.rounds.publish(organizer, (await domain.rounds.create(organizer, input)).id);
  const passed = async () => {
    const p = await domain.proposals.create(author, proposalInput(ref.categories.transport.id));
    await db.prisma.proposal.update({ where: { id: p.id }, data: { status: "THRESHOLD_REACHED" } });
    return p.id;
  };
  const entry = await domain.entries.add(organizer, { roundId: round.id, proposalId: await passed() });
  await domain.entries.assign(organizer, { entryId: entry.id, departmentId: ref.department.id });
  return {
    draftId: draft.id,
    id: round.id,
    votingPhaseId: round.phases[1]!.id,
    criterionIds: round.criteria.map((c) => c.id),
    entryId: entry.id,
    candidateProposalId: await passed(),
  };
}

const everyone = (outcome: Outcome) => Object.fromEntries(PERSONAS.map((p) => [p, outcome])) as Record<Persona, Outcome>;
/** What a suspended person keeps: following, their notifications, their data and account. */
const loggedIn: Record<Persona, Outcome> = { ...everyone("allow"), anonymous: "deny" };
/** Changes to public content: signed in and not suspended. */
const participating: Record<Persona, Outcome> = { ...loggedIn, suspended: "deny" };
const eligible: Record<Persona, Outcome> = { ...participating, unverified: "deny" };
const moderators: Record<Persona, Outcome> = { ...everyone("deny"), moderator: "allow", admin: "allow" };
const admins: Record<Persona, Outcome> = { ...everyone("deny"), admin: "allow" };
/** The officers of the department a proposal is assigned to (and admins). */
const departmentOfficers: Record<Persona, Outcome> = { ...everyone("deny"), officer: "allow", admin: "allow" };
/** Feasibility reviews: the reviewing department's officers, and moderators. */
const entryReviewers: Record<Persona, Outcome> = { ...everyone("deny"), officer: "allow", moderator: "allow", admin: "allow" };
/** Committee scoring: committee members only (admins and moderators are not the committee). */
const committeeOnly: Record<Persona, Outcome> = { ...everyone("deny"), committee: "allow" };
const roundInput = () => ({
  kind: "CONTEST",
  title: "매트릭스 라운드",
  description: "권한 매트릭스를 시험하는 라운드입니다.",
  phases: [
    {
      name: "제안 접수",
      startsAt: new Date(Date.now() + 3600_000).toISOString(),
      endsAt: new Date(Date.now() + 86_400_000).toISOString(),
      allows: ["SUBMIT"],
    },
  ],
});

type Case = { query: string; variables: (c: Context) => Record<string, unknown>; expected: Record<Persona, Outcome> };

const MUTATIONS: Record<string, Case> = {
  createProposal: {
    query: `mutation($input: CreateProposalInput!) { createProposal(input: $input) { id } }`,
    variables: () => ({ input: { ...proposalInput(ref.categories.transport.id), categoryId: String(ref.categories.transport.id) } }),
    expected: eligible,
  },
  supportProposal: {
    query: `mutation($id: ID!) { supportProposal(id: $id) { supportCount } }`,
    variables: (c) => ({ id: c.otherProposalId }),
    expected: eligible,
  },
  withdrawSupport: {
    query: `mutation($id: ID!) { withdrawSupport(id: $id) { supportCount } }`,
    variables: (c) => ({ id: c.otherProposalId }),
    expected: participating,
  },
  signUp: {
    query: `mutation($input: SignUpInput!) { signUp(input: $input) { token } }`,
    variables: () => ({
      input: {
        email: `m${Math.random().toString(36).slice(2)}@example.kr`,
        displayName: "매트릭스",
        password: PASSWORD,
        passwordConfirm: PASSWORD,
        consentPrivacy: true,
      },
    }),
    expected: everyone("allow"),
  },
  logIn: {
    query: `mutation($email: String!, $password: String!) { logIn(email: $email, password: $password) { token } }`,
    variables: () => ({ email: "nobody@example.kr", password: "whatever password" }),
    expected: everyone("allow"),
  },
  logOut: { query: `mutation { logOut }`, variables: () => ({}), expected: loggedIn },
  changePassword: {
    query: `mutation($a: String!, $b: String!) { changePassword(currentPassword: $a, newPassword: $b, newPasswordConfirm: $b) }`,
    variables: () => ({ a: PASSWORD, b: "a new matrix password" }),
    expected: loggedIn,
  },
  requestPasswordReset: {
    query: `mutation { requestPasswordReset(email: "someone@example.kr") }`,
    variables: () => ({}),
    expected: everyone("allow"),
  },
  resetPassword: {
    query: `mutation { resetPassword(token: "no-such-token-000000000000", password: "a new matrix password", passwordConfirm: "a new matrix password") }`,
    variables: () => ({}),
    expected: everyone("allow"),
  },
  deleteMyAccount: {
    query: `mutation($p: String!) { deleteMyAccount(password: $p, confirm: true) }`,
    variables: () => ({ p: PASSWORD }),
    expected: loggedIn,
  },
  startVerification: {
    query: `mutation($input: JSON!) { startVerification(provider: "dev", input: $input) { attemptId } }`,
    variables: () => ({ input: { name: "홍길동", phone: "010-9999-0000", birthDate: "1990-01-01" } }),
    expected: loggedIn,
  },
  completeVerification: {
    query: `mutation { completeVerification(attemptId: "unknown", input: { code: "123456" }) { id } }`,
    variables: () => ({}),
    expected: loggedIn,
  },
  declareAffiliation: { query: `mutation { declareAffiliation(kind: STUDENT) { id } }`, variables: () => ({}), expected: eligible },
  reviewAffiliation: {
    query: `mutation($id: ID!) { reviewAffiliation(affiliationId: $id, decision: CONFIRMED) }`,
    variables: (c) => ({ id: c.pendingAffiliationId }),
    expected: moderators,
  },
  assignRole: {
    query: `mutation($id: ID!) { assignRole(userId: $id, role: COMMITTEE) }`,
    variables: (c) => ({ id: c.otherUserId }),
    expected: admins,
  },
  removeRole: {
    query: `mutation($id: ID!) { removeRole(userId: $id, role: COMMITTEE) }`,
    variables: (c) => ({ id: c.otherUserId }),
    expected: admins,
  },
  suspendUser: {
    query: `mutation($id: ID!) { suspendUser(userId: $id, days: 1, reason: "매트릭스 시험") }`,
    variables: (c) => ({ id: c.otherUserId }),
    expected: moderators,
  },
  unsuspendUser: {
    query: `mutation($id: ID!) { unsuspendUser(userId: $id) }`,
    variables: (c) => ({ id: c.otherUserId }),
    expected: moderators,
  },
  revokeUserSessions: {
    query: `mutation($id: ID!) { revokeUserSessions(userId: $id, reason: "매트릭스 시험") }`,
    variables: (c) => ({ id: c.otherUserId }),
    expected: admins,
  },
  updateCitySettings: {
    query: `mutation { updateCitySettings(cityName: "군산시", cityNameEn: "Gunsan", supportThreshold: 3, supportWindowDays: 30, eligibility: {}) { supportThreshold } }`,
    variables: () => ({}),
    expected: admins,
  },
  saveDepartment: {
    query: `mutation($code: String!) { saveDepartment(code: $code, name: "시험부서", nameEn: "Test Dept") { id } }`,
    variables: () => ({ code: `dept-${Math.random().toString(36).slice(2, 8)}` }),
    expected: admins,
  },
  updateDistrict: {
    query: `mutation($id: ID!) { updateDistrict(districtId: $id, name: "옥구읍", nameEn: "Okgu-eup") { id } }`,
    variables: () => ({ id: ref.districts.okgu.id }),
    expected: admins,
  },
  // Into itself: moderators get past the scope and are refused by the domain (VALIDATION), others are denied.
  screenProposal: {
    query: `mutation($id: ID!) { screenProposal(proposalId: $id, decision: OPEN) }`,
    variables: (c) => ({ id: c.otherProposalId }),
    expected: moderators,
  },
  assignProposal: {
    query: `mutation($id: ID!, $d: ID!) { assignProposal(proposalId: $id, departmentId: $d) }`,
    variables: (c) => ({ id: c.otherProposalId, d: ref.department.id }),
    expected: moderators,
  },
  answerProposal: {
    query: `mutation($id: ID!) { answerProposal(proposalId: $id, kind: INTERIM, body: "현장을 확인하고 있습니다. 곧 답하겠습니다.") }`,
    variables: (c) => ({ id: c.assignedProposalId }),
    expected: departmentOfficers,
  },
  addMilestone: {
    query: `mutation($id: ID!) { addMilestone(proposalId: $id, title: "설계") }`,
    variables: (c) => ({ id: c.assignedProposalId }),
    expected: departmentOfficers,
  },
  completeMilestone: {
    query: `mutation($id: ID!) { completeMilestone(milestoneId: $id) }`,
    variables: (c) => ({ id: c.milestoneId }),
    expected: departmentOfficers,
  },
  followProposal: {
    query: `mutation($id: ID!) { followProposal(proposalId: $id) }`,
    variables: (c) => ({ id: c.otherProposalId }),
    expected: loggedIn,
  },
  unfollowProposal: {
    query: `mutation($id: ID!) { unfollowProposal(proposalId: $id) }`,
    variables: (c) => ({ id: c.otherProposalId }),
    expected: loggedIn,
  },
  markNotificationsRead: { query: `mutation { markNotificationsRead }`, variables: () => ({}), expected: loggedIn },
  // Rounds (graphql/types/round.ts).
  createRound: {
    query: `mutation($input: RoundInput!) { createRound(input: $input) { id } }`,
    variables: () => ({ input: roundInput() }),
    expected: moderators,
  },
  updateRound: {
    query: `mutation($id: ID!, $input: RoundInput!) { updateRound(id: $id, input: $input) { id } }`,
    variables: (c) => ({ id: c.round.draftId, input: roundInput() }),
    expected: moderators,
  },
  publishRound: {
    query: `mutation($id: ID!) { publishRound(id: $id) { id } }`,
    variables: (c) => ({ id: c.round.draftId }),
    expected: moderators,
  },
  overrideRoundPhase: {
    query: `mutation($id: ID!, $t: String!) { overrideRoundPhase(roundId: $id, target: $t, reason: "매트릭스 시험") { id } }`,
    variables: (c) => ({ id: c.round.id, t: String(c.round.votingPhaseId) }),
    expected: moderators,
  },
  lockRoundDebate: {
    query: `mutation($id: ID!) { lockRoundDebate(roundId: $id, locked: true) { id } }`,
    variables: (c) => ({ id: c.round.id }),
    expected: moderators,
  },
  addRoundEntry: {
    query: `mutation($r: ID!, $p: ID!) { addRoundEntry(roundId: $r, proposalId: $p) { id } }`,
    variables: (c) => ({ r: c.round.id, p: c.round.candidateProposalId }),
    expected: moderators,
  },
  submitRoundEntry: {
    query: `mutation($r: ID!, $input: SubmitRoundEntryInput!) { submitRoundEntry(roundId: $r, input: $input) { id } }`,
    variables: (c) => ({
      r: c.round.id,
      input: { ...proposalInput(ref.categories.transport.id), categoryId: String(ref.categories.transport.id) },
    }),
    expected: eligible,
  },
  withdrawRoundEntry: {
    query: `mutation($id: ID!) { withdrawRoundEntry(entryId: $id) { id } }`,
    variables: (c) => ({ id: c.round.entryId }),
    expected: everyone("deny"), // only its proposer, who is none of the personas
  },
  setRoundEntryStatus: {
    query: `mutation($id: ID!) { setRoundEntryStatus(entryId: $id, status: SHORTLISTED) { id } }`,
    variables: (c) => ({ id: c.round.entryId }),
    expected: moderators,
  },
  assignRoundEntry: {
    query: `mutation($id: ID!, $d: ID!) { assignRoundEntry(entryId: $id, departmentId: $d) { id } }`,
    variables: (c) => ({ id: c.round.entryId, d: ref.department.id }),
    expected: moderators,
  },
  reviewRoundEntry: {
    query: `mutation($id: ID!) { reviewRoundEntry(entryId: $id, verdict: FEASIBLE, reasons: "예산과 부지 모두 확보할 수 있습니다.") { id } }`,
    variables: (c) => ({ id: c.round.entryId }),
    expected: entryReviewers,
  },
  scoreRoundEntry: {
    query: `mutation($id: ID!, $s: [CriterionScoreInput!]!) { scoreRoundEntry(entryId: $id, scores: $s) { id } }`,
    variables: (c) => ({ id: c.round.entryId, s: c.round.criterionIds.map((criterionId) => ({ criterionId, points: 20 })) }),
    expected: committeeOnly,
  },
  // Only the proposer may edit or add updates; no persona wrote otherProposalId.
  editProposal: {
    query: `mutation($input: EditProposalInput!) { editProposal(input: $input) { id } }`,
    variables: (c) => ({
      input: {
        ...proposalInput(ref.categories.transport.id),
        proposalId: c.otherProposalId,
        categoryId: String(ref.categories.transport.id),
      },
    }),
    expected: everyone("deny"),
  },
  addProposalUpdate: {
    query: `mutation($id: ID!) { addProposalUpdate(proposalId: $id, body: "현장 사진과 설명을 덧붙입니다.") { id } }`,
    variables: (c) => ({ id: c.otherProposalId }),
    expected: everyone("deny"),
  },
  postComment: {
    query: `mutation($id: ID!) { postComment(proposalId: $id, stance: PRO, body: "찬성합니다. 꼭 필요합니다.") { id } }`,
    variables: (c) => ({ id: c.otherProposalId }),
    expected: eligible,
  },
  editComment: {
    query: `mutation($id: ID!) { editComment(commentId: $id, body: "남의 의견 고치기") { id } }`,
    variables: (c) => ({ id: c.commentId }),
    expected: everyone("deny"), // only its author, who is none of the personas
  },
  reactToComment: {
    query: `mutation($id: ID!) { reactToComment(commentId: $id, on: true) { reactions } }`,
    variables: (c) => ({ id: c.commentId }),
    expected: participating,
  },
  reportComment: {
    query: `mutation($id: ID!) { reportComment(commentId: $id, reason: "시험 신고") }`,
    variables: (c) => ({ id: c.commentId }),
    expected: participating,
  },
  moderateComment: {
    query: `mutation($id: ID!) { moderateComment(commentId: $id, action: PIN) { pinned } }`,
    variables: (c) => ({ id: c.commentId }),
    expected: moderators,
  },
  lockDebate: {
    query: `mutation($id: ID!) { lockDebate(proposalId: $id, locked: false) }`,
    variables: (c) => ({ id: c.otherProposalId }),
    expected: moderators,
  },
  appealComment: {
    query: `mutation($id: ID!) { appealComment(commentId: $id, reason: "매트릭스 시험용 이의 신청입니다.") { id } }`,
    variables: (c) => ({ id: c.commentId }),
    expected: everyone("deny"), // only its author, who is none of the personas
  },
  // No such appeal: moderators get past the scope and are answered NOT_FOUND by the domain.
  resolveAppeal: {
    query: `mutation { resolveAppeal(appealId: "2147483000", outcome: UPHELD, response: "매트릭스 시험") { id } }`,
    variables: () => ({}),
    expected: moderators,
  },
  submitDraft: {
    query: `mutation($id: ID!) { submitDraft(id: $id) { id } }`,
    variables: (c) => ({ id: c.otherProposalId }),
    expected: everyone("deny"), // only its author, who is none of the personas
  },
  mergeProposal: {
    query: `mutation($id: ID!) { mergeProposal(sourceId: $id, targetId: $id, reason: "매트릭스 시험") { supportCount } }`,
    variables: (c) => ({ id: c.otherProposalId }),
    expected: moderators,
  },
};

type SocketCase = { payload: (c: Context) => unknown; expected: Record<Persona, Outcome>; noPayload?: boolean };
const SOCKET_COMMANDS: Record<string, SocketCase> = {
  "proposals:watch": { payload: () => undefined, noPayload: true, expected: everyone("allow") },
  "proposals:unwatch": { payload: () => undefined, noPayload: true, expected: everyone("allow") },
  "proposal:watch": { payload: (c) => ({ proposalId: c.otherProposalId }), expected: everyone("allow") },
  "proposal:unwatch": { payload: (c) => ({ proposalId: c.otherProposalId }), expected: everyone("allow") },
  "proposal:support": { payload: (c) => ({ proposalId: c.otherProposalId }), expected: eligible },
  "proposal:withdraw-support": { payload: (c) => ({ proposalId: c.otherProposalId }), expected: participating },
  // Published rounds are public to follow; a draft's room is refused (NOT_FOUND) to all but moderators.
  "round:watch": { payload: (c) => ({ roundId: c.round.id }), expected: everyone("allow") },
  "round:unwatch": { payload: (c) => ({ roundId: c.round.id }), expected: everyone("allow") },
};

describe("authorization matrix", () => {
  it("has an entry for every GraphQL mutation, and every query and mutation declares its scope", () => {
    const mutations = Object.keys(schema.getMutationType()!.getFields()).sort();
    expect(Object.keys(MUTATIONS).sort()).toEqual(mutations);
    for (const type of [schema.getQueryType()!, schema.getMutationType()!]) {
      for (const [name, field] of Object.entries(type.getFields())) {
        const scopes = (field.extensions as { pothosOptions?: { authScopes?: unknown } }).pothosOptions?.authScopes;
        expect(scopes, `${type.name}.${name} declares authScopes`).toBeDefined();
      }
    }
  });

  for (const [name, c] of Object.entries(MUTATIONS)) {
    it(`mutation ${name}`, async () => {
      const base = await setup();
      const seen: Record<string, Outcome> = {};
      for (const persona of PERSONAS) {
        const session = await personaSession(db.prisma, persona);
        const result = await gqlAs(session.token, c.query, c.variables({ ...base, userId: session.userId }));
        seen[persona] = denied((result.errors ?? []).map((e) => e.extensions?.code)) ? "deny" : "allow";
        if (persona === "suspended" && c.expected.citizen === "allow" && seen[persona] === "deny")
          expect(result.errors?.[0]?.message, name).toBe(SUSPENDED_MESSAGE);
        const internal = (result.errors ?? []).filter((e) => !e.extensions?.code || e.extensions.code === "INTERNAL_SERVER_ERROR");
        expect(internal, `${name} as ${persona}: ${JSON.stringify(result.errors)}`).toEqual([]);
      }
      expect(seen).toEqual(c.expected);
    });
  }

  it("has an entry for every socket command", async () => {
    const names = new Promise<string[]>((resolve) =>
      app.server.io.once("connection", (s) =>
        setImmediate(() =>
          resolve(
            s
              .eventNames()
              .map(String)
              .filter((e) => !["error", "disconnect", "disconnecting"].includes(e)),
          ),
        ),
      ),
    );
    const client = await app.client();
    expect(Object.keys(SOCKET_COMMANDS).sort()).toEqual((await names).sort());
    client.disconnect();
  });

  for (const [event, c] of Object.entries(SOCKET_COMMANDS)) {
    it(`socket ${event}`, async () => {
      const base = await setup();
      const seen: Record<string, Outcome> = {};
      for (const persona of PERSONAS) {
        const session = await personaSession(db.prisma, persona);
        const socket = await app.client(session.cookie);
        const ack = (
          c.noPayload
            ? await (socket.emitWithAck as any)(event)
            : await (socket.emitWithAck as any)(event, c.payload({ ...base, userId: session.userId }))
        ) as { ok: boolean; error?: { code: string; message?: string } };
        seen[persona] = !ack.ok && denied([ack.error?.code]) ? "deny" : "allow";
        if (persona === "suspended" && c.expected.citizen === "allow" && seen[persona] === "deny")
          expect(ack.error?.message, event).toBe(SUSPENDED_MESSAGE);
        expect(ack.ok || ack.error?.code !== "INTERNAL", `${event} as ${persona}`).toBe(true);
        socket.disconnect();
      }
      expect(seen).toEqual(c.expected);
    });
  }
});
