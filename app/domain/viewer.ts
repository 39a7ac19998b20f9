// Who is acting. Every domain function takes the viewer first; null means anonymous.
export const ROLES = ["CITIZEN", "MODERATOR", "OFFICER", "COMMITTEE", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];

export type Viewer = {
  id: number;
  displayName: string;
  /** Always contains CITIZEN; other roles come from role assignments. */
  roles: Role[];
  /** The department an OFFICER answers for. */
  departmentId: number | null;
  /** Passed identity verification (본인인증). */
  verified: boolean;
  /** Suspended people can read and manage their account but not participate. */
  suspended: boolean;
  /** The session the request came with (to revoke it on logout). */
  sessionId: string;
} | null;

export type Clock = { now(): Date };
export const systemClock: Clock = { now: () => new Date() };
