/**
 * Once per `vitest run`: a fresh Home Assistant + simulator for every test file, stopped at
 * the end whatever happened (and by the helper itself if this process dies).
 */
import type {} from "vitest";
import type { TestProject } from "vitest/node";

import { type StackInfo, startStack } from "./stack.js";

declare module "vitest" {
  export interface ProvidedContext {
    stack: StackInfo;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = Date.now();
  const stack = await startStack({ fresh: true, noEntry: true });
  const { info } = stack;
  console.log(
    `[e2e] Home Assistant ${info.haVersion} (frontend ${info.frontendVersion}) at ${info.haUrl}, ` +
      `simulator at ${info.simulatorUrl}; ready in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  project.provide("stack", info);
  return async () => {
    await stack.stop();
  };
}
