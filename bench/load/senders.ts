// The senders: C concurrent loops, each owning V/C voters. A socket loop holds one socket per
// voter (with that voter's session cookie) and sends `proposal:support` one command at a time;
// a GraphQL loop sends the `supportProposal` mutation over HTTP with the voter's cookie. Every
// voter supports every proposal once, the proposals taken in turn so that all are hot at once.
import { io, type Socket } from "socket.io-client";
import type { Voter } from "./setup.ts";
import { clientAddress, inBatches, now } from "./stats.ts";

export type Command = {
  proposal: number;
  via: "socket" | "graphql";
  sentAt: number;
  ackAt: number;
  ok: boolean;
  count: number;
  changed: boolean;
  error?: string;
};

type Lane = { via: "socket" | "graphql"; voters: { voter: Voter; index: number; socket?: Socket }[] };

const SUPPORT_MUTATION = "mutation Support($id: ID!) { supportProposal(id: $id) { supportCount changed } }";
const ACK_TIMEOUT_MS = 120_000;

function connectVoter(url: string, voter: Voter, index: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(url, {
      transports: ["websocket"],
      forceNew: true,
      reconnection: false,
      timeout: 60_000,
      extraHeaders: { cookie: voter.cookie, "x-forwarded-for": clientAddress(index, 2) },
    });
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (error) => {
      socket.close();
      reject(new Error(`voter socket: ${error.message}`));
    });
  });
}

export async function prepareSenders(url: string, voters: Voter[], senders: number, graphqlShare: number, concurrency: number) {
  const graphqlLanes = Math.round(senders * graphqlShare);
  const lanes: Lane[] = Array.from({ length: senders }, (_, j) => ({ via: j < senders - graphqlLanes ? "socket" : "graphql", voters: [] }));
  voters.forEach((voter, index) => lanes[index % senders]!.voters.push({ voter, index }));
  const started = now();
  const socketed = lanes.filter((l) => l.via === "socket").flatMap((l) => l.voters);
  await inBatches(socketed, concurrency, async (v) => {
    v.socket = await connectVoter(url, v.voter, v.index);
  });
  return {
    lanes,
    sockets: socketed.length,
    connectMs: now() - started,
    close: () => socketed.forEach((v) => v.socket?.close()),
  };
}

async function viaSocket(socket: Socket, proposalId: number) {
  const ack = (await socket.timeout(ACK_TIMEOUT_MS).emitWithAck("proposal:support", { proposalId })) as
    { ok: true; data: { supportCount: number; changed: boolean } } | { ok: false; error: { code?: string; message?: string } };
  return ack.ok
    ? { ok: true, count: ack.data.supportCount, changed: ack.data.changed }
    : { ok: false, error: `${ack.error.code}: ${ack.error.message}` };
}

async function viaGraphql(url: string, voter: Voter, index: number, proposalId: number) {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-graphql-csrf": "1",
      "x-forwarded-for": clientAddress(index, 2),
      cookie: voter.cookie,
    },
    body: JSON.stringify({ query: SUPPORT_MUTATION, variables: { id: String(proposalId) } }),
  });
  const body = (await response.json()) as {
    data?: { supportProposal?: { supportCount: number; changed: boolean } | null };
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  const result = body.data?.supportProposal;
  return result
    ? { ok: true, count: result.supportCount, changed: result.changed }
    : { ok: false, error: `${body.errors?.[0]?.extensions?.code ?? response.status}: ${body.errors?.[0]?.message ?? "no data"}` };
}

/** Runs every lane to the end; returns every command with its send and ack times. */
export async function runBurst(
  url: string,
  lanes: Lane[],
  proposalIds: number[],
): Promise<{ commands: Command[]; startedAt: number; endedAt: number }> {
  const commands: Command[] = [];
  const startedAt = now();
  await Promise.all(
    lanes.map(async (lane) => {
      for (let round = 0; round < proposalIds.length; round++) {
        for (const v of lane.voters) {
          const proposal = proposalIds[(v.index + round) % proposalIds.length]!;
          const sentAt = now();
          let result: { ok: boolean; count?: number; changed?: boolean; error?: string };
          try {
            result = lane.via === "socket" ? await viaSocket(v.socket!, proposal) : await viaGraphql(url, v.voter, v.index, proposal);
          } catch (error) {
            // fetch reports the reason (a reset keep-alive connection, a timeout) as its cause.
            const cause =
              error instanceof Error && error.cause instanceof Error
                ? ` (${(error.cause as Error & { code?: string }).code ?? error.cause.message})`
                : "";
            result = { ok: false, error: (error instanceof Error ? error.message : String(error)) + cause };
          }
          commands.push({
            proposal,
            via: lane.via,
            sentAt,
            ackAt: now(),
            ok: result.ok,
            count: result.count ?? -1,
            changed: result.changed ?? false,
            error: result.error,
          });
        }
      }
    }),
  );
  return { commands, startedAt, endedAt: now() };
}
