// Who is acting. Every domain function takes the viewer first; null means anonymous.
export type Role = "CITIZEN" | "MODERATOR" | "OFFICER" | "ADMIN";

export type Viewer = {
  id: number;
  displayName: string;
  role: Role;
  districtId: number | null;
  departmentId: number | null;
} | null;

export type Clock = { now(): Date };
export const systemClock: Clock = { now: () => new Date() };
