// A hidden or held opinion's text never leaves the server except to its author and to
// moderators, on every GraphQL path that reaches a comment. The paths are found by walking the
// schema from Query and Mutation, so a new field that leads to a comment is checked here
// without anyone listing it: a path this file has no arguments for fails until it gets them.
import type * as GraphQL from "graphql";
import type { GraphQLField, GraphQLNamedType, GraphQLObjectType } from "graphql";
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuth } from "../app/auth/auth.server.ts";
import { createDomain, type Domain } from "../app/platform/compose.server.ts";
import { createReferenceData, createUser, proposalInput, roundInput } from "../tests/factories.ts";
import { createTestDatabase, type TestDatabase } from "../tests/setup/test-database.ts";
import { gql } from "../tests/utils/graphql.ts";
import { sessionCookieFor, TEST_SESSION_SECRET } from "../tests/utils/session.ts";
import { schema } from "./schema.ts";
import { createMadangYoga, type MadangYoga } from "./yoga.ts";

// The schema's own copy of graphql (CommonJS, as Pothos loads it): an ESM copy fails its instanceof checks.
const { getNamedType, isAbstractType, isLeafType, isNonNullType, isObjectType } = createRequire(import.meta.url)(
  "graphql",
) as typeof GraphQL;

/** Types that carry a comment's text. */
const COMMENT_TYPES = new Set(["Comment", "DebateComment", "OpenAppeal"]);
/** Comment-named types known to carry no comment text. */
const NO_TEXT = new Set(["CommentAppeal", "CommentSort"]);

const PERSONAS = ["anonymous", "citizen", "author", "moderator"] as const;
type Persona = (typeof PERSONAS)[number];

const BANNED = "금칙어시험";
// Each marker appears in exactly one comment; none is part of another.
const MARK = {
  visible: "공개표식A1",
  held: "보류표식B2",
  othersHeld: "보류표식G7",
  hidden: "가림표식C3",
  roundVisible: "공개표식D4",
  roundHeld: "보류표식E5",
  roundHidden: "가림표식F6",
} as const;
type Target = "proposal" | "round";
/** The public comment of each debate: where it shows, the debate's comments are listed. */
const CONTROL: Record<Target, string> = { proposal: MARK.visible, round: MARK.roundVisible };
type Secret = { mark: string; target: Target; kind: "held" | "hidden"; readers: Persona[] };
const SECRETS: Secret[] = [
  { mark: MARK.held, target: "proposal", kind: "held", readers: ["author", "moderator"] },
  // Held, by someone who is none of the personas: the author may not read it either.
  { mark: MARK.othersHeld, target: "proposal", kind: "held", readers: ["moderator"] },
  { mark: MARK.hidden, target: "proposal", kind: "hidden", readers: ["author", "moderator"] },
  { mark: MARK.roundHeld, target: "round", kind: "held", readers: ["author", "moderator"] },
  { mark: MARK.roundHidden, target: "round", kind: "hidden", readers: ["author", "moderator"] },
];

let db: TestDatabase;
let domain: Domain;
let yoga: MadangYoga;
let cookies: Record<Persona, string | undefined>;
let fx: Fixture;

type Fixture = {
  proposalId: number;
  roundId: number;
  categoryId: number;
  heldId: number;
  hiddenId: number;
  appealId: number;
  draftId: number;
  duplicateId: number;
};

beforeAll(async () => {
  db = await createTestDatabase();
  domain = createDomain({ prisma: db.prisma });
  const auth = createAuth({ sessions: domain.sessions, secret: TEST_SESSION_SECRET, secure: false });
  yoga = createMadangYoga({ domain, auth });
  const ref = await createReferenceData(db.prisma);
  await db.prisma.citySetting.update({ where: { id: 1 }, data: { bannedWords: [BANNED] } });

  // The citizen proposed; the author wrote the held and hidden opinions; a bystander the rest.
  const citizen = await createUser(db.prisma);
  const author = await createUser(db.prisma);
  const bystander = await createUser(db.prisma);
  const moderator = await createUser(db.prisma, { roles: ["MODERATOR"] });
  cookies = {
    anonymous: undefined,
    citizen: await sessionCookieFor(db.prisma, citizen.id),
    author: await sessionCookieFor(db.prisma, author.id),
    moderator: await sessionCookieFor(db.prisma, moderator.id),
  };
  const body = (mark: string, extra = "") => `${mark} 산책로 조명 설치에 대한 의견입니다 ${extra}`.trim();

  const proposal = await domain.proposals.create(citizen, proposalInput(ref.categories.transport.id));
  await domain.comments.post(bystander, { proposalId: proposal.id, stance: "PRO", body: body(MARK.visible) });
  const held = await domain.comments.post(author, { proposalId: proposal.id, stance: "CON", body: body(MARK.held, BANNED) });
  await domain.comments.post(bystander, { proposalId: proposal.id, body: body(MARK.othersHeld, BANNED) });
  const hidden = await domain.comments.post(author, { proposalId: proposal.id, stance: "CON", body: body(MARK.hidden) });
  await domain.moderation.moderate(moderator, "hide", { commentId: hidden.id, reason: "비방성 표현" });
  await domain.moderation.appeal(author, { commentId: hidden.id, reason: "비방이 아니라 정책 비판이었습니다." });
  const appeal = (await domain.moderation.queue(moderator)).appeals.find((a) => a.comment.id === hidden.id)!;
  expect(held.held).toBe(true);

  const round = await domain.rounds.publish(
    moderator,
    (await domain.rounds.create(moderator, roundInput(new Date(Date.now() - 60_000)))).id,
  );
  await domain.comments.post(bystander, { roundId: round.id, body: body(MARK.roundVisible) });
  await domain.comments.post(author, { roundId: round.id, body: body(MARK.roundHeld, BANNED) });
  const roundHidden = await domain.comments.post(author, { roundId: round.id, body: body(MARK.roundHidden) });
  await domain.moderation.moderate(moderator, "hide", { commentId: roundHidden.id, reason: "광고" });

  // Two duplicates merged into the proposal put it on the repeated-matter board; a third is left to merge.
  const duplicate = () => domain.proposals.create(bystander, proposalInput(ref.categories.transport.id));
  for (const d of [await duplicate(), await duplicate()])
    await domain.merge.merge(moderator, { sourceId: d.id, targetId: proposal.id, reason: "같은 요청입니다" });
  const draft = await domain.proposals.create(citizen, proposalInput(ref.categories.transport.id), { draft: true });

  fx = {
    proposalId: proposal.id,
    roundId: round.id,
    categoryId: ref.categories.transport.id,
    heldId: held.id,
    hiddenId: hidden.id,
    appealId: appeal.id,
    draftId: draft.id,
    duplicateId: (await duplicate()).id,
  };
});
afterAll(async () => {
  await db?.drop();
});

/** One step of a path: a field, reached on `on` when its parent is abstract. */
type Step = { parent: string; field: GraphQLField<unknown, unknown>; on?: string };

/** Every path from the root that ends at a type carrying comment text. */
function commentPaths(root: GraphQLObjectType): Step[][] {
  const found: Step[][] = [];
  const objectsOf = (t: GraphQLNamedType): GraphQLObjectType[] =>
    isObjectType(t) ? [t] : isAbstractType(t) ? [...schema.getPossibleTypes(t)] : [];
  const visit = (type: GraphQLObjectType, path: Step[], onPath: Set<string>, on?: string) => {
    for (const field of Object.values(type.getFields())) {
      const named = getNamedType(field.type);
      const next = [...path, { parent: type.name, field, on }];
      if (COMMENT_TYPES.has(named.name)) found.push(next);
      else
        for (const object of objectsOf(named)) {
          if (!onPath.has(object.name))
            visit(object, next, new Set([...onPath, object.name]), isAbstractType(named) ? object.name : undefined);
        }
    }
  };
  visit(root, [], new Set([root.name]));
  return found;
}

/** Every leaf of a type, and the leaves of its object fields, as a selection set. */
function selectionOf(type: GraphQLNamedType, depth = 2): string {
  if (!isObjectType(type)) return "__typename";
  const fields = Object.values(type.getFields())
    .filter((f) => f.args.every((a) => !isNonNullType(a.type)))
    .map((f) => {
      const named = getNamedType(f.type);
      if (isLeafType(named)) return f.name;
      return depth > 0 ? `${f.name} { ${selectionOf(named, depth - 1)} }` : null;
    })
    .filter((f): f is string => f !== null);
  return fields.join(" ");
}

type Args = Record<string, unknown>;

/** The operation for a path, with its arguments as variables. Throws when a required one has no value. */
function operationFor(kind: "query" | "mutation", path: Step[], argsFor: (coordinate: string) => Args | undefined) {
  const definitions: string[] = [];
  const variables: Record<string, unknown> = {};
  const fields = path.map((step) => {
    const coordinate = `${step.parent}.${step.field.name}`;
    const given = argsFor(coordinate) ?? {};
    const passed = step.field.args.filter((arg) => {
      if (arg.name in given) return true;
      if (isNonNullType(arg.type)) throw new Error(`${coordinate}(${arg.name}) needs a value in this test`);
      return false;
    });
    const args = passed.map((arg) => {
      const name = `v${definitions.length}`;
      definitions.push(`$${name}: ${String(arg.type)}`);
      variables[name] = given[arg.name];
      return `${arg.name}: $${name}`;
    });
    return { text: `${step.field.name}${args.length ? `(${args.join(", ")})` : ""}`, on: step.on };
  });
  const last = getNamedType(path[path.length - 1]!.field.type);
  let selection = selectionOf(last);
  for (const field of [...fields].reverse()) {
    const inner = `${field.text} { ${selection} }`;
    selection = field.on ? `... on ${field.on} { ${inner} }` : inner;
  }
  return { query: `${kind}${definitions.length ? `(${definitions.join(", ")})` : ""} { ${selection} }`, variables };
}

/** Arguments for the query fields on the paths (everything else is optional). */
const QUERY_ARGS: Record<string, (f: Fixture) => Args> = {
  "Query.debate": (f) => ({ proposalId: f.proposalId }),
  "Query.proposal": (f) => ({ id: f.proposalId }),
  "Query.roundDebate": (f) => ({ roundId: f.roundId }),
};

/** Who calls each mutation that returns comment text, and with what. Run after the queries, in this order. */
const MUTATION_CALLS: Record<string, { as: Persona[]; args: (f: Fixture) => Args[] }> = {
  // The proposer's own proposal, carrying everyone's comments.
  editProposal: {
    as: ["citizen", "author"],
    args: (f) => [{ input: { ...proposalInput(f.categoryId), categoryId: String(f.categoryId), proposalId: f.proposalId } }],
  },
  addProposalUpdate: { as: ["citizen", "author"], args: (f) => [{ proposalId: f.proposalId, body: "현장 사진과 설명을 덧붙입니다." }] },
  createProposal: { as: ["citizen"], args: (f) => [{ input: { ...proposalInput(f.categoryId), categoryId: String(f.categoryId) } }] },
  submitDraft: { as: ["citizen"], args: (f) => [{ id: f.draftId }] },
  mergeProposal: {
    as: ["citizen", "moderator"],
    args: (f) => [{ sourceId: f.duplicateId, targetId: f.proposalId, reason: "같은 요청입니다" }],
  },
  // Someone else's held or hidden comment, reacted to.
  reactToComment: {
    as: ["citizen", "author", "moderator"],
    args: (f) => [
      { commentId: f.heldId, on: true },
      { commentId: f.hiddenId, on: true },
    ],
  },
  // The same text again: still held.
  editComment: {
    as: ["citizen", "author"],
    args: (f) => [{ commentId: f.heldId, body: `${MARK.held} 산책로 조명 설치에 대한 의견입니다 ${BANNED}` }],
  },
  appealComment: { as: ["citizen", "author"], args: (f) => [{ commentId: f.hiddenId, reason: "다시 한 번 살펴봐 주시기 바랍니다." }] },
  moderateComment: {
    as: ["citizen", "moderator"],
    args: (f) => [
      { commentId: f.heldId, action: "PIN" },
      { commentId: f.hiddenId, action: "PIN" },
    ],
  },
  postComment: { as: ["citizen", "author"], args: (f) => [{ proposalId: f.proposalId, body: "새로 다는 의견입니다 공개표식H8" }] },
  resolveAppeal: {
    as: ["citizen", "moderator"],
    args: (f) => [{ appealId: f.appealId, outcome: "UPHELD", response: "비방성 표현이 남아 있습니다." }],
  },
};

type Seen = { path: string; persona: Persona; text: string };

/** Checks one response: no secret beyond its readers, and held text wherever the debate is listed to its readers. */
function check({ path, persona, text }: Seen) {
  for (const secret of SECRETS) {
    if (text.includes(secret.mark)) expect(secret.readers, `${path} as ${persona} returned ${secret.mark}`).toContain(persona);
    if (secret.kind === "held" && secret.readers.includes(persona) && text.includes(CONTROL[secret.target])) {
      expect(text, `${path} as ${persona} lists the debate but not ${secret.mark}`).toContain(secret.mark);
    }
  }
}

const reaches = (text: string) => [...Object.values(MARK), "공개표식H8"].some((m) => text.includes(m));

describe("comment text on every GraphQL path", () => {
  it("knows every type that carries comment text", () => {
    const named = Object.values(schema.getTypeMap()).filter((t) => !t.name.startsWith("__") && /comment|appeal/i.test(t.name));
    for (const type of named)
      expect(
        COMMENT_TYPES.has(type.name) || NO_TEXT.has(type.name) || /Appeal(Status|Outcome)$/.test(type.name),
        `classify ${type.name}`,
      ).toBe(true);
  });

  it("reaches a hidden or held comment's text only for its author and moderators, on every query path", async () => {
    const paths = commentPaths(schema.getQueryType()!);
    expect(paths.length).toBeGreaterThanOrEqual(7);
    for (const path of paths) {
      const name = path.map((s) => s.field.name).join(".");
      const operation = operationFor("query", path, (c) => QUERY_ARGS[c]?.(fx));
      let reached = false;
      for (const persona of PERSONAS) {
        const result = await gql(yoga, operation.query, operation.variables, { cookie: cookies[persona] });
        const internal = (result.errors ?? []).filter(
          (e) => !e.extensions?.code || e.extensions.code === "INTERNAL" || e.extensions.code === "INTERNAL_SERVER_ERROR",
        );
        expect(internal, `${name} as ${persona}: ${JSON.stringify(result.errors)}`).toEqual([]);
        const text = JSON.stringify(result.data ?? null);
        check({ path: name, persona, text });
        reached ||= reaches(text);
      }
      // The walk asked for text someone may read: the path really carries comments.
      expect(reached, `${name} returned no comment text to anyone`).toBe(true);
    }
  });

  it("does the same on every mutation that returns a comment or a proposal's comments", async () => {
    const paths = commentPaths(schema.getMutationType()!);
    const names = [...new Set(paths.map((p) => p[0]!.field.name))].sort();
    expect(Object.keys(MUTATION_CALLS).sort(), "every mutation reaching a comment has its calls here").toEqual(names);
    for (const [mutation, calls] of Object.entries(MUTATION_CALLS)) {
      for (const args of calls.args(fx)) {
        for (const persona of calls.as) {
          for (const path of paths.filter((p) => p[0]!.field.name === mutation)) {
            const operation = operationFor("mutation", path, (c) => (c === `Mutation.${mutation}` ? args : undefined));
            const result = await gql(yoga, operation.query, operation.variables, { cookie: cookies[persona] });
            const internal = (result.errors ?? []).filter(
              (e) => !e.extensions?.code || e.extensions.code === "INTERNAL" || e.extensions.code === "INTERNAL_SERVER_ERROR",
            );
            expect(internal, `${mutation} as ${persona}: ${JSON.stringify(result.errors)}`).toEqual([]);
            check({ path: mutation, persona, text: JSON.stringify(result.data ?? null) });
          }
        }
      }
    }
  });
});
