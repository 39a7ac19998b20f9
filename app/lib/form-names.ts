// Names of form fields that a component renders and a server helper reads back: kept in one
// place (safe for the browser bundle) so the two cannot drift apart.

/** A committee member's points for one criterion (the score sheet in review-forms.tsx). */
export const scoreField = (criterionId: number) => `score-${criterionId}`;
