import { css, html, nothing, type TemplateResult } from "lit";
import { LibrusCard } from "../base-card";
import { TODAY_DEFAULTS, validateTodayConfig } from "../config";
import { daysBetween, formatLongDay, formatShortDay, type SchoolClock } from "../format";
import { chipTone, newGrades } from "../grades";
import { count, inDays, type MessageKey } from "../localize";
import { cardStyles, ICON_STAR } from "../styles";
import { currentLessonNumber } from "../timetable";
import { effectiveToday, homeworkDue, luckyNumber, nextTests, otherEventsOn, planDay } from "../today";
import type { AgendaItem, CardData, TimetableLesson, TodayCardConfig } from "../types";

export class LibrusTodayCard extends LibrusCard<TodayCardConfig> {
  protected override readonly ticks = true;

  static getConfigElement(): HTMLElement {
    return document.createElement("librus-today-card-editor");
  }

  static getStubConfig(): Omit<TodayCardConfig, "type"> {
    return { ...TODAY_DEFAULTS };
  }

  protected validateConfig(config: unknown): TodayCardConfig {
    return validateTodayConfig(config);
  }

  getCardSize(): number {
    const data = this.data;
    if (!data) return 4;
    const plan = planDay(data, this.clock(), this.option("after_school_shows_tomorrow"));
    return 3 + Math.ceil((plan.day?.lessons.length ?? 1) * 0.8);
  }

  private option(key: keyof typeof TODAY_DEFAULTS): boolean {
    return this._config?.[key] ?? TODAY_DEFAULTS[key];
  }

  protected override render(): TemplateResult {
    const data = this.data;
    const status = this.renderStatus();
    if (status || !data) {
      return this.renderStatusCard(html`<h2 class="title">${this.t("today")}</h2>`, status);
    }
    const clock = this.clock();
    const today = effectiveToday(data, clock);
    const plan = planDay(data, clock, this.option("after_school_shows_tomorrow"));
    const heading: MessageKey =
      plan.relation === "today" ? "today" : plan.relation === "tomorrow" ? "tomorrow" : "next_school_day";
    return html`<ha-card>
      <div class="root">
        <div class="header">
          <h2 class="title">
            ${this.t(heading)} <span class="date">· ${formatLongDay(plan.date, this.uiLocale)}</span>
          </h2>
          ${this.renderStudent(data)}
        </div>
        <div class="content">
          ${this.renderLessons(plan.date, plan.day?.free_day ?? null, plan.day?.lessons ?? [], clock)}
          ${this.option("show_lucky_number") ? this.renderLucky(data, plan.date) : nothing}
          ${this.option("show_agenda") ? this.renderAgenda(data, plan.date, today) : nothing}
          ${this.option("show_homework") ? this.renderHomework(data, plan.date, today) : nothing}
          ${this.option("show_new_grades") ? this.renderNewGrades(data) : nothing}
        </div>
        ${this.renderUpdated(data)}
      </div>
    </ha-card>`;
  }

  private renderLessons(
    date: string,
    freeDay: string | null,
    lessons: readonly TimetableLesson[],
    clock: SchoolClock,
  ): TemplateResult {
    if (freeDay) {
      return html`<div class="free-day free"><span class="badge">${this.t("free_day")}</span> ${freeDay}</div>`;
    }
    if (lessons.length === 0) {
      return html`<div class="empty muted">${this.t("no_lessons")}</div>`;
    }
    const sorted = [...lessons].sort((a, b) => a.number - b.number || a.start.localeCompare(b.start));
    const current = currentLessonNumber({ date, free_day: null, lessons: sorted }, clock);
    const held = sorted.filter((l) => l.status !== "cancelled");
    const first = held[0];
    const last = held[held.length - 1];
    const span = first && last ? ` · ${first.start}–${last.end}` : "";
    return html`<div class="summary muted">${count(this.uiLang, "lesson", held.length)}${span}</div>
      <ol class="lessons">
        ${sorted.map((l) => this.renderLesson(l, l.number === current && l.status !== "cancelled"))}
      </ol>`;
  }

  private renderLesson(lesson: TimetableLesson, isCurrent: boolean): TemplateResult {
    const meta = [
      lesson.room ? this.room(lesson.room) : null,
      lesson.teacher,
      lesson.group,
    ].filter(Boolean);
    const original = lesson.original;
    const instead =
      lesson.status === "substitution" && original
        ? [original.subject, original.teacher, original.room ? this.room(original.room) : null]
            .filter(Boolean)
            .join(", ")
        : "";
    return html`<li class="lesson ${lesson.status} ${isCurrent ? "current" : ""}" aria-current=${isCurrent ? "time" : "false"}>
      <span class="num">${lesson.number}</span>
      <span class="time">${lesson.start}<br /><span class="muted">${lesson.end}</span></span>
      <span class="body">
        <span class="subject">${lesson.subject}</span>
        ${lesson.status !== "normal" ? html`<span class="badge">${this.t(lesson.status)}</span>` : nothing}
        ${isCurrent ? html`<span class="badge now">${this.t("now")}</span>` : nothing}
        ${meta.length ? html`<span class="meta">${meta.join(" · ")}</span>` : nothing}
        ${instead ? html`<span class="meta note">${this.t("instead_of")}: ${instead}</span>` : nothing}
        ${lesson.note ? html`<span class="meta note">${lesson.note}</span>` : nothing}
      </span>
    </li>`;
  }

  /** The lucky number for the planned day or later (after school, today's is over). */
  private renderLucky(data: CardData, planned: string): TemplateResult | typeof nothing {
    const lucky = luckyNumber(data, planned);
    if (!lucky) return nothing;
    const when = lucky.day === planned ? "" : ` (${formatShortDay(lucky.day, this.uiLocale)})`;
    return html`<div class="lucky ${lucky.is_mine ? "mine" : ""}">
      <span class="lucky-number" aria-hidden="true">${lucky.number}</span>
      <span>
        <span class="lucky-label">${this.t("lucky_number")}: ${lucky.number}${when}</span>
        ${lucky.is_mine
          ? html`<span class="lucky-mine">${this.t("lucky_is_mine")}<span class="stars">${this.icon(ICON_STAR)}${this.icon(
                ICON_STAR,
              )}${this.icon(ICON_STAR)}</span></span
            >`
          : nothing}
      </span>
    </div>`;
  }

  private kindLabel(item: AgendaItem): string {
    return item.category || this.t(`kind_${item.kind}` as MessageKey);
  }

  private renderAgendaItem(item: AgendaItem, today: string): TemplateResult {
    const days = daysBetween(today, item.date);
    const time = item.start ? `, ${item.start}${item.end ? `–${item.end}` : ""}` : "";
    const title = item.subject
      ? html`<strong>${item.subject}</strong> · ${this.kindLabel(item)}`
      : html`<strong>${this.kindLabel(item)}</strong>`;
    return html`<li class="item ${item.kind}">
      <span class="what">${title}</span>
      <span class="when">${formatShortDay(item.date, this.uiLocale)}${time} · ${inDays(this.uiLang, days)}</span>
      ${item.content ? html`<span class="meta">${item.content}</span>` : nothing}
    </li>`;
  }

  private renderAgenda(data: CardData, planned: string, today: string): TemplateResult {
    const tests = nextTests(data.agenda, planned);
    const others = otherEventsOn(data.agenda, planned);
    return html`<h3 class="section-title">${this.t("next_test")}</h3>
      ${tests.length
        ? html`<ul class="items tests">
            ${tests.map((a) => this.renderAgendaItem(a, today))}
          </ul>`
        : html`<div class="muted">${this.t("no_tests")}</div>`}
      ${others.length
        ? html`<h3 class="section-title">${this.t("events")}</h3>
            <ul class="items events">
              ${others.map((a) => this.renderAgendaItem(a, today))}
            </ul>`
        : nothing}`;
  }

  private renderHomework(data: CardData, planned: string, today: string): TemplateResult {
    const due = homeworkDue(data.homework, planned);
    return html`<h3 class="section-title">${this.t("homework_due")}</h3>
      ${due.length
        ? html`<ul class="items">
            ${due.map(
              (h) => html`<li class="item homework">
                <span class="what"><strong>${h.subject ?? ""}</strong>${h.subject ? " · " : ""}${h.topic}</span>
                <span class="when"
                  >${this.t("due")} ${formatShortDay(h.due, this.uiLocale)} ·
                  ${inDays(this.uiLang, daysBetween(today, h.due))}</span
                >
                ${h.text && h.text !== h.topic ? html`<span class="meta">${h.text}</span>` : nothing}
              </li>`,
            )}
          </ul>`
        : html`<div class="muted">${this.t("no_homework")}</div>`}`;
  }

  private renderNewGrades(data: CardData): TemplateResult | typeof nothing {
    const fresh = newGrades(data);
    if (!fresh.length) return nothing;
    return html`<h3 class="section-title">${count(this.uiLang, "new_grade", fresh.length)}</h3>
      <ul class="new-grades">
        ${fresh.map(
          ({ subject, grade }) => html`<li>
            <span class="grade-chip ${chipTone(grade)} ${grade.counts ? "" : "not-counted"}"
              >${grade.value}${grade.weight !== null ? html`<span class="w">${grade.weight}</span>` : nothing}</span
            >
            <span class="ng-text"><strong>${subject}</strong> <span class="muted">· ${grade.category}</span></span>
          </li>`,
        )}
      </ul>`;
  }

  static override styles = [
    cardStyles,
    css`
      .summary {
        font-size: var(--ha-font-size-s, 13px);
        margin-bottom: 6px;
      }
      .lessons {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-direction: column;
        gap: 4px;
      }
      .lesson {
        display: grid;
        grid-template-columns: 22px 44px 1fr;
        align-items: start;
        gap: 8px;
        padding: 6px 8px;
        border-radius: var(--lb-radius);
        border-left: 3px solid transparent;
        background: var(--lb-surface);
      }
      .lesson.substitution,
      .lesson.moved {
        border-left-color: var(--tone);
        background: color-mix(in srgb, var(--tone) 12%, transparent);
      }
      .lesson.cancelled {
        border-left-color: var(--tone);
        background: color-mix(in srgb, var(--tone) 8%, transparent);
      }
      .lesson.cancelled .subject,
      .lesson.cancelled .time {
        text-decoration: line-through;
        color: var(--lb-muted);
      }
      .lesson.current {
        outline: 2px solid var(--lb-primary);
        outline-offset: -2px;
      }
      .badge.now {
        --tone: var(--lb-primary);
      }
      .num {
        font-weight: var(--ha-font-weight-bold, 600);
        color: var(--lb-muted);
        text-align: center;
        line-height: 20px;
      }
      .time {
        font-size: 12px;
        line-height: 16px;
        font-variant-numeric: tabular-nums;
      }
      .body {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 2px 6px;
        min-width: 0;
      }
      .subject {
        font-weight: var(--ha-font-weight-medium, 500);
      }
      .meta {
        flex-basis: 100%;
        font-size: 12px;
        color: var(--lb-muted);
      }
      .meta.note {
        color: var(--lb-text);
      }
      .free-day,
      .empty {
        padding: 12px;
        border-radius: var(--lb-radius);
        background: var(--lb-surface);
      }
      .lucky {
        display: flex;
        align-items: center;
        gap: 12px;
        margin-top: 12px;
        padding: 8px 12px;
        border-radius: var(--lb-radius);
        background: var(--lb-surface);
      }
      .lucky-number {
        display: inline-flex;
        align-items: center;
        justify-content: center;
        width: 36px;
        height: 36px;
        flex: none;
        border-radius: 50%;
        font-size: 18px;
        font-weight: var(--ha-font-weight-bold, 600);
        border: 2px solid var(--lb-primary);
      }
      .lucky.mine {
        background: color-mix(in srgb, var(--lb-success) 18%, transparent);
        border: 1px solid color-mix(in srgb, var(--lb-success) 55%, transparent);
      }
      .lucky.mine .lucky-number {
        background: var(--lb-success);
        border-color: var(--lb-success);
        color: var(--text-primary-color, #fff);
        animation: pop 0.6s ease-out 1;
      }
      .lucky-label {
        display: block;
        font-weight: var(--ha-font-weight-medium, 500);
      }
      .lucky-mine {
        display: flex;
        align-items: center;
        gap: 6px;
        font-size: 13px;
      }
      .stars {
        display: inline-flex;
        color: var(--lb-warning);
      }
      .stars svg {
        width: 16px;
        height: 16px;
        fill: currentColor;
      }
      @keyframes pop {
        0% {
          transform: scale(0.6);
        }
        70% {
          transform: scale(1.15);
        }
        100% {
          transform: scale(1);
        }
      }
      @media (prefers-reduced-motion: reduce) {
        .lucky.mine .lucky-number {
          animation: none;
        }
      }
      .items,
      .new-grades {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-direction: column;
        gap: 6px;
      }
      .item {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        gap: 0 8px;
      }
      .item .when {
        font-size: 12px;
        color: var(--lb-muted);
        white-space: nowrap;
      }
      .item.test .what strong,
      .item.quiz .what strong {
        color: var(--lb-text);
      }
      .new-grades li {
        display: flex;
        align-items: center;
        gap: 8px;
      }
      .new-grades .grade-chip {
        cursor: default;
      }
    `,
  ];
}
