import { css, html, nothing, type PropertyDeclarations, type TemplateResult } from "lit";
import { LibrusCard } from "../base-card";
import { TIMETABLE_DEFAULTS, validateTimetableConfig } from "../config";
import { formatDayMonth, formatLongDay, formatWeekRange, formatWeekdayShort } from "../format";
import { cardStyles, ICON_CLOSE, ICON_NEXT, ICON_PREV } from "../styles";
import { currentLessonNumber, initialWeekIndex, shortSubject, weekEnd, weekRows, type GridRow } from "../timetable";
import { effectiveToday } from "../today";
import type { CardData, TimetableCardConfig, TimetableDay, TimetableLesson, TimetableWeek } from "../types";

interface Selection {
  date: string;
  number: number;
  index: number;
}

export class LibrusTimetableCard extends LibrusCard<TimetableCardConfig> {
  static override properties: PropertyDeclarations = {
    _weekStart: { state: true },
    _selected: { state: true },
  };

  declare private _weekStart: string | undefined;
  declare private _selected: Selection | undefined;
  protected override readonly ticks = true;

  static getConfigElement(): HTMLElement {
    return document.createElement("librus-timetable-card-editor");
  }

  static getStubConfig(): Omit<TimetableCardConfig, "type"> {
    return { ...TIMETABLE_DEFAULTS };
  }

  protected validateConfig(config: unknown): TimetableCardConfig {
    return validateTimetableConfig(config);
  }

  getCardSize(): number {
    const week = this.data ? this.shownWeek(this.data).week : undefined;
    return week ? 2 + weekRows(week).length : 8;
  }

  private option(key: keyof typeof TIMETABLE_DEFAULTS): boolean {
    return this._config?.[key] ?? TIMETABLE_DEFAULTS[key];
  }

  private shownWeek(data: CardData): { week: TimetableWeek | undefined; index: number; home: number } {
    const home = initialWeekIndex(data.weeks, effectiveToday(data, this.clock()));
    let index = this._weekStart ? data.weeks.findIndex((w) => w.week_start === this._weekStart) : -1;
    if (index < 0) index = home;
    return { week: data.weeks[index], index, home };
  }

  private go(data: CardData, index: number): void {
    const week = data.weeks[index];
    if (!week) return;
    this._weekStart = week.week_start;
    this._selected = undefined;
  }

  protected override render(): TemplateResult {
    const data = this.data;
    const status = this.renderStatus();
    const title = html`<h2 class="title">${this.t("timetable")}</h2>`;
    if (status || !data) {
      return this.renderStatusCard(title, status);
    }
    const { week, index, home } = this.shownWeek(data);
    const compact = this.option("compact");
    return html`<ha-card>
      <div class="root ${compact ? "compact" : ""}">
        <div class="header">${title} ${this.renderStudent(data)}</div>
        <div class="nav">
          <button
            class="icon-button prev"
            title=${this.t("prev_week")}
            aria-label=${this.t("prev_week")}
            ?disabled=${index <= 0}
            @click=${() => this.go(data, index - 1)}
          >
            ${this.icon(ICON_PREV)}
          </button>
          <span class="range" aria-live="polite"
            >${week ? formatWeekRange(week.week_start, weekEnd(week), this.uiLocale) : this.t("week_not_loaded")}</span
          >
          <button
            class="icon-button next"
            title=${this.t("next_week")}
            aria-label=${this.t("next_week")}
            ?disabled=${index >= data.weeks.length - 1}
            @click=${() => this.go(data, index + 1)}
          >
            ${this.icon(ICON_NEXT)}
          </button>
          ${index !== home
            ? html`<button class="this-week" @click=${() => this.go(data, home)}>${this.t("this_week")}</button>`
            : nothing}
        </div>
        ${week ? this.renderWeek(data, week) : html`<div class="message">${this.t("week_not_loaded")}</div>`}
      </div>
    </ha-card>`;
  }

  private renderWeek(data: CardData, week: TimetableWeek): TemplateResult {
    const clock = this.clock();
    const today = effectiveToday(data, clock);
    const rows = weekRows(week);
    const showTeacher = this.option("show_teacher");
    const columns = week.days.length;
    const statuses = new Set(week.days.flatMap((d) => d.lessons.map((l) => l.status)));
    const lastRow = Math.max(rows.length, 1) + 2;
    return html`<div class="content">
      <div
        class="grid"
       
        style="grid-template-columns: auto repeat(${columns}, minmax(0, 1fr)); grid-template-rows: auto repeat(${Math.max(
          rows.length,
          1,
        )}, auto);"
      >
        <div class="corner" style="grid-row: 1; grid-column: 1"></div>
        ${week.days.map(
          (day, c) =>
            html`<div
              class="day-head ${day.date === today ? "today" : ""}"
             
              style="grid-row: 1; grid-column: ${c + 2}"
              aria-current=${day.date === today ? "date" : "false"}
              title=${formatLongDay(day.date, this.uiLocale)}
            >
              <span class="wd">${formatWeekdayShort(day.date, this.uiLocale)}</span>
              <span class="dm">${formatDayMonth(day.date, this.uiLocale)}</span>
            </div>`,
        )}
        ${rows.map((row, r) => this.renderRow(row, r + 2, week.days, today, clock, showTeacher))}
        ${week.days.map((day, c) =>
          day.free_day
            ? html`<div class="free-col free" style="grid-row: 2 / ${lastRow}; grid-column: ${c + 2}">
                <span class="badge">${this.t("free_day")}</span><span class="free-name">${day.free_day}</span>
              </div>`
            : nothing,
        )}
      </div>
      ${rows.length === 0 ? html`<div class="message">${this.t("no_lessons")}</div>` : nothing}
      ${this.renderLegend(statuses)} ${this.renderDetails(week)}
    </div>`;
  }

  private renderRow(
    row: GridRow,
    gridRow: number,
    days: readonly TimetableDay[],
    today: string,
    clock: ReturnType<LibrusTimetableCard["clock"]>,
    showTeacher: boolean,
  ): TemplateResult {
    return html`<div class="time" style="grid-row: ${gridRow}; grid-column: 1">
        <span class="no">${row.number}</span><span class="hours">${row.start}<span class="end">–${row.end}</span></span>
      </div>
      ${days.map((day, c) => {
        if (day.free_day) return nothing;
        const lessons = row.cells[c] ?? [];
        const current = currentLessonNumber(day, clock);
        return html`<div
          class="cell ${day.date === today ? "today" : ""}"
         
          style="grid-row: ${gridRow}; grid-column: ${c + 2}"
        >
          ${lessons.map((lesson, i) =>
            this.renderLesson(day, lesson, i, current === lesson.number && lesson.status !== "cancelled", showTeacher),
          )}
        </div>`;
      })}`;
  }

  private renderLesson(
    day: TimetableDay,
    lesson: TimetableLesson,
    index: number,
    isCurrent: boolean,
    showTeacher: boolean,
  ): TemplateResult {
    const selected =
      this._selected?.date === day.date && this._selected.number === lesson.number && this._selected.index === index;
    const label = [lesson.subject, lesson.status !== "normal" ? this.t(lesson.status) : null, lesson.room]
      .filter(Boolean)
      .join(", ");
    return html`<button
      class="lesson ${lesson.status} ${isCurrent ? "current" : ""}"
      aria-label=${label}
      aria-pressed=${selected ? "true" : "false"}
      aria-current=${isCurrent ? "time" : "false"}
      title=${label}
      @click=${() => {
        this._selected = selected ? undefined : { date: day.date, number: lesson.number, index };
      }}
    >
      <span class="subj full">${lesson.subject}</span><span class="subj short">${shortSubject(lesson.subject)}</span>
      ${lesson.room ? html`<span class="room">${lesson.room}</span>` : nothing}
      ${showTeacher && lesson.teacher ? html`<span class="teacher">${lesson.teacher}</span>` : nothing}
    </button>`;
  }

  private renderLegend(statuses: Set<string>): TemplateResult | typeof nothing {
    const shown = (["substitution", "cancelled", "moved"] as const).filter((s) => statuses.has(s));
    if (!shown.length) return nothing;
    return html`<div class="legend">
      ${shown.map((s) => html`<span class="key ${s}"><span class="swatch"></span>${this.t(s)}</span>`)}
    </div>`;
  }

  private renderDetails(week: TimetableWeek): TemplateResult | typeof nothing {
    const sel = this._selected;
    if (!sel) return nothing;
    const day = week.days.find((d) => d.date === sel.date);
    const lesson = day?.lessons.filter((l) => l.number === sel.number)[sel.index];
    if (!day || !lesson) return nothing;
    const original = lesson.original;
    const row = (label: string, value: string | null | undefined): TemplateResult | typeof nothing =>
      value ? html`<dt>${label}</dt><dd>${value}</dd>` : nothing;
    return html`<div class="details ${lesson.status}" role="region" aria-label=${lesson.subject}>
      <div class="details-head">
        <strong>${lesson.subject}</strong>
        ${lesson.status !== "normal" ? html`<span class="badge">${this.t(lesson.status)}</span>` : nothing}
        <button class="icon-button close" aria-label=${this.t("close")} @click=${() => (this._selected = undefined)}>
          ${this.icon(ICON_CLOSE)}
        </button>
      </div>
      <dl>
        ${row(this.t("date"), `${formatLongDay(day.date, this.uiLocale)}, ${lesson.start}–${lesson.end}`)}
        ${row(this.t("lesson_no"), String(lesson.number))} ${row(this.t("teacher"), lesson.teacher)}
        ${row(this.t("room"), lesson.room)} ${row(this.t("group"), lesson.group)}
        ${original
          ? row(
              this.t("instead_of"),
              [original.subject, original.teacher, original.room ? this.room(original.room) : null]
                .filter(Boolean)
                .join(", "),
            )
          : nothing}
        ${row("ℹ", lesson.note)}
      </dl>
    </div>`;
  }

  static override styles = [
    cardStyles,
    css`
      .nav {
        display: flex;
        align-items: center;
        gap: 4px;
        padding: 0 8px 8px;
      }
      .range {
        flex: 1;
        text-align: center;
        font-weight: var(--ha-font-weight-medium, 500);
      }
      .this-week {
        border: 1px solid var(--lb-divider);
        background: none;
        border-radius: 16px;
        padding: 4px 10px;
        font-size: 13px;
        cursor: pointer;
        color: var(--lb-primary);
      }
      .content {
        padding: 0 8px 12px;
      }
      .grid {
        display: grid;
        gap: 3px;
      }
      .day-head {
        display: flex;
        flex-direction: column;
        align-items: center;
        padding: 4px 2px;
        border-radius: var(--lb-radius);
        font-size: 13px;
        line-height: 1.25;
      }
      .day-head .wd {
        font-weight: var(--ha-font-weight-medium, 500);
        text-transform: capitalize;
      }
      .day-head .dm {
        color: var(--lb-muted);
        font-size: 11px;
      }
      .day-head.today {
        background: var(--lb-primary);
        color: var(--text-primary-color, #fff);
      }
      .day-head.today .dm {
        color: inherit;
        opacity: 0.85;
      }
      .time {
        display: flex;
        flex-direction: column;
        align-items: flex-end;
        justify-content: center;
        padding: 2px 6px 2px 0;
        font-size: 11px;
        line-height: 1.2;
        color: var(--lb-muted);
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
      }
      .time .no {
        font-size: 13px;
        font-weight: var(--ha-font-weight-bold, 600);
        color: var(--lb-text);
      }
      .time .hours {
        display: flex;
        flex-direction: column;
        align-items: flex-end;
      }
      .cell {
        display: flex;
        flex-direction: column;
        gap: 2px;
        min-width: 0;
        min-height: 36px;
        border-radius: 6px;
      }
      .cell.today {
        background: color-mix(in srgb, var(--lb-primary) 7%, transparent);
      }
      .lesson {
        display: flex;
        flex-direction: column;
        align-items: flex-start;
        flex: 1;
        min-width: 0;
        padding: 3px 6px;
        border: none;
        border-left: 3px solid transparent;
        border-radius: 6px;
        background: var(--lb-surface);
        text-align: start;
        cursor: pointer;
        font-size: 13px;
        line-height: 1.25;
      }
      .lesson .subj {
        max-width: 100%;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
        font-weight: var(--ha-font-weight-medium, 500);
      }
      .lesson .short {
        display: none;
      }
      .lesson .room,
      .lesson .teacher {
        max-width: 100%;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
        font-size: 11px;
        color: var(--lb-muted);
      }
      .lesson.substitution,
      .lesson.moved,
      .lesson.cancelled {
        border-left-color: var(--tone);
        background: color-mix(in srgb, var(--tone) 16%, transparent);
      }
      .lesson.cancelled .subj,
      .lesson.cancelled .room {
        text-decoration: line-through;
        color: var(--lb-muted);
      }
      .lesson.current {
        outline: 2px solid var(--lb-primary);
        outline-offset: -2px;
      }
      .lesson[aria-pressed="true"] {
        box-shadow: inset 0 0 0 2px var(--lb-text);
      }
      .free-col {
        display: flex;
        flex-direction: column;
        align-items: center;
        justify-content: center;
        gap: 6px;
        padding: 8px 4px;
        border-radius: var(--lb-radius);
        background: color-mix(in srgb, var(--tone) 10%, transparent);
        border: 1px dashed color-mix(in srgb, var(--tone) 50%, transparent);
        text-align: center;
        font-size: 12px;
        overflow-wrap: break-word;
        min-width: 0;
      }
      .free-col .badge {
        max-width: 100%;
        white-space: normal;
      }
      .legend {
        display: flex;
        flex-wrap: wrap;
        gap: 4px 14px;
        padding: 10px 4px 0;
        font-size: 12px;
        color: var(--lb-muted);
      }
      .legend .swatch {
        display: inline-block;
        width: 10px;
        height: 10px;
        margin-right: 5px;
        border-radius: 3px;
        background: color-mix(in srgb, var(--tone) 45%, transparent);
        border: 1px solid var(--tone);
      }
      .details {
        margin-top: 10px;
        padding: 8px 12px;
        border-radius: var(--lb-radius);
        border-left: 3px solid var(--tone, var(--lb-divider));
        background: var(--lb-surface);
      }
      .details.normal {
        --tone: var(--lb-divider);
      }
      .details-head {
        display: flex;
        align-items: center;
        gap: 8px;
      }
      .details-head .close {
        margin-left: auto;
      }
      dl {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 2px 12px;
        margin: 4px 0 0;
        font-size: 13px;
      }
      dt {
        color: var(--lb-muted);
      }
      dd {
        margin: 0;
      }
      /* narrow screens (phones) and compact mode: short names, no teachers, start times only */
      @container librus (max-width: 560px) {
        .lesson .full {
          display: none;
        }
        .lesson .short {
          display: block;
        }
        .lesson .teacher,
        .time .end {
          display: none;
        }
        .lesson {
          padding: 3px 4px;
          font-size: 12px;
        }
        .grid {
          gap: 2px;
        }
        .content {
          padding: 0 4px 10px;
        }
        .free-col .badge {
          display: none;
        }
        .free-col .free-name {
          writing-mode: vertical-rl;
          transform: rotate(180deg);
          overflow-wrap: normal;
        }
      }
      .compact .lesson .full {
        display: none;
      }
      .compact .lesson .short {
        display: block;
      }
      .compact .time .end {
        display: none;
      }
    `,
  ];
}
