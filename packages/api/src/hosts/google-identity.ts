import { isUniqueViolation, type Host } from "@timetap/db";
import type { ApiDeps } from "../deps.ts";
import { EmailOfAnotherAccountError } from "../lib/service-errors.ts";

/** A Google account as the sign-in saw it; its email is verified and lower-cased. */
interface GoogleAccount {
  sub: string;
  email: string;
  name: string;
}

/**
 * The host a Google account signs in as. Google's `sub` is the identity: an email can move to
 * another account, so it never hands over a host claimed by another `sub`. The host's email
 * follows its account's. A host created before `sub` was kept (its `google_sub` is null, like the
 * seeded demo host) is claimed once, by the first account that signs in with its email.
 */
export async function hostForGoogleAccount(
  { db }: Pick<ApiDeps, "db">,
  account: GoogleAccount,
): Promise<Host> {
  const { sub, email, name } = account;
  const own = await db.host.findUnique({ where: { googleSub: sub } });
  if (own) {
    if (own.email === email) return own;
    return refusingTakenEmail(() => db.host.update({ where: { id: own.id }, data: { email } }));
  }
  const sameEmail = await db.host.findUnique({ where: { email } });
  if (!sameEmail) {
    return refusingTakenEmail(() =>
      db.host.create({ data: { email, name: name || email, timeZone: "UTC", googleSub: sub } }),
    );
  }
  // Only while still unclaimed, so of two accounts racing for it only one gets it.
  const claimed = await db.host.updateMany({
    where: { id: sameEmail.id, googleSub: null },
    data: { googleSub: sub },
  });
  if (claimed.count === 0) throw new EmailOfAnotherAccountError();
  return { ...sameEmail, googleSub: sub };
}

/** Another host holds the email (the unique column says so, even when it won a race). */
async function refusingTakenEmail(write: () => Promise<Host>): Promise<Host> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw new EmailOfAnotherAccountError();
    throw error;
  }
}
