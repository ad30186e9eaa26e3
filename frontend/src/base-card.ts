/** What the three cards share: config, hass, language, the data subscription, status messages. */
import { html, LitElement, nothing, svg, type PropertyDeclarations, type TemplateResult } from "lit";
import { CardDataController } from "./data";
import { cardLang, formatTimestamp, intlLocale, schoolClock, type Lang, type SchoolClock } from "./format";
import type { HomeAssistant, LovelaceCard, LovelaceGridOptions } from "./ha-types";
import { roomLabel, t, type MessageKey } from "./localize";
import type { AnyCardConfig, CardData } from "./types";

export abstract class LibrusCard<C extends AnyCardConfig> extends LitElement implements LovelaceCard {
  static override properties: PropertyDeclarations = { _config: { state: true } };

  declare protected _config: C | undefined;
  protected uiLang: Lang = "en";
  protected uiLocale = "en-GB";
  protected readonly feed = new CardDataController(this);
  private _hass?: HomeAssistant;
  private _timer?: ReturnType<typeof setInterval>;
  /** Re-render every minute (current lesson, "after school") while on screen. */
  protected readonly ticks: boolean = false;

  /** Home Assistant sets this on every state change; the cards only re-render when their inputs change. */
  set hass(hass: HomeAssistant) {
    this._hass = hass;
    const language = hass.locale?.language ?? hass.language;
    const lang = cardLang(language);
    const locale = intlLocale(language);
    if (lang !== this.uiLang || locale !== this.uiLocale) {
      this.uiLang = lang;
      this.uiLocale = locale;
      this.requestUpdate();
    }
    this.feed.setHass(hass);
  }

  get hass(): HomeAssistant | undefined {
    return this._hass;
  }

  protected abstract validateConfig(config: unknown): C;

  setConfig(config: unknown): void {
    const valid = this.validateConfig(config);
    this._config = valid;
    this.feed.setEntryId(valid.entry_id);
  }

  abstract getCardSize(): number;

  getGridOptions(): LovelaceGridOptions {
    return { columns: 12, min_columns: 6 };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.ticks) this._timer = setInterval(() => this.requestUpdate(), 60_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this._timer !== undefined) clearInterval(this._timer);
    this._timer = undefined;
  }

  protected get data(): CardData | undefined {
    const state = this.feed.state;
    return state.status === "ready" ? state.data : undefined;
  }

  protected clock(): SchoolClock {
    return schoolClock(Date.now());
  }

  protected t(key: MessageKey, vars?: Record<string, string | number>): string {
    return t(this.uiLang, key, vars);
  }

  protected room(room: string): string {
    return roomLabel(this.uiLang, room);
  }

  /** A message instead of the content while loading, on errors, or when nothing is set up. */
  protected renderStatus(): TemplateResult | undefined {
    const state = this.feed.state;
    switch (state.status) {
      case "ready":
        return undefined;
      case "loading":
        return html`<div class="message" role="status">${this.t("loading")}</div>`;
      case "no_students":
        return html`<div class="message">${this.t("no_students")}</div>`;
      case "unknown_student":
        return html`<div class="message error" role="alert">${this.t("unknown_student")}</div>`;
      case "error":
        return html`<div class="message error" role="alert">${this.t("error")}: ${state.message}</div>`;
    }
  }

  /** The whole card while there is nothing to show: its title over the status message. */
  protected renderStatusCard(title: TemplateResult, status: TemplateResult | undefined): TemplateResult {
    return html`<ha-card
      ><div class="root">
        <div class="header">${title}</div>
        ${status}
      </div></ha-card
    >`;
  }

  protected renderStudent(data: CardData | undefined): TemplateResult | typeof nothing {
    if (!data) return nothing;
    const { name, class_name } = data.student;
    return html`<div class="student">${name}${class_name ? html` · ${class_name}` : nothing}</div>`;
  }

  protected renderUpdated(data: CardData): TemplateResult | typeof nothing {
    if (!data.updated_at) return nothing;
    return html`<div class="footer">${this.t("updated")}: ${formatTimestamp(data.updated_at, this.uiLocale)}</div>`;
  }

  protected icon(path: string): TemplateResult {
    return html`<svg viewBox="0 0 24 24" aria-hidden="true">${svg`<path d=${path}></path>`}</svg>`;
  }
}
