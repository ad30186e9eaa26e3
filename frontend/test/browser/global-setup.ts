/**
 * Once for all browser tests: build the bundle (or take LIBRUS_BUNDLE), serve it with the test
 * page on 127.0.0.1, and start Debian's Chromium through playwright-core.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";
import type { TestProject } from "vitest/node";
import { chromiumLaunchOptions } from "../chromium";
import { PAGE_HTML } from "./page";

declare module "vitest" {
  export interface ProvidedContext {
    wsEndpoint: string;
    baseUrl: string;
  }
}

async function buildBundle(dir: string): Promise<string> {
  process.env.LIBRUS_OUT_DIR = dir;
  const { build } = await import("vite");
  // vitest sets NODE_ENV=test; build exactly as `npm run build` does.
  const env = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await build({ configFile: resolve(import.meta.dirname, "../../vite.config.ts"), mode: "production", logLevel: "warn" });
  } finally {
    process.env.NODE_ENV = env;
  }
  return join(dir, "librus-cards.js");
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const tmp = mkdtempSync(join(tmpdir(), "librus-cards-"));
  const bundlePath = process.env.LIBRUS_BUNDLE ?? (await buildBundle(tmp));
  const bundle = readFileSync(bundlePath);

  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (path === "/" || path === "/index.html") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(PAGE_HTML);
    } else if (path === "/librus-cards.js") {
      res.writeHead(200, { "content-type": "text/javascript; charset=utf-8", "cache-control": "no-store" });
      res.end(bundle);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address() as AddressInfo;

  const browser = await chromium.launchServer(chromiumLaunchOptions());

  project.provide("wsEndpoint", browser.wsEndpoint());
  project.provide("baseUrl", `http://127.0.0.1:${port}/`);

  return async () => {
    await browser.close();
    await new Promise((ok) => server.close(ok));
    rmSync(tmp, { recursive: true, force: true });
  };
}
