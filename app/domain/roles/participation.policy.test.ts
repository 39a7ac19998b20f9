// The suspension rule itself: what a suspended person keeps, and that every other write is refused.
import { describe, expect, it } from "vitest";
import type { Viewer } from "../viewer.ts";
import { allowedWhileSuspended, canAct, KEPT_WHILE_SUSPENDED, PARTICIPATION, requireActor, type Action } from "./participation.policy.ts";

const person = (suspended: boolean): NonNullable<Viewer> => ({
  id: 7,
  displayName: "시민7",
  roles: ["CITIZEN", "MODERATOR"],
  departmentId: null,
  verified: true,
  suspended,
  sessionId: "s",
});
const ALL: Action[] = [...KEPT_WHILE_SUSPENDED, ...PARTICIPATION];

describe("participation policy", () => {
  it("keeps reading-adjacent account work for a suspended person, and nothing else", () => {
    expect([...KEPT_WHILE_SUSPENDED].sort()).toEqual(
      [
        "account.delete",
        "account.exportData",
        "account.logOut",
        "account.security",
        "identity.verify",
        "notifications.markRead",
        "proposal.follow",
      ].sort(),
    );
    expect(new Set(ALL).size).toBe(ALL.length); // no action is in both lists
    for (const action of ALL)
      expect(allowedWhileSuspended(action), action).toBe((KEPT_WHILE_SUSPENDED as readonly Action[]).includes(action));
  });

  it("refuses every public change and all staff work while suspended, roles notwithstanding", () => {
    for (const action of [
      "comment.edit",
      "comment.report",
      "proposal.withdrawSupport",
      "affiliation.declare",
      "comment.moderate",
      "proposal.merge",
    ] as const) {
      expect(canAct(person(true), action), action).toEqual({ ok: false, code: "FORBIDDEN", key: "errors.suspended" });
      expect(canAct(person(false), action), action).toEqual({ ok: true });
    }
    for (const action of PARTICIPATION) expect(canAct(person(true), action).ok, action).toBe(false);
    for (const action of KEPT_WHILE_SUSPENDED) expect(canAct(person(true), action).ok, action).toBe(true);
  });

  it("asks for a login first, and throws the coded error", () => {
    for (const action of ALL) expect(canAct(null, action)).toEqual({ ok: false, code: "UNAUTHENTICATED", key: "errors.loginRequired" });
    expect(() => requireActor(person(true), "comment.post")).toThrowError(
      expect.objectContaining({ code: "FORBIDDEN", messageKey: "errors.suspended" }),
    );
    expect(requireActor(person(true), "proposal.follow").id).toBe(7);
  });
});
