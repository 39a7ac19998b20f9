// Text of the roundsAdmin screens.
export const roundsAdminKo = {
  roundsAdmin: {
    title: "roundsAdmin",
  },
};
