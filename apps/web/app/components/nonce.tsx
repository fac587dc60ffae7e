import { createContext, useContext } from "react";

/**
 * The nonce the server's Content-Security-Policy names for this response, so the page's own
 * inline scripts may run. Empty in the browser, which hides the attribute once the page loaded.
 */
const NonceContext = createContext("");

export const NonceProvider = NonceContext.Provider;

export const useNonce = () => useContext(NonceContext);
