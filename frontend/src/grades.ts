/**
 * Grade data shaping for display: chip tones, the semester shown, the new grades listed.
 * Averages and which grades are new are the backend's (websocket payload); never recomputed here.
 */
import type { CardData, GradeItem, SemesterGrades } from "./types";

export type ChipTone = "g6" | "g5" | "g4" | "g3" | "g2" | "g1" | "plus" | "minus" | "other";

/**
 * The colour class of a grade chip: by numeric value (6 best … 1 worst), "+"/"-" marks as
 * plus/minus, everything else ("np", "nb", "zw") neutral.
 */
export function chipTone(grade: Pick<GradeItem, "value" | "numeric">): ChipTone {
  let n = grade.numeric;
  if (n === null) {
    const value = grade.value.trim();
    if (value === "+") return "plus";
    if (value === "-") return "minus";
    const m = /^([1-6])([+-]|=)?$/.exec(value);
    if (!m) return "other";
    n = Number(m[1]);
  }
  if (n >= 5.75) return "g6";
  if (n >= 4.75) return "g5";
  if (n >= 3.75) return "g4";
  if (n >= 2.75) return "g3";
  if (n >= 1.75) return "g2";
  return "g1";
}

/** The tone of an average, on the same scale as the chips (4.57 → g5). */
export function averageTone(average: number | null): ChipTone {
  if (average === null) return "other";
  return chipTone({ value: "", numeric: Math.round(average * 100) / 100 });
}

export function semesterOf(data: CardData, semester: 1 | 2): SemesterGrades | undefined {
  return data.grades.semesters.find((s) => s.semester === semester);
}

export function gradeCount(semester: SemesterGrades | undefined): number {
  return semester ? semester.subjects.reduce((n, s) => n + s.grades.length, 0) : 0;
}

export interface NewGrade {
  subject: string;
  grade: GradeItem;
}

/** The grades the backend flags as new, from the current semester, newest first. */
export function newGrades(data: CardData): NewGrade[] {
  const semester = semesterOf(data, data.current_semester);
  if (!semester) return [];
  const out: NewGrade[] = [];
  for (const s of semester.subjects) {
    for (const g of s.grades) {
      if (g.is_new) out.push({ subject: s.subject, grade: g });
    }
  }
  const when = (g: GradeItem): number => {
    const t = Date.parse(g.added);
    return Number.isNaN(t) ? 0 : t;
  };
  return out.sort((a, b) => when(b.grade) - when(a.grade));
}
