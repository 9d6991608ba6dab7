/// <reference types="vitest/config" />
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

// The gateway serves the built files at /console/ (gateway/README.md, "Console"); the dev server proxies the
// API and the runtime configuration to a suite started with ./run.
const gateway = process.env.CONSOLE_GATEWAY_URL ?? "http://localhost:8080";

// The dev server answers /console/config.json itself (the gateway does in the suite): the local realm, the console's client.
const devConfig: Plugin = {
  name: "console-dev-config",
  configureServer(server) {
    server.middlewares.use("/console/config.json", (_req, res) => {
      res.setHeader("Content-Type", "application/json");
      res.end(
        JSON.stringify({
          authority: process.env.CONSOLE_AUTHORITY ?? "http://localhost:8180/realms/governance",
          clientId: "governance-console",
          apiBase: "/",
        }),
      );
    });
  },
};

export default defineConfig({
  base: "/console/",
  plugins: [react(), devConfig],
  build: {
    outDir: "target/dist",
    emptyOutDir: true,
    sourcemap: false,
    assetsInlineLimit: 0,
  },
  // GOV.UK Frontend keeps an old Internet Explorer "@media screen\\0" hack that modern browsers ignore: dropped.
  css: { lightningcss: { errorRecovery: true } },
  server: {
    port: Number(process.env.CONSOLE_DEV_PORT ?? 5173),
    strictPort: true,
    // the browser's Origin is the dev server's: dropped, so the gateway sees a same-origin call as in the suite
    proxy: Object.fromEntries(
      ["/api", "/public"].map((path) => [
        path,
        {
          target: gateway,
          configure: (proxy: { on: (event: "proxyReq", listener: (req: { removeHeader: (name: string) => void }) => void) => void }) =>
            proxy.on("proxyReq", (req) => req.removeHeader("origin")),
        },
      ]),
    ),
  },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.{ts,tsx}"],
    setupFiles: ["src/test-setup.ts"],
  },
});
