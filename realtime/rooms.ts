// Room names come only from here.
export const rooms = {
  proposalList: () => "proposals",
  proposal: (id: number) => `proposal:${id}`,
  round: (id: number) => `round:${id}`,
  user: (id: number) => `user:${id}`,
  session: (id: string) => `session:${id}`,
};
