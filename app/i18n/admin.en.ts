import type { adminKo } from "./admin.ko.ts";
import type { Stringified } from "./stringified.ts";

export const adminEn: Stringified<typeof adminKo> = {
  admin: {
    title: "Administration",
  },
};
