import { escapeHtml } from "./escape-html.ts";

/** A whole HTML page with a phone-sized viewport; `bodyStyle` is inline, as email needs. */
export function htmlDocument(title: string, bodyStyle: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
</head>
<body style="${bodyStyle}">
${body}
</body>
</html>`;
}
