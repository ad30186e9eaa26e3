import { defineConfig } from "vitest/config";

// One Home Assistant + simulator for the whole run (src/global-setup.ts), files one after
// another: they share that instance and the machine has two cores.
export default defineConfig({
  test: {
    include: ["tests/**/*.e2e.ts"],
    globalSetup: ["src/global-setup.ts"],
    fileParallelism: false,
    sequence: { concurrent: false },
    testTimeout: 120_000,
    hookTimeout: 240_000,
    teardownTimeout: 90_000,
    reporters: ["default"],
  },
});
