/**
 * Librus Synergia dashboard cards, one ES module served by the integration itself:
 * librus-today-card, librus-timetable-card, librus-grades-card and their editors.
 */
import { LibrusGradesCard } from "./cards/grades-card";
import { LibrusTimetableCard } from "./cards/timetable-card";
import { LibrusTodayCard } from "./cards/today-card";
import { LibrusGradesCardEditor, LibrusTimetableCardEditor, LibrusTodayCardEditor } from "./editors/editors";
import { cardLang } from "./format";
import type { CustomCardEntry } from "./ha-types";
import { t } from "./localize";

export const VERSION = "0.1.0";

const ELEMENTS: [string, CustomElementConstructor][] = [
  ["librus-today-card", LibrusTodayCard],
  ["librus-timetable-card", LibrusTimetableCard],
  ["librus-grades-card", LibrusGradesCard],
  ["librus-today-card-editor", LibrusTodayCardEditor],
  ["librus-timetable-card-editor", LibrusTimetableCardEditor],
  ["librus-grades-card-editor", LibrusGradesCardEditor],
];

/** Loading the module twice (a resource and the integration's extra JS, or a reload) is harmless. */
for (const [name, ctor] of ELEMENTS) {
  if (!customElements.get(name)) customElements.define(name, ctor);
}

const lang = cardLang(typeof document !== "undefined" ? document.documentElement.lang : undefined);

const CARDS: CustomCardEntry[] = [
  { type: "librus-today-card", name: "Librus — Today", description: t(lang, "desc_today"), preview: true },
  { type: "librus-timetable-card", name: "Librus — Timetable", description: t(lang, "desc_timetable"), preview: true },
  { type: "librus-grades-card", name: "Librus — Grades", description: t(lang, "desc_grades"), preview: true },
];

window.customCards = window.customCards ?? [];
for (const card of CARDS) {
  if (!window.customCards.some((c) => c.type === card.type)) {
    window.customCards.push(card);
  }
}

console.info(`%c LIBRUS-CARDS %c ${VERSION} `, "color:#fff;background:#0d5ca8;font-weight:700", "color:#0d5ca8");
