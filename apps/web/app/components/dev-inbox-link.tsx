/**
 * In development, where TimeTap's emails land: the local mail catcher's inbox. Nothing in
 * production, where they go to real people.
 */
export function DevInboxLink({ inboxUrl }: { inboxUrl: string | null }) {
  if (!inboxUrl) return null;
  return (
    <a href={inboxUrl} className="text-sm text-tt-text-muted underline">
      Local inbox (development): emails TimeTap sent
    </a>
  );
}
