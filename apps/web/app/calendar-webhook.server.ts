import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveCalendarNotification } from "@timetap/api";

/**
 * Google's push notification for a watched calendar: no body, everything in X-Goog-* headers.
 * 204 when it came from one of our live channels; 404 otherwise (Google does not retry a 404).
 */
export async function receiveCalendarWebhook({ context, request }: ActionFunctionArgs) {
  const header = (name: string) => request.headers.get(name);
  const outcome = await receiveCalendarNotification(context.api, {
    channelId: header("x-goog-channel-id"),
    token: header("x-goog-channel-token"),
    resourceId: header("x-goog-resource-id"),
    resourceState: header("x-goog-resource-state"),
  });
  return new Response(null, { status: outcome === "accepted" ? 204 : 404 });
}
