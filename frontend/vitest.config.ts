import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    reporters: ["default"],
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.ts"],
          environment: "node",
          // Far from Warsaw on purpose: nothing may depend on the machine's zone.
          env: { TZ: "America/Los_Angeles" },
        },
      },
      {
        test: {
          name: "unit-tz",
          include: [
            "test/unit/format.test.ts",
            "test/unit/today.test.ts",
            "test/unit/grades.test.ts",
            "test/unit/messages.test.ts",
          ],
          environment: "node",
          env: { TZ: "Pacific/Kiritimati" },
        },
      },
      {
        test: {
          name: "browser",
          include: ["test/browser/**/*.test.ts"],
          environment: "node",
          globalSetup: ["test/browser/global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // One Chromium for all files; files run one after another (2 shared cores).
          fileParallelism: false,
        },
      },
    ],
  },
});
