// Pure role checks, shared by domain services (authoritative), GraphQL scopes and UI hints.
import type { Role, Viewer } from "../viewer.ts";

export function hasRole(viewer: Viewer, role: Role): boolean {
  return !!viewer && viewer.roles.includes(role);
}

export const isAdmin = (viewer: Viewer) => hasRole(viewer, "ADMIN");
export const isModerator = (viewer: Viewer) => hasRole(viewer, "MODERATOR") || isAdmin(viewer);
export const isOfficer = (viewer: Viewer) => hasRole(viewer, "OFFICER");
export const isCommittee = (viewer: Viewer) => hasRole(viewer, "COMMITTEE");

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
