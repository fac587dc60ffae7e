import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { handleApiRequest } from "@timetap/api";
import { requestAuth } from "~/trpc.server";

async function handle({ request, context }: LoaderFunctionArgs | ActionFunctionArgs) {
  return handleApiRequest(request, context.api, await requestAuth(context, request));
}

export const loader = handle;
export const action = handle;
