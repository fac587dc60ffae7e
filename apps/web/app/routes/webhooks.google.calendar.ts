import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveCalendarWebhook } from "~/calendar-webhook.server";

/** Google Calendar push notifications (events.watch channels). */
export const action = (args: ActionFunctionArgs) => receiveCalendarWebhook(args);
