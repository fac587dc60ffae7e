import { NoticeOptions } from "~/components/notice-options";

/** The minimum notice, from the usual choices plus the host's own if it is another. */
export function NoticeSelect({ current }: { current: number }) {
  return (
    <div className="space-y-1">
      <label htmlFor="notice" className="block text-sm font-medium">
        Minimum notice
      </label>
      <select
        id="notice"
        name="notice"
        defaultValue={current}
        className="rounded-md border border-tt-border bg-tt-surface px-3 py-2 text-sm"
      >
        <NoticeOptions own={current} />
      </select>
    </div>
  );
}
