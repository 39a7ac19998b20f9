import type { roundPageKo } from "./roundPage.ko.ts";
import type { Stringified } from "./stringified.ts";

export const roundPageEn: Stringified<typeof roundPageKo> = {
  roundPage: {
    title: "roundPage",
  },
};
