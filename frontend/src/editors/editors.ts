import {
  GRADES_DEFAULTS,
  MESSAGES_DEFAULTS,
  TIMETABLE_DEFAULTS,
  TODAY_DEFAULTS,
  validateGradesConfig,
  validateMessagesConfig,
  validateTimetableConfig,
  validateTodayConfig,
} from "../config";
import { t } from "../localize";
import type { GradesCardConfig, MessagesCardConfig, TimetableCardConfig, TodayCardConfig } from "../types";
import { LibrusEditorBase, type Field } from "./editor-base";

export class LibrusTodayCardEditor extends LibrusEditorBase<TodayCardConfig> {
  protected validateConfig(config: unknown): TodayCardConfig {
    return validateTodayConfig(config);
  }

  protected cardFields(): Field[] {
    return (Object.keys(TODAY_DEFAULTS) as (keyof typeof TODAY_DEFAULTS)[]).map((name) => ({
      name,
      kind: "boolean",
      label: `ed_${name}`,
      default: TODAY_DEFAULTS[name],
    }));
  }
}

export class LibrusTimetableCardEditor extends LibrusEditorBase<TimetableCardConfig> {
  protected validateConfig(config: unknown): TimetableCardConfig {
    return validateTimetableConfig(config);
  }

  protected cardFields(): Field[] {
    return [
      { name: "compact", kind: "boolean", label: "ed_compact", default: TIMETABLE_DEFAULTS.compact },
      { name: "show_teacher", kind: "boolean", label: "ed_show_teacher", default: TIMETABLE_DEFAULTS.show_teacher },
    ];
  }
}

export class LibrusGradesCardEditor extends LibrusEditorBase<GradesCardConfig> {
  protected validateConfig(config: unknown): GradesCardConfig {
    return validateGradesConfig(config);
  }

  protected cardFields(): Field[] {
    return [
      {
        name: "semester",
        kind: "select",
        label: "ed_semester",
        default: GRADES_DEFAULTS.semester,
        options: [
          { value: "current", label: t(this.uiLang, "ed_semester_current") },
          { value: "1", label: t(this.uiLang, "semester_n", { n: 1 }) },
          { value: "2", label: t(this.uiLang, "semester_n", { n: 2 }) },
        ],
        toConfig: (v) => (v === "1" ? 1 : v === "2" ? 2 : "current"),
        fromConfig: (v) => String(v),
      },
      { name: "show_averages", kind: "boolean", label: "ed_show_averages", default: GRADES_DEFAULTS.show_averages },
    ];
  }
}

/** The counts offered for "Messages to show"; another one set in YAML is offered too. */
const MESSAGE_COUNTS = [3, 5, 10, 20];

export class LibrusMessagesCardEditor extends LibrusEditorBase<MessagesCardConfig> {
  protected validateConfig(config: unknown): MessagesCardConfig {
    return validateMessagesConfig(config);
  }

  protected cardFields(): Field[] {
    const configured = this._config?.max_messages;
    const counts = [...new Set([...MESSAGE_COUNTS, ...(configured !== undefined ? [configured] : [])])].sort(
      (a, b) => a - b,
    );
    return [
      {
        name: "max_messages",
        kind: "select",
        label: "ed_max_messages",
        default: String(MESSAGES_DEFAULTS.max_messages),
        options: counts.map((n) => ({ value: String(n), label: String(n) })),
        // Cleared (the dropdown's ✕) means "the default": the key goes, never 0.
        toConfig: (v) => (v === "" ? undefined : Number(v)),
        fromConfig: (v) => String(v),
      },
      { name: "unread_only", kind: "boolean", label: "ed_unread_only", default: MESSAGES_DEFAULTS.unread_only },
      { name: "show_preview", kind: "boolean", label: "ed_show_preview", default: MESSAGES_DEFAULTS.show_preview },
    ];
  }
}
