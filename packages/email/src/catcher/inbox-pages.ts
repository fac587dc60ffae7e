import { escapeHtml } from "../escape-html.ts";
import { htmlDocument } from "../html-document.ts";
import type { CaughtMessage } from "./caught-message.ts";

const page = (title: string, body: string) =>
  htmlDocument(
    title,
    "font-family:system-ui,sans-serif;max-width:960px;margin:0 auto;padding:16px;line-height:1.5;",
    body,
  );

/** Every caught message, newest first. */
export function inboxPage(messages: CaughtMessage[]): string {
  const rows = [...messages]
    .reverse()
    .map(
      (message) => `<tr>
<td><a href="/messages/${message.id}" style="text-decoration:underline;">${escapeHtml(message.subject || "(no subject)")}</a></td>
<td>${escapeHtml(message.to.join(", "))}</td>
<td><time datetime="${message.receivedAt}">${escapeHtml(message.receivedAt)}</time></td>
</tr>`,
    )
    .join("\n");
  const table = messages.length
    ? `<table style="width:100%;border-collapse:collapse;text-align:left;">
<caption style="text-align:left;">${messages.length} message${messages.length === 1 ? "" : "s"}, newest first</caption>
<thead><tr><th scope="col">Subject</th><th scope="col">To</th><th scope="col">Received</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`
    : "<p>No email yet. Book a session and its confirmation lands here.</p>";
  return page(
    "TimeTap local inbox",
    `<h1>TimeTap local inbox</h1>
<p>Every email the local TimeTap sends is caught here; nothing leaves this machine.</p>
${table}`,
  );
}

/** One message: its headers, its HTML as the recipient sees it, its text part, its attachments. */
export function messagePage(message: CaughtMessage): string {
  const attachments = message.attachments
    .map(
      (attachment, index) =>
        `<li><a href="/messages/${message.id}/attachments/${index}" style="text-decoration:underline;">${escapeHtml(attachment.filename ?? `attachment ${index + 1}`)}</a> (${escapeHtml(attachment.contentType)})</li>`,
    )
    .join("\n");
  return page(
    message.subject || "(no subject)",
    `<p><a href="/" style="text-decoration:underline;">Back to the inbox</a></p>
<h1>${escapeHtml(message.subject || "(no subject)")}</h1>
<dl>
<dt>From</dt><dd>${escapeHtml(message.from)}</dd>
<dt>To</dt><dd>${escapeHtml(message.to.join(", "))}</dd>
<dt>Message-ID</dt><dd>${escapeHtml(message.messageId ?? "")}</dd>
</dl>
${
  message.html
    ? `<h2>As the recipient sees it</h2>
<iframe title="The message's HTML" sandbox srcdoc="${escapeHtml(message.html)}" style="width:100%;height:720px;border:1px solid #d4d4d8;"></iframe>`
    : ""
}
<h2>Plain text</h2>
<pre style="white-space:pre-wrap;">${escapeHtml(message.text)}</pre>
${attachments ? `<h2>Attachments</h2>\n<ul>\n${attachments}\n</ul>` : ""}`,
  );
}
