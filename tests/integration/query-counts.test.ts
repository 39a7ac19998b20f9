// How many database operations the main pages and GraphQL queries make, on the seeded demo
// city. The snapshots make a change in the count visible in review; the "does not grow with
// the page size" checks make an N+1 fail outright. Update snapshots with `vitest -u` when a
// change is meant to alter the queries.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuth, type Auth } from "../../app/auth/auth.server.ts";
import { countQueries, withQueryCount } from "../../app/db/query-count.server.ts";
import { createDomain, type Domain } from "../../app/platform/compose.server.ts";
import type { MadangLoadContext } from "../../app/load-context.ts";
import { loader as listLoader } from "../../app/routes/proposals._index.tsx";
import { loader as proposalLoader } from "../../app/routes/proposals.$id.tsx";
import { loader as roundLoader } from "../../app/routes/rounds.$id.tsx";
import { createMadangYoga, type MadangYoga } from "../../graphql/yoga.ts";
import { seedDemoCity } from "../../prisma/seed.ts";
import { createTestDatabase, type TestDatabase } from "../setup/test-database.ts";
import { gql } from "../utils/graphql.ts";
import { sessionCookieFor, TEST_SESSION_SECRET } from "../utils/session.ts";

let db: TestDatabase;
let domain: Domain;
let auth: Auth;
let yoga: MadangYoga;
let citizenCookie: string;
let proposalId: number;
let roundId: number;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoCity(db.prisma, new Date("2026-11-20T00:00:00Z"));
  domain = createDomain({ prisma: withQueryCount(db.prisma) });
  auth = createAuth({ sessions: domain.sessions, secret: TEST_SESSION_SECRET, secure: false });
  yoga = createMadangYoga({ domain, auth });
  const citizen = await db.prisma.user.findUniqueOrThrow({ where: { email: "citizen@demo.madang" } });
  citizenCookie = await sessionCookieFor(db.prisma, citizen.id);
  const proposal = await db.prisma.proposal.findFirstOrThrow({ where: { status: "OPEN" }, orderBy: { id: "asc" } });
  proposalId = proposal.id;
  const round = await db.prisma.round.findFirstOrThrow({ orderBy: { id: "asc" } });
  roundId = round.id;
}, 120_000);
afterAll(async () => {
  await db?.drop();
});

type Loader = (args: LoaderFunctionArgs) => Promise<unknown>;

async function loaderQueries(loader: Loader, path: string, params: Record<string, string> = {}, cookie?: string) {
  const context: MadangLoadContext = { domain, auth, clientIp: "127.0.0.1", cspNonce: "test" };
  const request = new Request(`http://localhost${path}`, { headers: cookie ? { cookie } : {} });
  const { result, count, operations } = await countQueries(() => loader({ request, params, context }));
  expect((result as Response).status).toBe(200);
  return { count, operations };
}

async function graphqlQueries(query: string, variables: Record<string, unknown> = {}, cookie?: string) {
  const { result, count, operations } = await countQueries(() => gql(yoga, query, variables, cookie ? { cookie } : {}));
  expect(result.errors).toBeUndefined();
  return { count, operations };
}

describe("database operations per page", () => {
  it("proposal list", async () => {
    expect(await loaderQueries(listLoader, "/proposals")).toMatchSnapshot("anonymous");
    expect(await loaderQueries(listLoader, "/proposals", {}, citizenCookie)).toMatchSnapshot("citizen");
  });

  it("proposal list costs the same for a full page and for one that is nearly empty", async () => {
    const full = await loaderQueries(listLoader, "/proposals?sort=newest");
    const few = await loaderQueries(listLoader, "/proposals?status=ANSWERED&sort=newest");
    expect(few.count).toBe(full.count);
  });

  it("proposal page", async () => {
    expect(await loaderQueries(proposalLoader, `/proposals/${proposalId}`, { id: String(proposalId) })).toMatchSnapshot("anonymous");
    expect(await loaderQueries(proposalLoader, `/proposals/${proposalId}`, { id: String(proposalId) }, citizenCookie)).toMatchSnapshot(
      "citizen",
    );
  });

  it("round page", async () => {
    expect(await loaderQueries(roundLoader, `/rounds/${roundId}`, { id: String(roundId) })).toMatchSnapshot("anonymous");
    expect(await loaderQueries(roundLoader, `/rounds/${roundId}`, { id: String(roundId) }, citizenCookie)).toMatchSnapshot("citizen");
  });
});

const LIST = /* GraphQL */ `
  query List($first: Int!) {
    proposals(first: $first, sort: SUPPORT) {
      totalCount
      edges {
        node {
          id
          title
          status
          supportCount
          closesAt
          district {
            name
          }
          category {
            code
          }
          author {
            displayName
          }
          department {
            name
          }
          answerOverdue
        }
      }
    }
  }
`;
const DETAIL = /* GraphQL */ `
  query Detail($id: ID!) {
    proposal(id: $id) {
      id
      title
      bodyHtml
      supportCount
      viewerHasSupported
      status
      timeline {
        status
      }
      answers {
        id
      }
      milestones {
        id
      }
      comments {
        id
        body
      }
    }
  }
`;
const ROUNDS = /* GraphQL */ `
  query Rounds {
    rounds {
      id
      title
      kind
    }
  }
`;
const ROUNDS_VIEWER_CAN = /* GraphQL */ `
  query RoundsViewerCan {
    rounds {
      id
      title
      viewerCan {
        submit
        comment
        vote
        reasons
      }
    }
  }
`;

describe("database operations per GraphQL query", () => {
  it("proposals list: the same count for 2 and for 12 proposals (no N+1)", async () => {
    const two = await graphqlQueries(LIST, { first: 2 });
    const twelve = await graphqlQueries(LIST, { first: 12 });
    expect(twelve.count).toBe(two.count);
    expect(twelve).toMatchSnapshot();
  });

  it("proposal detail", async () => {
    expect(await graphqlQueries(DETAIL, { id: String(proposalId) }, citizenCookie)).toMatchSnapshot();
  });

  it("rounds", async () => {
    expect(await graphqlQueries(ROUNDS)).toMatchSnapshot();
  });

  it("rounds with viewerCan: the viewer's eligibility is read once for the whole list", async () => {
    const { count, operations } = await graphqlQueries(ROUNDS_VIEWER_CAN, {}, citizenCookie);
    // The person's facts and the city's settings, once each however many rounds invite them.
    expect(operations.filter((op) => op === "User.findUniqueOrThrow").length).toBeLessThanOrEqual(1);
    expect(operations.filter((op) => op === "CitySetting.findUnique").length).toBeLessThanOrEqual(1);
    expect({ count, operations }).toMatchSnapshot();
  });
});
