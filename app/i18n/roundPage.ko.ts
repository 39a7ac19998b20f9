// Text of the roundPage screens.
export const roundPageKo = {
  roundPage: {
    title: "roundPage",
  },
};
