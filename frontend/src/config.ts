/** Card configurations: defaults and strict validation with clear error messages. */
import type { GradesCardConfig, MessagesCardConfig, TimetableCardConfig, TodayCardConfig } from "./types";

type OptionKind = "boolean" | "entry_id" | "semester" | "count";

interface CardSchema {
  element: string;
  options: Record<string, OptionKind>;
}

/** Keys Home Assistant itself stores on any card (sections grid, visibility, layouts, card-mod). */
const HA_KEYS = new Set(["type", "grid_options", "layout_options", "view_layout", "visibility", "card_mod"]);

export const TODAY_SCHEMA: CardSchema = {
  element: "librus-today-card",
  options: {
    entry_id: "entry_id",
    show_lucky_number: "boolean",
    show_agenda: "boolean",
    show_homework: "boolean",
    show_new_grades: "boolean",
    after_school_shows_tomorrow: "boolean",
  },
};

export const TIMETABLE_SCHEMA: CardSchema = {
  element: "librus-timetable-card",
  options: { entry_id: "entry_id", compact: "boolean", show_teacher: "boolean" },
};

export const GRADES_SCHEMA: CardSchema = {
  element: "librus-grades-card",
  options: { entry_id: "entry_id", semester: "semester", show_averages: "boolean" },
};

export const MESSAGES_SCHEMA: CardSchema = {
  element: "librus-messages-card",
  options: { entry_id: "entry_id", max_messages: "count", unread_only: "boolean", show_preview: "boolean" },
};

/** The backend sends at most this many messages. */
export const MAX_MESSAGES = 20;

export const TODAY_DEFAULTS = {
  show_lucky_number: true,
  show_agenda: true,
  show_homework: true,
  show_new_grades: true,
  after_school_shows_tomorrow: true,
} as const;

export const TIMETABLE_DEFAULTS = { compact: false, show_teacher: false } as const;

export const GRADES_DEFAULTS = { semester: "current", show_averages: true } as const;

export const MESSAGES_DEFAULTS = { max_messages: 5, unread_only: false, show_preview: true } as const;

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "object") return "an object";
  return String(value);
}

/** Throws an Error naming the card, the option and what was expected. Returns the config typed. */
function validate<T>(schema: CardSchema, config: unknown): T {
  const where = `Librus (${schema.element})`;
  if (config === null || typeof config !== "object" || Array.isArray(config)) {
    throw new Error(`${where}: the configuration must be an object, got ${describe(config)}.`);
  }
  const record = config as Record<string, unknown>;
  if (typeof record.type !== "string") {
    throw new Error(`${where}: "type" must be "custom:${schema.element}".`);
  }
  for (const [key, value] of Object.entries(record)) {
    if (HA_KEYS.has(key)) continue;
    const kind = schema.options[key];
    if (!kind) {
      const allowed = Object.keys(schema.options).join(", ");
      throw new Error(`${where}: unknown option "${key}". Allowed options: ${allowed}.`);
    }
    if (value === undefined) continue;
    if (kind === "boolean" && typeof value !== "boolean") {
      throw new Error(`${where}: "${key}" must be true or false, got ${describe(value)}.`);
    }
    if (kind === "entry_id" && (typeof value !== "string" || value.trim() === "")) {
      throw new Error(
        `${where}: "entry_id" must be the config entry id of a Librus student (a non-empty text), got ${describe(value)}.`,
      );
    }
    if (kind === "semester" && value !== "current" && value !== 1 && value !== 2) {
      throw new Error(`${where}: "semester" must be "current", 1 or 2, got ${describe(value)}.`);
    }
    if (kind === "count" && !(Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_MESSAGES)) {
      throw new Error(`${where}: "${key}" must be a whole number from 1 to ${MAX_MESSAGES}, got ${describe(value)}.`);
    }
  }
  return { ...record } as T;
}

export function validateTodayConfig(config: unknown): TodayCardConfig {
  return validate<TodayCardConfig>(TODAY_SCHEMA, config);
}

export function validateTimetableConfig(config: unknown): TimetableCardConfig {
  return validate<TimetableCardConfig>(TIMETABLE_SCHEMA, config);
}

export function validateGradesConfig(config: unknown): GradesCardConfig {
  return validate<GradesCardConfig>(GRADES_SCHEMA, config);
}

export function validateMessagesConfig(config: unknown): MessagesCardConfig {
  return validate<MessagesCardConfig>(MESSAGES_SCHEMA, config);
}
