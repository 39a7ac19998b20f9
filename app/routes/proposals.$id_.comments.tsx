// Comment actions for the debate under a proposal; the proposal page posts here with fetchers.
import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { handleCommentAction } from "../lib/server/comment-actions.server.ts";

export const action = (args: ActionFunctionArgs) => handleCommentAction(args, { proposalId: args.params.id });

export const loader = ({ params }: ActionFunctionArgs) => redirect(`/proposals/${params.id}`);
