/**
 * The data contract between the Librus integration (Python, websocket API) and the cards.
 *
 * Websocket commands (sent through `hass.callWS` / `hass.connection.subscribeMessage`):
 * - `{type: "librus/students"}` → `StudentEntry[]` (one per configured Librus entry = per student)
 * - `{type: "librus/card_data", entry_id}` → `CardData` (last synced snapshot, never a fresh Librus call)
 * - `{type: "librus/subscribe", entry_id}` (subscription) → pushes `CardData` at once and after each refresh
 *
 * Keep this file byte-for-byte in sync with frontend/README.md ("Data contract").
 */

/** "2026-11-30": a calendar day in Europe/Warsaw (school days). */
export type ISODate = string;

export interface StudentEntry {
  entry_id: string;
  name: string;
  class_name: string | null;
}

export interface CardData {
  entry_id: string;
  student: {
    name: string;
    class_name: string | null;
    school_name: string | null;
    register_number: number | null;
  };
  /** ISO 8601 with offset, last successful sync. */
  updated_at: string | null;
  /** The day the backend considers today (Europe/Warsaw). */
  today: ISODate;
  current_semester: 1 | 2;
  lucky_number: { number: number; day: ISODate; is_mine: boolean } | null;
  /** The weeks the backend has (typically previous, current, next), sorted. */
  weeks: TimetableWeek[];
  /** Tests, quizzes, trips, meetings (upcoming ~30 days and recent 7). */
  agenda: AgendaItem[];
  /** Assignments not yet due (and due today). */
  homework: HomeworkItem[];
  grades: GradesBySemester;
  messages: CardMessages;
}

/** Monday..Friday (weekend only if it has lessons). */
export interface TimetableWeek {
  week_start: ISODate;
  days: TimetableDay[];
}

/** free_day = name of a free day ("Ferie zimowe") or null. */
export interface TimetableDay {
  date: ISODate;
  free_day: string | null;
  lessons: TimetableLesson[];
}

export type LessonStatus = "normal" | "substitution" | "cancelled" | "moved";

export interface TimetableLesson {
  number: number;
  /** "08:00", local time (Europe/Warsaw). */
  start: string;
  /** "08:45", local time (Europe/Warsaw). */
  end: string;
  subject: string;
  teacher: string | null;
  room: string | null;
  /** Virtual class name for split groups. */
  group: string | null;
  status: LessonStatus;
  /** Substitution note. */
  note: string | null;
  /** For substitutions: what the lesson was before. */
  original: { subject: string | null; teacher: string | null; room: string | null } | null;
}

export type AgendaKind = "test" | "quiz" | "trip" | "meeting" | "other";

export interface AgendaItem {
  id: string;
  date: ISODate;
  start: string | null;
  end: string | null;
  kind: AgendaKind;
  category: string;
  subject: string | null;
  content: string;
}

export interface HomeworkItem {
  id: string;
  subject: string | null;
  topic: string;
  text: string;
  assigned: ISODate;
  due: ISODate;
  teacher: string | null;
}

/** Semesters 1 and 2 (2 may have no grades yet). */
export interface GradesBySemester {
  semesters: SemesterGrades[];
}

export interface SemesterGrades {
  semester: 1 | 2;
  /** Overall weighted average. */
  average: number | null;
  subjects: SubjectGrades[];
}

export interface SubjectGrades {
  subject_id: string;
  subject: string;
  average: number | null;
  semester_grade: string | null;
  proposed_grade: string | null;
  grades: GradeItem[];
}

export interface GradeItem {
  id: string;
  value: string;
  numeric: number | null;
  weight: number | null;
  counts: boolean;
  category: string;
  date: ISODate;
  /** When the grade was added to the register: ISO 8601 with offset. */
  added: string;
  teacher: string | null;
  comment: string | null;
  is_new: boolean;
}

/** Messages from school (Librus Wiadomości). The backend decides what is unread and cuts the previews. */
export interface CardMessages {
  /** false: the messages module is not available for this account (or not fetched yet). */
  available: boolean;
  /** Unread messages in the inbox. */
  unread: number;
  /** Opens Librus Wiadomości (in a new tab); Librus has no per-message address. */
  inbox_url: string;
  /** Newest first, at most 20. */
  items: MessageItem[];
}

export interface MessageItem {
  /** Librus messageId. */
  id: string;
  sender: string;
  topic: string;
  /** ISO 8601 with offset, e.g. "2026-11-26T10:15:00+01:00". */
  sent: string | null;
  /** Plain text, already decoded and cut (≤ ~160 characters, "…" when cut) by the backend. */
  preview: string;
  unread: boolean;
  has_attachments: boolean;
}

/* ---- card configurations ---- */

export interface TodayCardConfig {
  type: string;
  entry_id?: string;
  show_lucky_number?: boolean;
  show_agenda?: boolean;
  show_homework?: boolean;
  show_new_grades?: boolean;
  after_school_shows_tomorrow?: boolean;
}

export interface TimetableCardConfig {
  type: string;
  entry_id?: string;
  compact?: boolean;
  show_teacher?: boolean;
}

export interface GradesCardConfig {
  type: string;
  entry_id?: string;
  semester?: "current" | 1 | 2;
  show_averages?: boolean;
}

export interface MessagesCardConfig {
  type: string;
  entry_id?: string;
  /** How many messages to list (1…20). */
  max_messages?: number;
  unread_only?: boolean;
  show_preview?: boolean;
}

export type AnyCardConfig = TodayCardConfig | TimetableCardConfig | GradesCardConfig | MessagesCardConfig;
