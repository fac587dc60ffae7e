import { hostChanged, type HostChangeDeps } from "../availability/host-changed.ts";
import type { ApiDeps } from "../deps.ts";
import { remindersOff } from "../notifications/reminders.ts";
import type { EmailSettings } from "./email-settings.inputs.ts";

const emailSettingsSelect = { hostNotices: true, reminder24h: true, reminder1h: true } as const;

/** Whether the host hears of their bookings, and which reminders their customers get. */
export function getEmailSettings({ db }: Pick<ApiDeps, "db">, hostId: string) {
  return db.host.findUniqueOrThrow({ where: { id: hostId }, select: emailSettingsSelect });
}

/**
 * New settings apply to bookings made and moved from now on; a reminder switched off also stops
 * the ones already waiting, since the host asked for none.
 */
export async function updateEmailSettings(
  deps: Pick<ApiDeps, "db" | "logger"> & HostChangeDeps,
  hostId: string,
  settings: EmailSettings,
) {
  const { db, logger } = deps;
  const [updated] = await db.$transaction([
    db.host.update({ where: { id: hostId }, data: settings, select: emailSettingsSelect }),
    db.email.deleteMany({
      where: { state: "pending", kind: { in: remindersOff(settings) }, booking: { hostId } },
    }),
  ]);
  // A booking reads them from the host's kept settings (availability/bookable.ts).
  hostChanged(deps, hostId, "settings");
  logger.info("email_settings_updated", { hostId, ...settings });
  return updated;
}
