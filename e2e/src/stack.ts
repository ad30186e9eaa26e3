/**
 * A running Home Assistant + Librus simulator, started by the same Python helper as
 * `make demo` (scripts/librus_demo `serve`), plus typed clients for their HTTP APIs.
 *
 * The helper prints one `LIBRUS_DEMO_READY {json}` line once Home Assistant is onboarded
 * and running, then serves until it gets SIGTERM or its stdin closes. Closing stdin is what
 * happens when this process dies in any way, so no hass or simulator outlives a test run.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const E2E_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const REPO_DIR = path.resolve(E2E_DIR, "..");
/** Screenshots and logs: results/e2e/, or LIBRUS_E2E_RESULTS (the latest job's own dir). */
export const RESULTS_DIR = process.env.LIBRUS_E2E_RESULTS ?? path.join(REPO_DIR, "results", "e2e");
/**
 * The Python that runs the helper, and so Home Assistant: the pinned job's venv, unless
 * LIBRUS_E2E_PYTHON names another (the latest job's scripts/latest/python.sh: the newest HA
 * on Python 3.14 in its chroot).
 */
const PYTHON = process.env.LIBRUS_E2E_PYTHON ?? path.join(REPO_DIR, ".venv", "bin", "python");
const HELPER = path.join(REPO_DIR, "scripts", "librus_demo");
const READY_PREFIX = "LIBRUS_DEMO_READY ";

/** What the helper reports once everything is up (the fields of its JSON line). */
export interface StackInfo {
  haUrl: string;
  simulatorUrl: string;
  configDir: string;
  /** The Home Assistant owner account (UI login). */
  username: string;
  password: string;
  /** A long-lived access token of that owner, for REST and websocket calls. */
  token: string;
  /** The Librus entry the helper added, or null with `noEntry`. */
  entryId: string | null;
  haVersion: string;
  frontendVersion: string;
  /** The installed hass_frontend package (its translations are read by strings.ts). */
  frontendDir: string;
  hassPid: number;
  simulatorPid: number;
}

export interface StackOptions {
  /**
   * Config dir to generate (kept between runs unless `fresh`). Default: a new temporary
   * dir, deleted on stop after its logs are copied beside `logFile` (so two runs at the
   * same time never share a Home Assistant config).
   */
  configDir?: string;
  /** Delete the config dir first, so onboarding and entries start from nothing. */
  fresh?: boolean;
  /** Do not add the Librus entry (the UI tests add it themselves). */
  noEntry?: boolean;
  /** Extra environment variables for hass (e.g. shorter login timeouts). */
  hassEnv?: Record<string, string>;
  /** Where the helper's own log goes. */
  logFile?: string;
  startTimeoutMs?: number;
}

export interface Stack {
  info: StackInfo;
  /** Stop hass and the simulator; safe to call twice. */
  stop(): Promise<void>;
}

function field<T>(obj: Record<string, unknown>, key: string, check: (v: unknown) => v is T): T {
  const value = obj[key];
  if (!check(value)) {
    throw new Error(`helper JSON: field ${key} has an unexpected value ${JSON.stringify(value)}`);
  }
  return value;
}
const isString = (v: unknown): v is string => typeof v === "string";
const isNumber = (v: unknown): v is number => typeof v === "number";
const isStringOrNull = (v: unknown): v is string | null => v === null || typeof v === "string";

export function parseStackInfo(json: string): StackInfo {
  const raw: unknown = JSON.parse(json);
  if (typeof raw !== "object" || raw === null) throw new Error("helper JSON is not an object");
  const o = raw as Record<string, unknown>;
  return {
    haUrl: field(o, "ha_url", isString),
    simulatorUrl: field(o, "simulator_url", isString),
    configDir: field(o, "config_dir", isString),
    username: field(o, "username", isString),
    password: field(o, "password", isString),
    token: field(o, "token", isString),
    entryId: field(o, "entry_id", isStringOrNull),
    haVersion: field(o, "ha_version", isString),
    frontendVersion: field(o, "frontend_version", isString),
    frontendDir: field(o, "frontend_dir", isString),
    hassPid: field(o, "hass_pid", isNumber),
    simulatorPid: field(o, "simulator_pid", isNumber),
  };
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** SIGKILL a process group if it still exists (hass and the simulator lead their own). */
function killGroup(pid: number): void {
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // ESRCH: already gone, which is the normal case.
  }
}

/** Start simulator + Home Assistant (onboarded, owner logged in) and wait until ready. */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const temporary = options.configDir === undefined;
  const configDir = options.configDir ?? mkdtempSync(path.join(os.tmpdir(), "librus-e2e-ha-"));
  const logFile = options.logFile ?? path.join(RESULTS_DIR, "stack.log");
  mkdirSync(path.dirname(logFile), { recursive: true });
  const log = createWriteStream(logFile, { flags: "w" });
  const args = [HELPER, "serve", "--config-dir", configDir, "--watch-stdin"];
  if (options.fresh ?? true) args.push("--fresh");
  // The helper deletes a temporary dir itself, also when this process dies.
  if (temporary) args.push("--temporary", "--keep-logs", path.dirname(logFile));
  if (options.noEntry ?? false) args.push("--no-entry");
  for (const [key, value] of Object.entries(options.hassEnv ?? {})) {
    args.push("--env", `${key}=${value}`);
  }
  const child = spawn(PYTHON, args, { cwd: REPO_DIR, stdio: ["pipe", "pipe", "pipe"] });
  child.stderr?.pipe(log, { end: false });

  let stopped = false;
  let info: StackInfo | undefined;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    child.kill("SIGTERM");
    child.stdin?.end();
    const clean = await waitForExit(child, 60_000);
    if (!clean) {
      child.kill("SIGKILL");
      await waitForExit(child, 5_000);
    }
    // Belt and braces: the helper stops both groups itself; this only acts if it could not.
    if (info !== undefined) {
      killGroup(info.hassPid);
      killGroup(info.simulatorPid);
    }
    log.end();
    if (temporary) rmSync(configDir, { recursive: true, force: true });
  };

  const timeoutMs = options.startTimeoutMs ?? 240_000;
  try {
    info = await new Promise<StackInfo>((resolve, reject) => {
      let buffered = "";
      const timer = setTimeout(
        () => reject(new Error(`Home Assistant was not ready within ${timeoutMs / 1000} s`)),
        timeoutMs,
      );
      child.stdout?.setEncoding("utf8");
      child.stdout?.on("data", (chunk: string) => {
        buffered += chunk;
        let newline = buffered.indexOf("\n");
        while (newline >= 0) {
          const line = buffered.slice(0, newline);
          buffered = buffered.slice(newline + 1);
          if (line.startsWith(READY_PREFIX)) {
            clearTimeout(timer);
            try {
              resolve(parseStackInfo(line.slice(READY_PREFIX.length)));
            } catch (err) {
              reject(err instanceof Error ? err : new Error(String(err)));
            }
          } else {
            log.write(`${line}\n`);
          }
          newline = buffered.indexOf("\n");
        }
      });
      child.once("exit", (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`the stack helper exited early (code ${code}, signal ${signal})`));
      });
      child.once("error", (err) => {
        clearTimeout(timer);
        reject(err);
      });
    });
  } catch (err) {
    await stop();
    let tail = "";
    try {
      tail = readFileSync(logFile, "utf8").split("\n").slice(-15).join("\n");
    } catch {
      // no log yet
    }
    const message = err instanceof Error ? err.message : String(err);
    throw new Error(`${message}\n--- ${logFile} (tail) ---\n${tail}`);
  }
  return { info, stop };
}

// --- Home Assistant REST -------------------------------------------------------------------

export interface ConfigEntry {
  entry_id: string;
  domain: string;
  title: string;
  state: string;
}

function isConfigEntry(v: unknown): v is ConfigEntry {
  if (typeof v !== "object" || v === null) return false;
  const o = v as Record<string, unknown>;
  return (
    typeof o.entry_id === "string" &&
    typeof o.domain === "string" &&
    typeof o.title === "string" &&
    typeof o.state === "string"
  );
}

/** The REST API of Home Assistant, with the owner's long-lived token. */
export class HaApi {
  constructor(
    readonly baseUrl: string,
    private readonly token: string,
  ) {}

  async request(method: string, apiPath: string, body?: unknown): Promise<unknown> {
    const init: RequestInit = {
      method,
      headers: { Authorization: `Bearer ${this.token}`, "Content-Type": "application/json" },
    };
    if (body !== undefined) init.body = JSON.stringify(body);
    const response = await fetch(`${this.baseUrl}${apiPath}`, init);
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${apiPath}: HTTP ${response.status} ${text}`);
    return text ? (JSON.parse(text) as unknown) : null;
  }

  async configEntries(domain: string): Promise<ConfigEntry[]> {
    const raw = await this.request(
      "GET",
      `/api/config/config_entries/entry?domain=${encodeURIComponent(domain)}`,
    );
    if (!Array.isArray(raw) || !raw.every(isConfigEntry)) {
      throw new Error(`unexpected config entries answer: ${JSON.stringify(raw)}`);
    }
    return raw.filter((entry) => entry.domain === domain);
  }

  async deleteEntry(entryId: string): Promise<void> {
    await this.request("DELETE", `/api/config/config_entries/entry/${entryId}`);
  }

  /** Poll until `check` returns a value (not undefined) or the time is up. */
  async waitFor<T>(
    what: string,
    check: () => Promise<T | undefined>,
    timeoutMs: number,
    intervalMs = 100,
  ): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await check();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms: ${what}`);
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}

// --- the simulator's admin API -------------------------------------------------------------

export type LoginStep =
  | "oauth_init"
  | "oauth_login"
  | "oauth_grant"
  | "token_info"
  | "user_info"
  | "me";
export type FaultKind =
  | "delay"
  | "hang"
  | "close"
  | "status"
  | "maintenance"
  | "malformed_json"
  | "html"
  | "missing_user_identifier";

export interface Fault {
  step: LoginStep;
  kind: FaultKind;
  seconds?: number;
  status?: number;
  /** Only the next N matching requests (default: until cleared). */
  times?: number | null;
}

/** `/__simulator/...`: make the simulator misbehave, and see what it was asked. */
export class SimulatorAdmin {
  constructor(readonly baseUrl: string) {}

  private async call(method: string, adminPath: string, body?: unknown): Promise<unknown> {
    const init: RequestInit = { method };
    if (body !== undefined) {
      init.body = JSON.stringify(body);
      init.headers = { "Content-Type": "application/json" };
    }
    const response = await fetch(`${this.baseUrl}/__simulator/${adminPath}`, init);
    const text = await response.text();
    if (!response.ok) {
      throw new Error(`simulator ${method} ${adminPath}: HTTP ${response.status} ${text}`);
    }
    return text ? (JSON.parse(text) as unknown) : null;
  }

  async fault(fault: Fault): Promise<void> {
    await this.call("POST", "faults", fault);
  }

  async clearFaults(): Promise<void> {
    await this.call("DELETE", "faults");
  }

  /** Answer every request only after this many seconds (0: at once). */
  async latency(seconds: number): Promise<void> {
    await this.call("POST", "latency", { seconds });
  }

  /** Let every request held by a `hang` fault continue. */
  async release(): Promise<void> {
    await this.call("POST", "release");
  }

  /** Clear faults and release hangs: the state every test should start from. */
  async reset(): Promise<void> {
    await this.clearFaults();
    await this.release();
  }

  async requests(): Promise<unknown> {
    return this.call("GET", "requests");
  }

  async clearRequests(): Promise<void> {
    await this.call("DELETE", "requests");
  }
}

// --- the Librus dashboard ------------------------------------------------------------------

export interface LibrusDashboard {
  /** The Librus entry the dashboard's cards show. */
  entryId: string;
  /** The dashboard's first view, e.g. http://127.0.0.1:8123/librus/0. */
  url: string;
}

/**
 * The "Librus" dashboard with the three cards, made by the same code as `make demo`
 * (scripts/librus_demo `dashboard`, i.e. `ensure_librus_dashboard`): idempotent, and with
 * `addEntry` it first adds the demo parent's entry when no Librus entry is loaded.
 */
export async function ensureLibrusDashboard(
  stack: Pick<StackInfo, "haUrl" | "token">,
  options: { addEntry?: boolean; timeoutMs?: number } = {},
): Promise<LibrusDashboard> {
  const args = [HELPER, "dashboard", "--ha-url", stack.haUrl, "--token", stack.token];
  if (options.addEntry ?? true) args.push("--add-entry");
  const child = spawn(PYTHON, args, { cwd: REPO_DIR, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const timeoutMs = options.timeoutMs ?? 120_000;
  const exited = await waitForExit(child, timeoutMs);
  if (!exited) {
    child.kill("SIGKILL");
    throw new Error(`librus_demo dashboard did not finish within ${timeoutMs / 1000} s\n${stderr}`);
  }
  if (child.exitCode !== 0) {
    throw new Error(`librus_demo dashboard failed (exit ${child.exitCode}):\n${stderr}`);
  }
  const raw: unknown = JSON.parse(stdout.trim().split("\n").pop() ?? "null");
  if (typeof raw !== "object" || raw === null) throw new Error(`dashboard helper said ${stdout}`);
  const o = raw as Record<string, unknown>;
  return { entryId: field(o, "entry_id", isString), url: field(o, "dashboard_url", isString) };
}
