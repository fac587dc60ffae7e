import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";

declare global {
  interface Window {
    __remixContext: { stream?: unknown };
  }
}

/**
 * Remix's default client entry, except that React takes the page over only once the page's data
 * is decoded.
 *
 * With single fetch, `RemixBrowser` suspends on its first render until the loader data inlined in
 * the page as a stream is decoded. A click or key press that comes after `hydrateRoot` and before
 * that first render makes React hydrate at once, synchronously; the suspension then leaves the
 * root unfinished and React throws "Root did not complete" (error #345; remix-run/remix#10214,
 * remix-run/react-router#12763, open upstream). On a slow phone that moment is long enough to tap
 * in, and it made our e2e runs fail now and then.
 *
 * So the decoding starts first, by calling `RemixBrowser` once outside React: until its data is
 * decoded it throws the decoding's promise before it touches any hook or creates its router (Remix
 * 2.17's `browser.tsx`). When the stream has already been taken, that call is skipped. Until the
 * promise settles the page stays the server's HTML, whose links and forms work without JavaScript.
 */
async function pageDataDecoded() {
  if (!window.__remixContext.stream) return;
  try {
    RemixBrowser({});
  } catch (pending) {
    if (!(pending instanceof Promise)) throw pending;
    await pending;
  }
}

void pageDataDecoded().then(() =>
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  }),
);
