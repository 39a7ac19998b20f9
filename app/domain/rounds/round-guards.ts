// The two checks every round service starts with: read the input with its schema, and (for
// staff work) require a moderator who may act now.
import type { z } from "zod";
import { AppError, validationError } from "../errors.ts";
import { requireActor, type Action } from "../roles/participation.policy.ts";
import { isModerator } from "../roles/roles.policy.ts";
import type { Viewer } from "../viewer.ts";

export function parse<T extends z.ZodTypeAny>(schema: T, raw: unknown): z.infer<T> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}

/** A moderator; for a write, pass what it does, so a suspended moderator is refused (participation.policy.ts). */
export function requireModerator(viewer: Viewer, action?: Action): asserts viewer is NonNullable<Viewer> {
  if (!viewer) throw new AppError("UNAUTHENTICATED", "errors.loginRequired");
  if (action) requireActor(viewer, action);
  if (!isModerator(viewer)) throw new AppError("FORBIDDEN", "errors.forbidden");
}
