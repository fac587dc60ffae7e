import { escapeHtml } from "./escape-html.ts";
import { htmlDocument } from "./html-document.ts";

/** A piece of an email, in both of its parts. */
export interface EmailBlock {
  html: string;
  text: string;
}

const BUTTON_STYLE =
  "display:inline-block;padding:12px 20px;border-radius:6px;background:#1d4ed8;color:#ffffff;" +
  "font-weight:600;text-decoration:underline;";

/** A call to action that reads as a link (underlined) as well as a button. */
export const button = (href: string, label: string): EmailBlock => ({
  html: `<p style="margin:24px 0;"><a href="${escapeHtml(href)}" style="${BUTTON_STYLE}">${escapeHtml(label)}</a></p>`,
  text: `${label}: ${href}`,
});

export const paragraph = (text: string): EmailBlock => ({
  html: `<p style="margin:0 0 16px;">${escapeHtml(text)}</p>`,
  text,
});

/** Label/value lines, one under the other, so they fit a 390 px screen without a table. */
export const details = (rows: Array<[string, string]>): EmailBlock => ({
  html: rows
    .map(
      ([label, value]) =>
        `<p style="margin:0 0 12px;"><strong>${escapeHtml(label)}</strong><br>${escapeHtml(value)}</p>`,
    )
    .join(""),
  text: rows.map(([label, value]) => `${label}: ${value}`).join("\n"),
});

const CUSTOMER_FOOTER = "Sent by TimeTap on behalf of your host.";

/**
 * The subject and both parts of an email titled `title`. The HTML is one column with inline
 * styles only and no images or remote assets: readable at 390 px and in clients that strip
 * <style> blocks. The footer says who sent it: the host, to a customer, unless told otherwise.
 */
export function composeEmail(title: string, blocks: EmailBlock[], footer = CUSTOMER_FOOTER) {
  const html = htmlDocument(
    title,
    "margin:0;padding:0;background:#f4f4f5;",
    `<div style="max-width:560px;margin:0 auto;padding:24px 16px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#18181b;">
<div style="background:#ffffff;border-radius:8px;padding:24px;">
<h1 style="margin:0 0 16px;font-size:22px;line-height:1.3;">${escapeHtml(title)}</h1>
${blocks.map((block) => block.html).join("\n")}
</div>
<p style="margin:16px 0 0;font-size:13px;color:#52525b;">${escapeHtml(footer)}</p>
</div>`,
  );
  const text = [title, ...blocks.map((block) => block.text), footer, ""].join("\n\n");
  return { subject: title, html, text };
}
