import type { roundsAdminKo } from "./roundsAdmin.ko.ts";
import type { Stringified } from "./stringified.ts";

export const roundsAdminEn: Stringified<typeof roundsAdminKo> = {
  roundsAdmin: {
    title: "roundsAdmin",
  },
};
