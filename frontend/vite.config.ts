/**
 * One ES module, Lit bundled in: custom_components/librus/frontend/librus-cards.js.
 * LIBRUS_OUT_DIR builds elsewhere (scripts/test_frontend.sh compares that build with the committed file).
 * The build prints the raw and gzipped size and fails above the gzip budget.
 */
import { readFileSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { defineConfig, type Plugin } from "vite";

export const BUNDLE_NAME = "librus-cards.js";
export const GZIP_BUDGET_BYTES = 50 * 1024;

const outDir = resolve(process.env.LIBRUS_OUT_DIR ?? resolve(import.meta.dirname, "../custom_components/librus/frontend"));

function sizeBudget(): Plugin {
  return {
    name: "librus-size-budget",
    apply: "build",
    writeBundle() {
      const file = resolve(outDir, BUNDLE_NAME);
      const code = readFileSync(file);
      const gz = gzipSync(code, { level: 9 }).length;
      const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
      const line = `${BUNDLE_NAME}: ${kb(code.length)} raw, ${kb(gz)} gzipped (budget ${kb(GZIP_BUDGET_BYTES)} gzipped)`;
      if (gz > GZIP_BUDGET_BYTES) {
        rmSync(file);
        throw new Error(`bundle over budget: ${line}`);
      }
      console.log(`\n  ${line}\n`);
    },
  };
}

export default defineConfig({
  logLevel: "warn",
  plugins: [sizeBudget()],
  build: {
    outDir,
    emptyOutDir: false,
    copyPublicDir: false,
    reportCompressedSize: false,
    target: "es2022",
    minify: "oxc",
    sourcemap: false,
    rolldownOptions: {
      // Full minification (Vite keeps whitespace in ES library builds); keep Lit's licence notices.
      output: { minify: true, comments: { legal: true } },
    },
    lib: {
      entry: resolve(import.meta.dirname, "src/index.ts"),
      formats: ["es"],
      fileName: () => BUNDLE_NAME,
    },
  },
});
