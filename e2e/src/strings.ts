/**
 * The texts a person sees, read from their sources instead of copied into tests:
 *  - the integration's translations (custom_components/librus/translations/<lang>.json);
 *  - the Home Assistant frontend's translations (hass_frontend/static/translations/**), for
 *    its own buttons and menus ("Settings", "Add integration", ...).
 * A test that looks for a text therefore keeps passing when a wording changes, and fails
 * when a translation is missing.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { REPO_DIR } from "./stack.js";

export type Lang = "en" | "pl";
export const LANGS: readonly Lang[] = ["en", "pl"];

type Tree = { [key: string]: string | Tree };

function isTree(v: unknown): v is Tree {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function lookup(tree: Tree, dotted: string, source: string): string {
  let node: string | Tree | undefined = tree;
  for (const part of dotted.split(".")) {
    node = isTree(node) ? node[part] : undefined;
  }
  if (typeof node !== "string") throw new Error(`no text ${dotted} in ${source}`);
  return node;
}

const frontendCache = new Map<string, Map<string, string>>();

/** Every frontend translation fragment of one language, merged (key -> text). */
function frontendTexts(frontendDir: string, lang: Lang): Map<string, string> {
  const cacheKey = `${frontendDir}:${lang}`;
  const cached = frontendCache.get(cacheKey);
  if (cached) return cached;
  const root = path.join(frontendDir, "static", "translations");
  // <lang>-<hash>.json; not en-GB-<hash>.json, not the .br/.gz copies.
  const pattern = new RegExp(`^${lang}-[0-9a-f]+\\.json$`);
  const texts = new Map<string, string>();
  for (const rel of readdirSync(root, { recursive: true, encoding: "utf8" })) {
    if (!pattern.test(path.basename(rel))) continue;
    const parsed: unknown = JSON.parse(readFileSync(path.join(root, rel), "utf8"));
    if (!isTree(parsed)) continue;
    for (const [key, value] of Object.entries(parsed)) {
      if (typeof value === "string") texts.set(key, value);
    }
  }
  if (texts.size === 0) throw new Error(`no ${lang} frontend translations under ${root}`);
  frontendCache.set(cacheKey, texts);
  return texts;
}

/** Replace `{name}` placeholders (Home Assistant's simple, non-plural ones). */
export function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** The texts of one language. */
export class Strings {
  private readonly librusTree: Tree;
  private readonly frontend: Map<string, string>;
  readonly manifestName: string;

  constructor(
    readonly lang: Lang,
    frontendDir: string,
    integrationDir = path.join(REPO_DIR, "custom_components", "librus"),
  ) {
    const translations: unknown = JSON.parse(
      readFileSync(path.join(integrationDir, "translations", `${lang}.json`), "utf8"),
    );
    if (!isTree(translations)) throw new Error(`translations/${lang}.json is not an object`);
    this.librusTree = translations;
    this.frontend = frontendTexts(frontendDir, lang);
    const manifest: unknown = JSON.parse(
      readFileSync(path.join(integrationDir, "manifest.json"), "utf8"),
    );
    this.manifestName = isTree(manifest) ? lookup(manifest, "name", "manifest.json") : "";
  }

  /** A text of the integration, e.g. `config.error.invalid_auth`. */
  librus(dotted: string, values: Record<string, string> = {}): string {
    return fill(lookup(this.librusTree, dotted, `translations/${this.lang}.json`), values);
  }

  /** A text of the Home Assistant frontend, e.g. `ui.panel.config.integrations.add_integration`. */
  ha(key: string, values: Record<string, string> = {}): string {
    const text = this.frontend.get(key);
    if (text === undefined) throw new Error(`no frontend text ${key} (${this.lang})`);
    return fill(text, values);
  }
}
