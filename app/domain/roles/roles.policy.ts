// Pure role checks, shared by domain services (authoritative), GraphQL scopes and UI hints.
import type { Role } from "../viewer.ts";

/** Anything with roles: the domain's Viewer, or the slimmer copy the browser gets. */
type WithRoles = { roles: readonly Role[] } | null | undefined;

export function hasRole(viewer: WithRoles, role: Role): boolean {
  return !!viewer && viewer.roles.includes(role);
}

export const isAdmin = (viewer: WithRoles) => hasRole(viewer, "ADMIN");
export const isModerator = (viewer: WithRoles) => hasRole(viewer, "MODERATOR") || isAdmin(viewer);
export const isOfficer = (viewer: WithRoles) => hasRole(viewer, "OFFICER");
export const isCommittee = (viewer: WithRoles) => hasRole(viewer, "COMMITTEE");

/** Only admins grant or remove roles. */
export const canManageRoles = isAdmin;
/** Admins and moderators may suspend people. */
export const canSuspendUsers = isModerator;
/** Admins change city settings, departments and districts. */
export const canManageCity = isAdmin;
/** Admins read the audit log. */
export const canReadAuditLog = isAdmin;
/** Moderators confirm declared affiliations (work, study, business, residence). */
export const canReviewAffiliations = isModerator;
