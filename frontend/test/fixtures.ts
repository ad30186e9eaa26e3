/**
 * Realistic card data for a Polish primary-school class 6d, the reference for the backend's
 * websocket answers (`librus/card_data`, `librus/subscribe`). `card_data.json` next to this file is
 * the same data as JSON (kept equal by test/unit/fixtures.test.ts; `UPDATE_FIXTURES=1` rewrites it).
 *
 * The school day is Monday 30 November 2026 in Europe/Warsaw:
 * - lesson 3 on Monday is a substitution (History taught by the class teacher),
 * - Tuesday's lesson 6 (Technology) is cancelled, Wednesday's lesson 8 (Art) was moved from Thursday,
 * - Friday 4 December is a free day,
 * - the lucky number is 14, the student's register number,
 * - English and PE are taught in split groups (virtual classes),
 * - three grades were added since yesterday,
 * - six messages from school, two of them unread (one sent this morning, with attachments and a
 *   preview the backend cut with "…"), Polish letters in senders, topics and previews.
 */
import type {
  AgendaItem,
  CardData,
  GradeItem,
  CardMessages,
  HomeworkItem,
  StudentEntry,
  SubjectGrades,
  TimetableDay,
  TimetableLesson,
  TimetableWeek,
} from "../src/types";

export const ENTRY_ZOFIA = "01JDQ8Z6X4M5N7P2R3S4T5V6W7";
export const ENTRY_JAN = "01JDQ90A1B2C3D4E5F6G7H8J9K";

export const STUDENTS: StudentEntry[] = [
  { entry_id: ENTRY_ZOFIA, name: "Zofia Kowalska", class_name: "6d" },
  { entry_id: ENTRY_JAN, name: "Jan Kowalski", class_name: "2b" },
];

/** Lesson hours of the school (45-minute lessons, a 20-minute lunch break after lesson 4). */
const HOURS: Record<number, [string, string]> = {
  1: ["08:00", "08:45"],
  2: ["08:55", "09:40"],
  3: ["09:50", "10:35"],
  4: ["10:45", "11:30"],
  5: ["11:50", "12:35"],
  6: ["12:45", "13:30"],
  7: ["13:40", "14:25"],
  8: ["14:35", "15:20"],
};

type SubjectKey = "pol" | "mat" | "ang" | "his" | "bio" | "geo" | "wf" | "rel" | "muz" | "pla" | "tec" | "inf" | "gw";

const SUBJECTS: Record<SubjectKey, { subject: string; teacher: string; room: string; group: string | null }> = {
  pol: { subject: "Język polski", teacher: "Anna Nowak", room: "12", group: null },
  mat: { subject: "Matematyka", teacher: "Tomasz Wiśniewski", room: "14", group: null },
  ang: { subject: "Język angielski", teacher: "Katarzyna Lewandowska", room: "3", group: "6d ang. gr. 1" },
  his: { subject: "Historia", teacher: "Piotr Zieliński", room: "21", group: null },
  bio: { subject: "Biologia", teacher: "Magdalena Wójcik", room: "25", group: null },
  geo: { subject: "Geografia", teacher: "Marek Kamiński", room: "24", group: null },
  wf: { subject: "Wychowanie fizyczne", teacher: "Ewa Dąbrowska", room: "sala gimn. 2", group: "6d WF dziewczęta" },
  rel: { subject: "Religia", teacher: "ks. Paweł Kozłowski", room: "8", group: null },
  muz: { subject: "Muzyka", teacher: "Joanna Mazur", room: "31", group: null },
  pla: { subject: "Plastyka", teacher: "Joanna Mazur", room: "31", group: null },
  tec: { subject: "Technika", teacher: "Andrzej Krawczyk", room: "4", group: null },
  inf: { subject: "Informatyka", teacher: "Andrzej Krawczyk", room: "pracownia komp. 2", group: "6d inf. gr. 1" },
  gw: { subject: "Godzina wychowawcza", teacher: "Anna Nowak", room: "12", group: null },
};

/** The regular week plan, Monday..Friday: subject per lesson number. */
const PLAN: SubjectKey[][] = [
  ["pol", "mat", "his", "ang", "wf", "bio", "rel"],
  ["mat", "pol", "pol", "geo", "wf", "tec", "ang"],
  ["ang", "mat", "his", "pol", "muz", "wf", "inf"],
  ["rel", "pol", "mat", "wf", "ang", "pla", "gw"],
  ["mat", "pol", "inf", "muz", "tec"],
];

function lesson(number: number, key: SubjectKey, changes: Partial<TimetableLesson> = {}): TimetableLesson {
  const s = SUBJECTS[key];
  const [start, end] = HOURS[number] ?? ["", ""];
  return {
    number,
    start,
    end,
    subject: s.subject,
    teacher: s.teacher,
    room: s.room,
    group: s.group,
    status: "normal",
    note: null,
    original: null,
    ...changes,
  };
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function regularWeek(weekStart: string): TimetableWeek {
  return {
    week_start: weekStart,
    days: PLAN.map((keys, i) => ({
      date: addDays(weekStart, i),
      free_day: null,
      lessons: keys.map((key, n) => lesson(n + 1, key)),
    })),
  };
}

const previousWeek = regularWeek("2026-11-23");

const currentDays: TimetableDay[] = regularWeek("2026-11-30").days.map((day) => {
  switch (day.date) {
    case "2026-11-30": // Monday: History taught by the class teacher in her own room
      return {
        ...day,
        lessons: day.lessons.map((l) =>
          l.number === 3
            ? lesson(3, "his", {
                teacher: "Anna Nowak",
                room: "12",
                status: "substitution",
                note: "Zastępstwo za p. Piotra Zielińskiego",
                original: { subject: "Historia", teacher: "Piotr Zieliński", room: "21" },
              })
            : l,
        ),
      };
    case "2026-12-01": // Tuesday: Technology cancelled
      return {
        ...day,
        lessons: day.lessons.map((l) =>
          l.number === 6 ? lesson(6, "tec", { status: "cancelled", note: "Lekcja odwołana — nieobecność nauczyciela" }) : l,
        ),
      };
    case "2026-12-02": // Wednesday: Art moved here from Thursday
      return {
        ...day,
        lessons: [...day.lessons, lesson(8, "pla", { status: "moved", note: "Przeniesiona z czwartku 3.12, lekcja 6" })],
      };
    case "2026-12-03":
      return { ...day, lessons: day.lessons.filter((l) => l.number !== 6) };
    case "2026-12-04":
      return { ...day, free_day: "Dzień wolny od zajęć dydaktycznych", lessons: [] };
    default:
      return day;
  }
});

const nextWeek = regularWeek("2026-12-07");

const AGENDA: AgendaItem[] = [
  {
    id: "agenda-1201",
    date: "2026-11-26",
    start: null,
    end: null,
    kind: "test",
    category: "Sprawdzian",
    subject: "Matematyka",
    content: "Ułamki zwykłe — dodawanie i odejmowanie",
  },
  {
    id: "agenda-1214",
    date: "2026-11-30",
    start: null,
    end: null,
    kind: "other",
    category: "Inne",
    subject: null,
    content: "Ostatni dzień zapisów na konkurs „Kangur Matematyczny”",
  },
  {
    id: "agenda-1219",
    date: "2026-12-02",
    start: "09:50",
    end: "10:35",
    kind: "quiz",
    category: "Kartkówka",
    subject: "Historia",
    content: "Polska pierwszych Piastów",
  },
  {
    id: "agenda-1220",
    date: "2026-12-03",
    start: "09:50",
    end: "10:35",
    kind: "test",
    category: "Sprawdzian",
    subject: "Matematyka",
    content: "Ułamki dziesiętne, dział 3",
  },
  {
    id: "agenda-1225",
    date: "2026-12-08",
    start: "17:00",
    end: "18:30",
    kind: "meeting",
    category: "Zebranie z rodzicami",
    subject: null,
    content: "Wywiadówka śródsemestralna, sala 12",
  },
  {
    id: "agenda-1230",
    date: "2026-12-10",
    start: "08:00",
    end: "13:30",
    kind: "trip",
    category: "Wycieczka",
    subject: null,
    content: "Wyjście do Teatru Groteska — „Opowieść wigilijna”",
  },
  {
    id: "agenda-1233",
    date: "2026-12-11",
    start: null,
    end: null,
    kind: "test",
    category: "Sprawdzian",
    subject: "Język polski",
    content: "Części mowy odmienne i nieodmienne",
  },
];

const HOMEWORK: HomeworkItem[] = [
  {
    id: "hw-311",
    subject: "Język angielski",
    topic: "Workbook p. 36",
    text: "Workbook p. 36, ex. 1–4",
    assigned: "2026-11-25",
    due: "2026-11-30",
    teacher: "Katarzyna Lewandowska",
  },
  {
    id: "hw-305",
    subject: "Język polski",
    topic: "Opis przeżyć wewnętrznych",
    text: "Napisz opis przeżyć wewnętrznych (co najmniej 150 słów) w zeszycie.",
    assigned: "2026-11-24",
    due: "2026-12-01",
    teacher: "Anna Nowak",
  },
  {
    id: "hw-318",
    subject: "Matematyka",
    topic: "Zadania 3–7, str. 84",
    text: "Podręcznik str. 84, zadania 3–7.",
    assigned: "2026-11-30",
    due: "2026-12-02",
    teacher: "Tomasz Wiśniewski",
  },
  {
    id: "hw-299",
    subject: "Biologia",
    topic: "Prezentacja: paprotniki",
    text: "Przygotuj prezentację (5–8 slajdów) o paprotnikach występujących w Polsce.",
    assigned: "2026-11-20",
    due: "2026-12-07",
    teacher: "Magdalena Wójcik",
  },
];

let gradeSeq = 4100;

/** A grade; "4+" is 4.5 and "3-" is 2.75 in this school, "np" and "+" do not count. */
function grade(
  value: string,
  category: string,
  weight: number | null,
  date: string,
  teacher: string,
  extra: Partial<GradeItem> = {},
): GradeItem {
  const m = /^([1-6])([+-])?$/.exec(value);
  const numeric = m ? Number(m[1]) + (m[2] === "+" ? 0.5 : m[2] === "-" ? -0.25 : 0) : null;
  gradeSeq += 1;
  return {
    id: `grade-${gradeSeq}`,
    value,
    numeric,
    weight,
    counts: numeric !== null,
    category,
    date,
    added: `${date}T14:20:00+01:00`,
    teacher,
    comment: null,
    is_new: false,
    ...extra,
  };
}

const T = Object.fromEntries(Object.entries(SUBJECTS).map(([k, v]) => [k, v.teacher])) as Record<SubjectKey, string>;

function subject(
  id: string,
  key: SubjectKey,
  average: number | null,
  grades: GradeItem[],
  extra: Partial<SubjectGrades> = {},
): SubjectGrades {
  return {
    subject_id: id,
    subject: SUBJECTS[key].subject,
    average,
    semester_grade: null,
    proposed_grade: null,
    grades,
    ...extra,
  };
}

const SEMESTER_1: SubjectGrades[] = [
  subject("101", "pol", 4.27, [
    grade("5", "Dyktando", 2, "2026-09-18", T.pol, { comment: "Bezbłędnie!" }),
    grade("4", "Wypracowanie", 3, "2026-10-06", T.pol, { comment: "Opowiadanie z dialogiem — brak akapitów" }),
    grade("np", "Nieprzygotowanie", null, "2026-10-14", T.pol),
    grade("3-", "Kartkówka", 2, "2026-10-23", T.pol, { comment: "Lektura „Mały Książę”" }),
    grade("5", "Odpowiedź ustna", 2, "2026-11-09", T.pol),
    grade("4+", "Sprawdzian", 4, "2026-11-19", T.pol, { comment: "Części zdania" }),
  ]),
  subject("102", "mat", 4.21, [
    grade("6", "Konkurs", 5, "2026-10-02", T.mat, { comment: "Szkolny konkurs matematyczny — I miejsce" }),
    grade("3", "Sprawdzian", 4, "2026-10-15", T.mat, { comment: "Liczby naturalne" }),
    grade("4", "Kartkówka", 2, "2026-10-29", T.mat),
    grade("+", "Aktywność", null, "2026-11-05", T.mat),
    grade("2+", "Kartkówka", 2, "2026-11-12", T.mat, { comment: "Do poprawy do 27.11" }),
    grade("4-", "Sprawdzian", 4, "2026-11-26", T.mat, { comment: "Ułamki zwykłe" }),
    grade("5", "Kartkówka", 2, "2026-11-30", T.mat, {
      added: "2026-11-30T07:31:00+01:00",
      is_new: true,
      comment: "Ułamki dziesiętne — porównywanie",
    }),
  ]),
  subject("103", "ang", 5.05, [
    grade("5", "Test", 4, "2026-10-08", T.ang, { comment: "Unit 1" }),
    grade("4", "Speaking", 2, "2026-10-20", T.ang),
    grade("5-", "Vocabulary quiz", 2, "2026-11-03", T.ang),
    grade("6", "Projekt", 3, "2026-11-29", T.ang, {
      added: "2026-11-29T19:12:00+01:00",
      is_new: true,
      comment: "My dream house — excellent presentation",
    }),
  ]),
  subject("104", "his", 4.25, [
    grade("4", "Odpowiedź ustna", 2, "2026-10-01", T.his),
    grade("3-", "Sprawdzian", 4, "2026-10-22", T.his, { comment: "Starożytność" }),
    grade("5", "Praca domowa", 1, "2026-11-13", T.his),
    grade("4+", "Kartkówka", 2, "2026-11-27", T.his, {
      added: "2026-11-29T10:02:00+01:00",
      is_new: true,
      comment: "Średniowiecze",
    }),
    grade("6", "Projekt", 3, "2026-11-20", T.his, { comment: "Makieta grodu" }),
  ]),
  subject("105", "bio", 4.0, [
    grade("4", "Kartkówka", 2, "2026-10-09", T.bio),
    grade("np", "Nieprzygotowanie", null, "2026-10-30", T.bio),
    grade("4", "Sprawdzian", 4, "2026-11-20", T.bio, { comment: "Mchy i paprotniki" }),
  ]),
  subject("106", "geo", 3.5, [
    grade("3", "Kartkówka", 2, "2026-10-13", T.geo),
    grade("4", "Mapa konturowa", 2, "2026-11-17", T.geo),
  ]),
  subject(
    "107",
    "wf",
    5.7,
    [
      grade("5", "Aktywność", 1, "2026-09-30", T.wf),
      grade("6", "Sprawdzian umiejętności", 3, "2026-10-21", T.wf, { comment: "Kozioł — skok zawrotny" }),
      grade("5+", "Zawody", 1, "2026-11-18", T.wf, { comment: "Międzyszkolne zawody w siatkówce" }),
    ],
    { proposed_grade: "6" },
  ),
  subject("108", "rel", 5.5, [
    grade("5", "Odpowiedź ustna", 1, "2026-10-07", T.rel),
    grade("6", "Praca plastyczna", 1, "2026-11-25", T.rel),
  ]),
  subject("109", "muz", 5.0, [grade("5", "Śpiew", 1, "2026-10-16", T.muz)]),
  subject("110", "pla", 4.5, [grade("4+", "Praca plastyczna", 1, "2026-10-26", T.pla, { comment: "Martwa natura" })]),
  subject("111", "tec", null, []),
  subject("112", "inf", 6.0, [grade("6", "Ćwiczenie praktyczne", 2, "2026-11-06", T.inf, { comment: "Scratch: gra zręcznościowa" })]),
];

const SEMESTER_2: SubjectGrades[] = SEMESTER_1.map((s) => ({
  ...s,
  average: null,
  proposed_grade: null,
  semester_grade: null,
  grades: [],
}));

/** Librus has no address per message: the cards open the inbox. */
export const INBOX_URL = "https://synergia.librus.pl/wiadomosci3";

/** The inbox, newest first, as the backend sends it (previews decoded and cut to ≤ 160 characters). */
const MESSAGES: CardMessages = {
  available: true,
  unread: 2,
  inbox_url: INBOX_URL,
  items: [
    {
      id: "4912108",
      sender: "Anna Nowak",
      topic: "Wycieczka do Krakowa — zgody i wpłaty",
      sent: "2026-11-30T07:42:00+01:00",
      preview:
        "Szanowni Państwo, zapraszamy uczniów klasy 6d na wycieczkę do Krakowa w dniach 9–11 grudnia. " +
        "Zwiedzimy Wawel, Sukiennice i Kościół Mariacki. Prosimy o wpłaty…",
      unread: true,
      has_attachments: true,
    },
    {
      id: "4912107",
      sender: "Tomasz Wiśniewski",
      topic: "Sprawdzian z ułamków dziesiętnych",
      sent: "2026-11-27T15:03:00+01:00",
      preview: "Dzień dobry, w czwartek 3 grudnia sprawdzian z ułamków dziesiętnych. Proszę, by Zofia powtórzyła dzielenie pisemne.",
      unread: true,
      has_attachments: false,
    },
    {
      id: "4912106",
      sender: "Sekretariat Szkoły",
      topic: "Zmiana godzin pracy świetlicy",
      sent: "2026-11-24T11:20:00+01:00",
      preview: "Od 1 grudnia świetlica szkolna będzie czynna w godz. 6:45–17:00.",
      unread: false,
      has_attachments: false,
    },
    {
      id: "4912105",
      sender: "Ewa Dąbrowska",
      topic: "Zawody pływackie — zgłoszenia",
      sent: "2026-11-18T18:05:00+01:00",
      preview: "Dzień dobry, uczennice chętne do udziału w międzyszkolnych zawodach pływackich proszę zgłaszać do piątku.",
      unread: false,
      has_attachments: false,
    },
    {
      id: "4912104",
      sender: "Katarzyna Lewandowska",
      topic: "Konkurs językowy „Fox” — wyniki",
      sent: "2026-11-05T13:37:00+01:00",
      preview: "Gratuluję! Zofia zajęła II miejsce w szkolnym konkursie językowym.",
      unread: false,
      has_attachments: false,
    },
    {
      id: "4912101",
      sender: "Dyrekcja Szkoły",
      topic: "Witamy w nowym roku szkolnym",
      sent: "2026-09-01T08:00:00+02:00",
      preview: "Szanowni Państwo, witamy w nowym roku szkolnym 2026/2027. Plan lekcji jest już dostępny w dzienniku.",
      unread: false,
      has_attachments: false,
    },
  ],
};

export const CARD_DATA: CardData = {
  entry_id: ENTRY_ZOFIA,
  student: {
    name: "Zofia Kowalska",
    class_name: "6d",
    school_name: "Szkoła Podstawowa nr 12 im. Marii Konopnickiej w Krakowie",
    register_number: 14,
  },
  updated_at: "2026-11-30T07:55:12+01:00",
  today: "2026-11-30",
  current_semester: 1,
  lucky_number: { number: 14, day: "2026-11-30", is_mine: true },
  weeks: [previousWeek, { week_start: "2026-11-30", days: currentDays }, nextWeek],
  agenda: AGENDA,
  homework: HOMEWORK,
  grades: {
    semesters: [
      { semester: 1, average: 4.49, subjects: SEMESTER_1 },
      { semester: 2, average: null, subjects: SEMESTER_2 },
    ],
  },
  messages: MESSAGES,
};

/** A second student (a younger brother in class 2b) with a small snapshot. */
export const CARD_DATA_JAN: CardData = {
  entry_id: ENTRY_JAN,
  student: { name: "Jan Kowalski", class_name: "2b", school_name: CARD_DATA.student.school_name, register_number: 9 },
  updated_at: "2026-11-30T07:56:40+01:00",
  today: "2026-11-30",
  current_semester: 1,
  lucky_number: { number: 14, day: "2026-11-30", is_mine: false },
  weeks: [
    {
      week_start: "2026-11-30",
      days: ["2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04"].map((date) => ({
        date,
        free_day: date === "2026-12-04" ? "Dzień wolny od zajęć dydaktycznych" : null,
        lessons:
          date === "2026-12-04"
            ? []
            : [1, 2, 3, 4].map((n) => ({
                number: n,
                start: HOURS[n]?.[0] ?? "",
                end: HOURS[n]?.[1] ?? "",
                subject: n === 3 ? "Język angielski" : "Edukacja wczesnoszkolna",
                teacher: n === 3 ? "Michael Brown" : "Barbara Jankowska",
                room: "5",
                group: null,
                status: "normal" as const,
                note: null,
                original: null,
              })),
      })),
    },
  ],
  agenda: [],
  homework: [],
  grades: {
    semesters: [
      {
        semester: 1,
        average: null,
        subjects: [
          {
            subject_id: "201",
            subject: "Edukacja wczesnoszkolna",
            average: null,
            semester_grade: null,
            proposed_grade: null,
            grades: [
              grade("A", "Czytanie", null, "2026-11-16", "Barbara Jankowska", {
                counts: false,
                comment: "Czyta płynnie i ze zrozumieniem",
              }),
            ],
          },
        ],
      },
      { semester: 2, average: null, subjects: [] },
    ],
  },
  // The messages module is off for this account.
  messages: { available: false, unread: 0, inbox_url: "", items: [] },
};

export const ALL_CARD_DATA: Record<string, CardData> = { [ENTRY_ZOFIA]: CARD_DATA, [ENTRY_JAN]: CARD_DATA_JAN };
