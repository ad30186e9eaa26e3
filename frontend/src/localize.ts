/** Everything a user reads, in Polish and English. */
import { countLabel, pluralForm, type Lang, type PluralForms } from "./format";

const en = {
  card_today: "Librus — Today",
  card_timetable: "Librus — Timetable",
  card_grades: "Librus — Grades",
  desc_today: "Today's lessons, substitutions, lucky number, the next test, homework and new grades.",
  desc_timetable: "The school week as a grid with substitutions and cancellations.",
  desc_grades: "Grades per subject with weighted averages and a semester switch.",
  card_messages: "Librus — Messages",
  desc_messages: "The latest messages from school: sender, topic, date and the start of the text; unread ones in bold.",
  messages: "Messages",
  open_inbox: "Open Librus messages (new tab)",
  messages_unavailable: "Messages are not available for this Librus account (or have not been loaded yet).",
  no_messages: "No messages from school yet.",
  no_unread_messages: "No unread messages — all caught up!",
  unread_message: "Unread",
  has_attachments: "Has attachments",
  no_topic: "(no topic)",
  timetable: "Timetable",
  grades: "Grades",
  loading: "Loading…",
  no_students: "No Librus account is set up. Add the Librus Synergia integration first.",
  unknown_student: "This Librus student is not set up any more. Choose another one in the card editor.",
  error: "Cannot load data from Librus",
  updated: "Updated",
  today: "Today",
  tomorrow: "Tomorrow",
  next_school_day: "Next school day",
  no_lessons: "No lessons",
  no_lessons_ahead: "No lessons in the coming days",
  free_day: "Day off",
  lesson_no: "Lesson",
  room: "Room",
  teacher: "Teacher",
  group: "Group",
  substitution: "Substitution",
  cancelled: "Cancelled",
  moved: "Moved",
  instead_of: "instead of",
  now: "now",
  lucky_number: "Lucky number",
  lucky_is_mine: "That's your number — no questions today!",
  lucky_for_day: "for",
  next_test: "Next test",
  no_tests: "No tests coming up",
  events: "Events",
  homework_due: "Homework due",
  no_homework: "No homework due",
  due: "due",
  new_grades: "New grades",
  in_days_0: "today",
  in_days_1: "tomorrow",
  in_days_n: "in {n} days",
  prev_week: "Previous week",
  next_week: "Next week",
  this_week: "This week",
  week_not_loaded: "This week is not loaded yet",
  semester: "Semester",
  semester_n: "Semester {n}",
  average: "Average",
  overall_average: "Overall average",
  semester_grade: "Semester grade",
  proposed_grade: "Proposed",
  no_grades: "No grades yet",
  no_grades_semester: "No grades in semester {n} yet",
  category: "Category",
  date: "Date",
  added: "Added",
  weight: "Weight",
  comment: "Comment",
  not_counted: "Not counted in the average",
  new: "new",
  close: "Close",
  kind_test: "Test",
  kind_quiz: "Quiz",
  kind_trip: "Trip",
  kind_meeting: "Meeting",
  kind_other: "Event",
  // editor
  ed_student: "Student",
  ed_student_auto: "First student",
  ed_show_lucky_number: "Show the lucky number",
  ed_show_agenda: "Show the next test",
  ed_show_homework: "Show homework due",
  ed_show_new_grades: "Show new grades",
  ed_after_school_shows_tomorrow: "After school, show tomorrow's plan",
  ed_compact: "Compact (short subject names)",
  ed_show_teacher: "Show teachers",
  ed_semester: "Semester",
  ed_semester_current: "Current semester",
  ed_show_averages: "Show averages",
  ed_max_messages: "Messages to show",
  ed_unread_only: "Only unread messages",
  ed_show_preview: "Show the start of the text",
};

export type MessageKey = keyof typeof en;

const pl: Record<MessageKey, string> = {
  card_today: "Librus — Dziś",
  card_timetable: "Librus — Plan lekcji",
  card_grades: "Librus — Oceny",
  desc_today: "Dzisiejsze lekcje, zastępstwa, szczęśliwy numerek, najbliższy sprawdzian, zadania i nowe oceny.",
  desc_timetable: "Tydzień szkolny w siatce z zastępstwami i odwołanymi lekcjami.",
  desc_grades: "Oceny z przedmiotów ze średnimi ważonymi i przełącznikiem semestrów.",
  card_messages: "Librus — Wiadomości",
  desc_messages: "Najnowsze wiadomości ze szkoły: nadawca, temat, data i początek treści; nieprzeczytane pogrubione.",
  messages: "Wiadomości",
  open_inbox: "Otwórz wiadomości w Librusie (nowa karta)",
  messages_unavailable: "Wiadomości nie są dostępne dla tego konta Librus (albo jeszcze się nie wczytały).",
  no_messages: "Brak wiadomości ze szkoły.",
  no_unread_messages: "Brak nieprzeczytanych wiadomości — wszystko przeczytane!",
  unread_message: "Nieprzeczytana",
  has_attachments: "Ma załączniki",
  no_topic: "(bez tematu)",
  timetable: "Plan lekcji",
  grades: "Oceny",
  loading: "Wczytywanie…",
  no_students: "Nie skonfigurowano konta Librus. Najpierw dodaj integrację Librus Synergia.",
  unknown_student: "Tego ucznia nie ma już w konfiguracji Librusa. Wybierz innego w edytorze karty.",
  error: "Nie udało się wczytać danych z Librusa",
  updated: "Zaktualizowano",
  today: "Dziś",
  tomorrow: "Jutro",
  next_school_day: "Najbliższy dzień nauki",
  no_lessons: "Brak lekcji",
  no_lessons_ahead: "Brak lekcji w najbliższych dniach",
  free_day: "Dzień wolny",
  lesson_no: "Lekcja",
  room: "Sala",
  teacher: "Nauczyciel",
  group: "Grupa",
  substitution: "Zastępstwo",
  cancelled: "Odwołana",
  moved: "Przeniesiona",
  instead_of: "zamiast",
  now: "teraz",
  lucky_number: "Szczęśliwy numerek",
  lucky_is_mine: "To Twój numerek — dziś bez pytania!",
  lucky_for_day: "na",
  next_test: "Najbliższy sprawdzian",
  no_tests: "Brak zapowiedzianych sprawdzianów",
  events: "Wydarzenia",
  homework_due: "Zadania domowe",
  no_homework: "Brak zadań do oddania",
  due: "termin",
  new_grades: "Nowe oceny",
  in_days_0: "dziś",
  in_days_1: "jutro",
  in_days_n: "za {n} dni",
  prev_week: "Poprzedni tydzień",
  next_week: "Następny tydzień",
  this_week: "Ten tydzień",
  week_not_loaded: "Ten tydzień nie jest jeszcze wczytany",
  semester: "Semestr",
  semester_n: "Semestr {n}",
  average: "Średnia",
  overall_average: "Średnia ogólna",
  semester_grade: "Ocena semestralna",
  proposed_grade: "Przewidywana",
  no_grades: "Brak ocen",
  no_grades_semester: "Brak ocen w semestrze {n}",
  category: "Kategoria",
  date: "Data",
  added: "Dodano",
  weight: "Waga",
  comment: "Komentarz",
  not_counted: "Nie liczy się do średniej",
  new: "nowa",
  close: "Zamknij",
  kind_test: "Sprawdzian",
  kind_quiz: "Kartkówka",
  kind_trip: "Wycieczka",
  kind_meeting: "Zebranie",
  kind_other: "Wydarzenie",
  ed_student: "Uczeń",
  ed_student_auto: "Pierwszy uczeń",
  ed_show_lucky_number: "Pokazuj szczęśliwy numerek",
  ed_show_agenda: "Pokazuj najbliższy sprawdzian",
  ed_show_homework: "Pokazuj zadania domowe",
  ed_show_new_grades: "Pokazuj nowe oceny",
  ed_after_school_shows_tomorrow: "Po lekcjach pokazuj plan na jutro",
  ed_compact: "Kompaktowy (skrócone nazwy przedmiotów)",
  ed_show_teacher: "Pokazuj nauczycieli",
  ed_semester: "Semestr",
  ed_semester_current: "Bieżący semestr",
  ed_show_averages: "Pokazuj średnie",
  ed_max_messages: "Liczba wiadomości",
  ed_unread_only: "Tylko nieprzeczytane",
  ed_show_preview: "Pokazuj początek treści",
};

const TABLES: Record<Lang, Record<MessageKey, string>> = { en, pl };

export function t(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  let text = TABLES[lang][key];
  if (vars) for (const [k, v] of Object.entries(vars)) text = text.replace(`{${k}}`, String(v));
  return text;
}

const PLURALS = {
  grade: { en: { one: "grade", other: "grades" }, pl: { one: "ocena", few: "oceny", many: "ocen", other: "oceny" } },
  new_grade: {
    en: { one: "new grade", other: "new grades" },
    pl: { one: "nowa ocena", few: "nowe oceny", many: "nowych ocen", other: "nowej oceny" },
  },
  lesson: { en: { one: "lesson", other: "lessons" }, pl: { one: "lekcja", few: "lekcje", many: "lekcji", other: "lekcji" } },
  day: { en: { one: "day", other: "days" }, pl: { one: "dzień", few: "dni", many: "dni", other: "dnia" } },
  assignment: {
    en: { one: "assignment", other: "assignments" },
    pl: { one: "zadanie", few: "zadania", many: "zadań", other: "zadania" },
  },
  unread: {
    en: { one: "unread", other: "unread" },
    pl: { one: "nieprzeczytana", few: "nieprzeczytane", many: "nieprzeczytanych", other: "nieprzeczytanej" },
  },
} satisfies Record<string, Record<Lang, PluralForms>>;

export type PluralKey = keyof typeof PLURALS;

/** "5 ocen", "2 lekcje", "1 new grade". */
export function count(lang: Lang, key: PluralKey, n: number): string {
  return countLabel(n, PLURALS[key][lang], lang);
}

/** Just the word: "oceny" for 2. */
export function word(lang: Lang, key: PluralKey, n: number): string {
  return pluralForm(n, PLURALS[key][lang], lang);
}

/** "Sala 12" for a room number, the name alone for a named room ("sala gimn. 2", "aula"). */
export function roomLabel(lang: Lang, room: string): string {
  return /^\d/.test(room.trim()) ? `${t(lang, "room")} ${room}` : room;
}

/** "dziś", "jutro", "za 3 dni" / "today", "tomorrow", "in 3 days". */
export function inDays(lang: Lang, n: number): string {
  if (n === 0) return t(lang, "in_days_0");
  if (n === 1) return t(lang, "in_days_1");
  return t(lang, "in_days_n", { n });
}
