/**
 * Librus Synergia dashboard cards, one ES module served by the integration itself:
 * librus-today-card, librus-timetable-card, librus-grades-card, librus-messages-card and their editors.
 */
import { LibrusGradesCard } from "./cards/grades-card";
import { LibrusMessagesCard } from "./cards/messages-card";
import { LibrusTimetableCard } from "./cards/timetable-card";
import { LibrusTodayCard } from "./cards/today-card";
import {
  LibrusGradesCardEditor,
  LibrusMessagesCardEditor,
  LibrusTimetableCardEditor,
  LibrusTodayCardEditor,
} from "./editors/editors";
import { cardLang } from "./format";
import type { CustomCardEntry } from "./ha-types";
import { type MessageKey, t } from "./localize";

export const VERSION = "0.1.0";

const ELEMENTS: [string, CustomElementConstructor][] = [
  ["librus-today-card", LibrusTodayCard],
  ["librus-timetable-card", LibrusTimetableCard],
  ["librus-grades-card", LibrusGradesCard],
  ["librus-messages-card", LibrusMessagesCard],
  ["librus-today-card-editor", LibrusTodayCardEditor],
  ["librus-timetable-card-editor", LibrusTimetableCardEditor],
  ["librus-grades-card-editor", LibrusGradesCardEditor],
  ["librus-messages-card-editor", LibrusMessagesCardEditor],
];

/** Loading the module twice (a resource and the integration's extra JS, or a reload) is harmless. */
function defineElements(registry: CustomElementRegistry): void {
  for (const [name, ctor] of ELEMENTS) {
    if (!registry.get(name)) registry.define(name, ctor);
  }
}

/*
 * Home Assistant loads this module in parallel with its own app, which replaces
 * `window.customElements` with a scoped-registry polyfill while it starts. Elements defined
 * before that are invisible to it ("Custom element doesn't exist"). So on a Home Assistant
 * page that is still starting, wait until its root element is defined (the app's registry is
 * in place by then) and define the cards in the registry current at that moment. Anywhere
 * else (a started page, tests), define them at once.
 */
const registryAtLoad = window.customElements;
const haStarting =
  typeof document !== "undefined" &&
  document.querySelector("home-assistant") !== null &&
  registryAtLoad.get("home-assistant") === undefined;
if (haStarting) {
  void registryAtLoad.whenDefined("home-assistant").then(() => defineElements(window.customElements));
} else {
  defineElements(registryAtLoad);
}

/** The picker reads these when it opens: name and description follow the page's language then. */
function pickerEntry(type: string, nameKey: MessageKey, descriptionKey: MessageKey): CustomCardEntry {
  const lang = (): ReturnType<typeof cardLang> =>
    cardLang(typeof document !== "undefined" ? document.documentElement.lang : undefined);
  return {
    type,
    get name() {
      return t(lang(), nameKey);
    },
    get description() {
      return t(lang(), descriptionKey);
    },
    preview: true,
  };
}

const CARDS: CustomCardEntry[] = [
  pickerEntry("librus-today-card", "card_today", "desc_today"),
  pickerEntry("librus-timetable-card", "card_timetable", "desc_timetable"),
  pickerEntry("librus-grades-card", "card_grades", "desc_grades"),
  pickerEntry("librus-messages-card", "card_messages", "desc_messages"),
];

window.customCards = window.customCards ?? [];
for (const card of CARDS) {
  if (!window.customCards.some((c) => c.type === card.type)) {
    window.customCards.push(card);
  }
}

console.info(`%c LIBRUS-CARDS %c ${VERSION} `, "color:#fff;background:#0d5ca8;font-weight:700", "color:#0d5ca8");
