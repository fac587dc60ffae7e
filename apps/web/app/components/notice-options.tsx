import { NOTICE_CHOICES, noticeLabel } from "~/weekly-hours-form";

/** The usual minimum-notice choices as options, plus `own` when it is another (kept as set). */
export function NoticeOptions({ own }: { own?: number | undefined }) {
  const choices = new Set<number>(NOTICE_CHOICES);
  if (own !== undefined && Number.isInteger(own)) choices.add(own);
  return [...choices]
    .sort((a, b) => a - b)
    .map((minutes) => (
      <option key={minutes} value={minutes}>
        {noticeLabel(minutes)}
      </option>
    ));
}
