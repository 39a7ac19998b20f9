import type { Viewer as DomainViewer } from "../../app/domain/viewer.ts";
import { builder } from "../builder.ts";

export const Role = builder.enumType("Role", { values: ["CITIZEN", "MODERATOR", "OFFICER", "ADMIN"] as const });

export const Viewer = builder.objectRef<NonNullable<DomainViewer>>("Viewer").implement({
  description: "The signed-in person making this request.",
  fields: (t) => ({
    id: t.exposeID("id"),
    displayName: t.exposeString("displayName"),
    role: t.field({ type: Role, resolve: (v) => v.role }),
  }),
});

builder.queryField("viewer", (t) =>
  t.field({ type: Viewer, nullable: true, description: "Null when not signed in.", resolve: (_r, _a, ctx) => ctx.viewer }),
);
