import path from "node:path";
import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig(({ isSsrBuild }) => ({
  resolve: { alias: { "~": path.resolve(import.meta.dirname, "app") } },
  plugins: [
    remix({
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
        unstable_optimizeDeps: true,
      },
    }),
  ],
  server: { hmr: { port: 24690 } },
  // The server build imports the workspace packages at run time (tsx loads their TypeScript), so
  // the app and its load context share one instance of them. `ssr.external` cannot do this: Vite
  // only externalizes packages whose entry is JavaScript. Bundling them took ~26 s and 3 MB.
  build: isSsrBuild ? { rollupOptions: { external: [/^@timetap\//] } } : {},
}));
