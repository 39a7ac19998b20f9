// Comment actions for a round's own debate; the round page posts here with fetchers.
import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { handleCommentAction } from "../lib/server/comment-actions.server.ts";

export const action = (args: ActionFunctionArgs) => handleCommentAction(args, { roundId: args.params.id });

export const loader = ({ params }: ActionFunctionArgs) => redirect(`/rounds/${params.id}`);
