// Brute-force protection for log-in, keyed so that one address never locks out everyone
// behind it (a city office or a school behind NAT) and one person's failures never lock out
// another. The scheme (docs/decisions/0011-login-limits.md; numbers in
// app/platform/rate-limits.server.ts):
//
// - loginFailurePair: failures per (account, address) lock that pair quickly (5 / 15 min).
//   The only lock that applies to everyone, always: it is where guesses are made.
// - loginFailure: failures per account from every address lock the account more slowly
//   (20 / hour), against guessing one account from many addresses — but only for addresses
//   the account has not logged in from successfully before (loginKnownAddress, 3 weeks), so
//   an attacker cannot lock the owner out of their usual place.
// - loginFailureAddress: failures per address over every account, a ceiling (100 / hour)
//   against one address guessing many accounts; successes neither count nor reset it, and
//   known (account, address) pairs pass it, so colleagues behind a NAT keep getting in.
// - login: every attempt per address, a flood guard far above any office's rate.
//
// A new password (reset or change) starts the account's counters and known addresses afresh:
// the keys include a tag of the password hash. Keys hold a hash of the e-mail, never the
// e-mail. An IPv6 /64 counts as one address (one host or household gets a whole /64).
import { createHash } from "node:crypto";
import { isIPv4, isIPv6 } from "node:net";

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

/** The address a limit counts by: IPv4 as is, IPv4-mapped IPv6 unwrapped, IPv6 by its /64. */
export function addressKey(ip: string): string {
  const raw = ip
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, "$1")
    .split("%")[0]!;
  if (!raw) return "unknown";
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(raw);
  if (mapped && isIPv4(mapped[1]!)) return mapped[1]!;
  if (isIPv4(raw) || !isIPv6(raw)) return raw;
  // Expand "::" into the missing zero groups; an embedded IPv4 tail counts as two groups.
  const groupsIn = (part: string) => (part ? part.split(":").reduce((sum, g) => sum + (g.includes(".") ? 2 : 1), 0) : 0);
  const [head = "", tail] = raw.split("::");
  const zeros = tail === undefined ? [] : Array<string>(8 - groupsIn(head) - groupsIn(tail)).fill("0");
  const groups = [...(head ? head.split(":") : []), ...zeros, ...(tail ? tail.split(":") : [])];
  return `${groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g, 16).toString(16))
    .join(":")}::/64`;
}

export type LoginKeys = {
  /** loginFailure: the account across all addresses */
  account: string;
  /** loginFailurePair and loginKnownAddress: the account at this address */
  pair: string;
  /** loginFailureAddress and login: the address */
  address: string;
};

/**
 * Limiter keys for one attempt. `passwordHash` is the account's current hash (null for an
 * unknown e-mail, which is counted the same way, so locks do not reveal which accounts exist).
 */
export function loginKeys(email: string, passwordHash: string | null, ip: string): LoginKeys {
  const address = addressKey(ip);
  const account = `${sha256(`account:${email}`).slice(0, 32)}:${passwordHash ? sha256(passwordHash).slice(0, 12) : "-"}`;
  return { account, pair: `${account}@${address}`, address };
}
