import type { CityInfo, DistrictRef } from "../../app/domain/catalog/catalog.service.server.ts";
import type { NamedRef } from "../../app/domain/proposals/proposal.types.ts";
import { builder, type BuilderTypes } from "../builder.ts";

const namedFields = <T extends NamedRef>(t: PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, T>) => ({
  id: t.id({ resolve: (r) => r.id }),
  code: t.string({ description: "Stable code, safe to store in other systems.", resolve: (r) => r.code }),
  name: t.string({ description: "Korean name.", resolve: (r) => r.name }),
  nameEn: t.string({ description: "English name.", resolve: (r) => r.nameEn }),
});

export const DistrictKind = builder.enumType("DistrictKind", {
  description: "읍 (town), 면 (township) or 동 (neighbourhood).",
  values: ["EUP", "MYEON", "DONG"] as const,
});

export const District = builder.objectRef<DistrictRef>("District").implement({
  description: "An administrative district of the city (읍·면·동).",
  fields: (t) => ({ ...namedFields(t), kind: t.field({ type: DistrictKind, resolve: (d) => d.kind }) }),
});

export const Category = builder.objectRef<NamedRef>("Category").implement({
  description: "A budget field (분야) from the functional classification of local budgets.",
  fields: (t) => namedFields(t),
});

export const Department = builder.objectRef<NamedRef>("Department").implement({
  description: "A city department (부서) that answers and carries out proposals.",
  fields: (t) => namedFields(t),
});

export const City = builder.objectRef<CityInfo>("City").implement({
  description: "The city this installation serves and its participation rules.",
  fields: (t) => ({
    name: t.exposeString("cityName"),
    nameEn: t.exposeString("cityNameEn"),
    supportThreshold: t.exposeInt("supportThreshold", { description: "공감 needed for a department answer." }),
    supportWindowDays: t.exposeInt("supportWindowDays", { description: "Days a proposal gathers 공감." }),
  }),
});

builder.queryFields((t) => ({
  city: t.field({ type: City, authScopes: { public: true }, resolve: (_r, _a, ctx) => ctx.domain.catalog.city() }),
  districts: t.field({ type: [District], authScopes: { public: true }, resolve: (_r, _a, ctx) => ctx.domain.catalog.districts() }),
  categories: t.field({ type: [Category], authScopes: { public: true }, resolve: (_r, _a, ctx) => ctx.domain.catalog.categories() }),
  departments: t.field({ type: [Department], authScopes: { public: true }, resolve: (_r, _a, ctx) => ctx.domain.catalog.departments() }),
}));
