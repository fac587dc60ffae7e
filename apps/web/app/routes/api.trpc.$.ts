import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { appRouter, createContext } from "@timetap/api";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { requestAuth } from "~/trpc.server";

async function handle({ request, context }: LoaderFunctionArgs | ActionFunctionArgs) {
  const auth = await requestAuth(context, request);
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: () => createContext(context.api, auth),
    onError: ({ error, path }) => {
      if (error.code === "INTERNAL_SERVER_ERROR") {
        context.api.logger.error("trpc_internal_error", { path, message: error.message });
      }
    },
  });
}

export const loader = handle;
export const action = handle;
