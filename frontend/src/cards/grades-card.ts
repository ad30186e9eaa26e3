import { css, html, nothing, type PropertyDeclarations, type TemplateResult } from "lit";
import { LibrusCard } from "../base-card";
import { GRADES_DEFAULTS, validateGradesConfig } from "../config";
import { formatAverage, formatDate, formatTimestamp } from "../format";
import { averageTone, chipTone, gradeCount, semesterOf } from "../grades";
import { count } from "../localize";
import { cardStyles, ICON_CLOSE } from "../styles";
import type { CardData, GradeItem, GradesCardConfig, SubjectGrades } from "../types";

export class LibrusGradesCard extends LibrusCard<GradesCardConfig> {
  static override properties: PropertyDeclarations = {
    _semester: { state: true },
    _open: { state: true },
  };

  /** The semester the user switched to; undefined follows the config. */
  declare private _semester: 1 | 2 | undefined;
  /** The id of the grade whose details are open. */
  declare private _open: string | undefined;

  static getConfigElement(): HTMLElement {
    return document.createElement("librus-grades-card-editor");
  }

  static getStubConfig(): Omit<GradesCardConfig, "type"> {
    return { ...GRADES_DEFAULTS };
  }

  protected validateConfig(config: unknown): GradesCardConfig {
    return validateGradesConfig(config);
  }

  override setConfig(config: unknown): void {
    super.setConfig(config);
    this._semester = undefined;
  }

  getCardSize(): number {
    const data = this.data;
    if (!data) return 6;
    const semester = semesterOf(data, this.semester(data));
    return 3 + (semester?.subjects.filter((s) => s.grades.length).length ?? 1);
  }

  private semester(data: CardData): 1 | 2 {
    if (this._semester) return this._semester;
    const configured = this._config?.semester ?? GRADES_DEFAULTS.semester;
    return configured === "current" ? data.current_semester : configured;
  }

  private get showAverages(): boolean {
    return this._config?.show_averages ?? GRADES_DEFAULTS.show_averages;
  }

  private switchTo(semester: 1 | 2): void {
    this._semester = semester;
    this._open = undefined;
  }

  protected override render(): TemplateResult {
    const data = this.data;
    const status = this.renderStatus();
    const title = html`<h2 class="title">${this.t("grades")}</h2>`;
    if (status || !data) {
      return this.renderStatusCard(title, status);
    }
    const shown = this.semester(data);
    const semester = semesterOf(data, shown);
    const subjects = (semester?.subjects ?? []).filter(
      (s) => s.grades.length || s.semester_grade || s.proposed_grade,
    );
    const total = gradeCount(semester);
    const fresh = subjects.reduce((n, s) => n + s.grades.filter((g) => g.is_new).length, 0);
    const overall = semester?.average ?? null;
    return html`<ha-card>
      <div class="root">
        <div class="header">${title} ${this.renderStudent(data)}</div>
        <div class="toolbar">
          <div class="tabs" role="tablist" aria-label=${this.t("semester")}>
            ${([1, 2] as const).map(
              (n) => html`<button
                role="tab"
                class="tab"
                aria-selected=${n === shown ? "true" : "false"}
                @click=${() => this.switchTo(n)}
              >
                ${this.t("semester_n", { n })}
              </button>`,
            )}
          </div>
          <div class="summary">
            ${this.showAverages && overall !== null
              ? html`<span class="overall"
                  >${this.t("overall_average")}
                  <span class="avg ${averageTone(overall)}">${formatAverage(overall, this.uiLang)}</span></span
                >`
              : nothing}
            <span class="muted count">${count(this.uiLang, "grade", total)}</span>
            ${fresh ? html`<span class="badge fresh">${count(this.uiLang, "new_grade", fresh)}</span>` : nothing}
          </div>
        </div>
        <div class="content" role="tabpanel">
          ${subjects.length
            ? html`<ul class="subjects">
                ${subjects.map((s) => this.renderSubject(s))}
              </ul>`
            : html`<div class="empty muted">${this.t("no_grades_semester", { n: shown })}</div>`}
        </div>
        ${this.renderUpdated(data)}
      </div>
    </ha-card>`;
  }

  private renderSubject(subject: SubjectGrades): TemplateResult {
    const average = subject.average;
    const open = subject.grades.find((g) => g.id === this._open);
    return html`<li class="subject">
      <div class="name">
        <span class="subject-name">${subject.subject}</span>
        ${subject.proposed_grade
          ? html`<span class="badge final" title=${this.t("proposed_grade")}
              >${this.t("proposed_grade")}: ${subject.proposed_grade}</span
            >`
          : nothing}
        ${subject.semester_grade
          ? html`<span class="badge final" title=${this.t("semester_grade")}
              >${this.t("semester_grade")}: ${subject.semester_grade}</span
            >`
          : nothing}
      </div>
      <div class="chips">${subject.grades.map((g) => this.renderChip(g))}</div>
      ${this.showAverages
        ? html`<div class="average" title=${this.t("average")}>
            <span class="avg ${averageTone(average)}">${formatAverage(average, this.uiLang)}</span>
          </div>`
        : nothing}
      ${open ? this.renderDetails(open) : nothing}
    </li>`;
  }

  private renderChip(grade: GradeItem): TemplateResult {
    const open = this._open === grade.id;
    const label = [
      grade.value,
      grade.weight !== null ? `${this.t("weight")} ${grade.weight}` : null,
      grade.category,
      grade.is_new ? this.t("new") : null,
    ]
      .filter(Boolean)
      .join(", ");
    return html`<button
      class="grade-chip ${chipTone(grade)} ${grade.counts ? "" : "not-counted"} ${grade.is_new ? "new" : ""}"
      aria-label=${label}
      aria-expanded=${open ? "true" : "false"}
      title=${`${grade.category} · ${formatDate(grade.date, this.uiLocale)}`}
      @click=${() => (this._open = open ? undefined : grade.id)}
    >
      ${grade.value}${grade.weight !== null ? html`<span class="w">${grade.weight}</span>` : nothing}
    </button>`;
  }

  private renderDetails(grade: GradeItem): TemplateResult {
    const row = (label: string, value: string | null): TemplateResult | typeof nothing =>
      value ? html`<dt>${label}</dt><dd>${value}</dd>` : nothing;
    return html`<div class="details" role="region" aria-label=${`${grade.value} — ${grade.category}`}>
      <div class="details-head">
        <span class="grade-chip ${chipTone(grade)}">${grade.value}</span>
        <strong>${grade.category}</strong>
        ${grade.is_new ? html`<span class="badge fresh">${this.t("new")}</span>` : nothing}
        <button class="icon-button close" aria-label=${this.t("close")} @click=${() => (this._open = undefined)}>
          ${this.icon(ICON_CLOSE)}
        </button>
      </div>
      <dl>
        ${row(this.t("date"), formatDate(grade.date, this.uiLocale))}
        ${row(this.t("weight"), grade.weight !== null ? String(grade.weight) : null)}
        ${row(this.t("teacher"), grade.teacher)} ${row(this.t("comment"), grade.comment)}
        ${row(this.t("added"), formatTimestamp(grade.added, this.uiLocale))}
      </dl>
      ${grade.counts ? nothing : html`<div class="muted note">${this.t("not_counted")}</div>`}
    </div>`;
  }

  static override styles = [
    cardStyles,
    css`
      .toolbar {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 8px 16px;
        padding: 0 16px 8px;
      }
      .tabs {
        display: inline-flex;
        border: 1px solid var(--lb-divider);
        border-radius: 18px;
        overflow: hidden;
      }
      .tab {
        border: none;
        background: none;
        padding: 6px 14px;
        font-size: 13px;
        cursor: pointer;
        color: var(--lb-text);
      }
      .tab + .tab {
        border-left: 1px solid var(--lb-divider);
      }
      .tab[aria-selected="true"] {
        background: var(--lb-primary);
        color: var(--text-primary-color, #fff);
        font-weight: var(--ha-font-weight-medium, 500);
      }
      .summary {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 4px 10px;
        font-size: 13px;
      }
      .badge.fresh {
        --tone: var(--lb-primary);
      }
      .badge.final {
        --tone: var(--lb-muted);
      }
      .avg {
        display: inline-block;
        min-width: 40px;
        padding: 1px 6px;
        border-radius: 6px;
        text-align: center;
        font-weight: var(--ha-font-weight-bold, 600);
        font-variant-numeric: tabular-nums;
        background: color-mix(in srgb, var(--tone) var(--tone-strength), transparent);
      }
      .subjects {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      .subject {
        display: grid;
        grid-template-columns: 1fr auto;
        grid-template-areas: "name avg" "chips chips" "details details";
        gap: 6px 8px;
        padding: 10px 0;
        border-top: 1px solid var(--lb-divider);
      }
      .subject:first-child {
        border-top: none;
      }
      .name {
        grid-area: name;
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 4px 8px;
        min-width: 0;
      }
      .subject-name {
        font-weight: var(--ha-font-weight-medium, 500);
      }
      .chips {
        grid-area: chips;
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
      }
      .average {
        grid-area: avg;
        align-self: start;
      }
      .details {
        grid-area: details;
        padding: 8px 12px;
        border-radius: var(--lb-radius);
        background: var(--lb-surface);
      }
      .details-head {
        display: flex;
        align-items: center;
        gap: 8px;
      }
      .details-head .grade-chip {
        cursor: default;
      }
      .details-head .close {
        margin-left: auto;
      }
      dl {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 2px 12px;
        margin: 6px 0 0;
        font-size: 13px;
      }
      dt {
        color: var(--lb-muted);
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      .note {
        margin-top: 4px;
        font-size: 12px;
      }
      .empty {
        padding: 12px 0;
      }
      @container librus (min-width: 620px) {
        .subject {
          grid-template-columns: minmax(140px, 200px) 1fr auto;
          grid-template-areas: "name chips avg" "details details details";
          align-items: center;
        }
        .average {
          align-self: center;
        }
      }
    `,
  ];
}
