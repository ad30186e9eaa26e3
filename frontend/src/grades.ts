/** Grade data shaping: averages, chip tones, new grades. */
import { addDays, warsawDateOf } from "./format";
import type { CardData, GradeItem, ISODate, SemesterGrades, SubjectGrades } from "./types";

/** Grades that enter a weighted average: counted, numeric, with a positive weight (none = 1). */
function averageTerms(grades: readonly GradeItem[]): { value: number; weight: number }[] {
  const terms: { value: number; weight: number }[] = [];
  for (const g of grades) {
    if (!g.counts || g.numeric === null || !Number.isFinite(g.numeric)) continue;
    const weight = g.weight ?? 1;
    if (!(weight > 0)) continue;
    terms.push({ value: g.numeric, weight });
  }
  return terms;
}

/** Σ(value·weight) / Σweight over the counted numeric grades; null when there are none. */
export function weightedAverage(grades: readonly GradeItem[]): number | null {
  let sum = 0;
  let weights = 0;
  for (const { value, weight } of averageTerms(grades)) {
    sum += value * weight;
    weights += weight;
  }
  return weights > 0 ? sum / weights : null;
}

/** The subject's average: Librus's own when the backend sends it, computed otherwise. */
export function subjectAverage(subject: SubjectGrades): number | null {
  return subject.average ?? weightedAverage(subject.grades);
}

/** The overall average: the backend's when sent, else the weighted average of every counted grade. */
export function overallAverage(semester: SemesterGrades): number | null {
  return semester.average ?? weightedAverage(semester.subjects.flatMap((s) => s.grades));
}

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

/**
 * Grades added since yesterday (Warsaw) or flagged new by the backend, newest first,
 * from the current semester.
 */
export function newGrades(data: CardData, today: ISODate): NewGrade[] {
  const since = addDays(today, -1);
  const semester = semesterOf(data, data.current_semester);
  if (!semester) return [];
  const out: NewGrade[] = [];
  for (const s of semester.subjects) {
    for (const g of s.grades) {
      if (g.is_new || warsawDateOf(g.added) >= since) out.push({ subject: s.subject, grade: g });
    }
  }
  const when = (g: GradeItem): number => {
    const t = Date.parse(g.added);
    return Number.isNaN(t) ? 0 : t;
  };
  return out.sort((a, b) => when(b.grade) - when(a.grade));
}
