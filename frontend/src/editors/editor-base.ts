/**
 * Visual editors: a field list rendered by Home Assistant's own `ha-form` (loaded on demand,
 * see ./ha-form.ts), so the editor looks and behaves like the built-in cards' editors.
 */
import { css, html, LitElement, nothing, type PropertyDeclarations, type TemplateResult } from "lit";
import { fetchStudents } from "../data";
import { cardLang, type Lang } from "../format";
import type { HaFormSchema, HomeAssistant, LovelaceCardEditor } from "../ha-types";
import { t, type MessageKey } from "../localize";
import type { AnyCardConfig, StudentEntry } from "../types";
import { loadHaForm } from "./ha-form";

export type Field =
  | { name: string; kind: "boolean"; label: MessageKey; default: boolean }
  | {
      name: string;
      kind: "select";
      label: MessageKey;
      default: string;
      options: { value: string; label: string }[];
      /** From the select's text value back to the config value (undefined removes the key). */
      toConfig: (value: string) => unknown;
      /** From the config value to the select's text value. */
      fromConfig: (value: unknown) => string;
    };

const AUTO = "";

export abstract class LibrusEditorBase<C extends AnyCardConfig> extends LitElement implements LovelaceCardEditor {
  static override properties: PropertyDeclarations = {
    _config: { state: true },
    _students: { state: true },
    _formReady: { state: true },
  };

  declare protected _config: C | undefined;
  declare protected _students: StudentEntry[] | undefined;
  declare private _formReady: boolean;
  protected uiLang: Lang = "en";
  private _hass?: HomeAssistant;
  private _asked = false;

  protected abstract validateConfig(config: unknown): C;
  protected abstract cardFields(): Field[];

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this._formReady) void loadHaForm().then(() => (this._formReady = true));
  }

  set hass(hass: HomeAssistant) {
    this._hass = hass;
    const lang = cardLang(hass.locale?.language ?? hass.language);
    if (lang !== this.uiLang) {
      this.uiLang = lang;
      this.requestUpdate();
    }
    if (!this._asked) {
      this._asked = true;
      fetchStudents(hass, true).then(
        (students) => (this._students = students),
        () => (this._students = []),
      );
    }
  }

  get hass(): HomeAssistant | undefined {
    return this._hass;
  }

  /** Home Assistant passes the card's config; an invalid one throws, and HA falls back to YAML. */
  setConfig(config: unknown): void {
    this._config = this.validateConfig(config);
  }

  protected fields(): Field[] {
    const students = this._students ?? [];
    const configured = this._config?.entry_id;
    const known = students.some((s) => s.entry_id === configured);
    const showStudent = students.length > 1 || (configured !== undefined && !known);
    const studentField: Field[] = showStudent
      ? [
          {
            name: "entry_id",
            kind: "select",
            label: "ed_student",
            default: AUTO,
            options: [
              { value: AUTO, label: t(this.uiLang, "ed_student_auto") },
              ...students.map((s) => ({
                value: s.entry_id,
                label: s.class_name ? `${s.name} (${s.class_name})` : s.name,
              })),
              ...(configured !== undefined && !known ? [{ value: configured, label: configured }] : []),
            ],
            toConfig: (v) => (v === AUTO ? undefined : v),
            fromConfig: (v) => (typeof v === "string" ? v : AUTO),
          },
        ]
      : [];
    return [...studentField, ...this.cardFields()];
  }

  private value(field: Field): unknown {
    const raw = (this._config as Record<string, unknown> | undefined)?.[field.name];
    if (field.kind === "boolean") return typeof raw === "boolean" ? raw : field.default;
    return raw === undefined ? field.default : field.fromConfig(raw);
  }

  /** Set one option and tell Home Assistant (`config-changed`, bubbling out of the shadow DOM). */
  protected change(field: Field, value: unknown): void {
    if (!this._config) return;
    const next: Record<string, unknown> = { ...this._config };
    const configValue = field.kind === "select" ? field.toConfig(String(value)) : Boolean(value);
    if (configValue === undefined) delete next[field.name];
    else next[field.name] = configValue;
    if (JSON.stringify(next) === JSON.stringify(this._config)) return;
    this._config = next as C;
    this.dispatchEvent(new CustomEvent("config-changed", { detail: { config: next }, bubbles: true, composed: true }));
  }

  protected override render(): TemplateResult | typeof nothing {
    if (!this._config || !this._formReady) return nothing;
    return this.renderHaForm(this.fields());
  }

  private renderHaForm(fields: Field[]): TemplateResult {
    const schema: HaFormSchema[] = fields.map((f) =>
      f.kind === "boolean"
        ? { name: f.name, selector: { boolean: {} } }
        : { name: f.name, selector: { select: { options: f.options, mode: "dropdown" } } },
    );
    const data = Object.fromEntries(fields.map((f) => [f.name, this.value(f)]));
    const labels = new Map(fields.map((f) => [f.name, t(this.uiLang, f.label)]));
    return html`<ha-form
      .hass=${this._hass}
      .data=${data}
      .schema=${schema}
      .computeLabel=${(s: { name: string }) => labels.get(s.name) ?? s.name}
      @value-changed=${(ev: CustomEvent<{ value: Record<string, unknown> }>) => {
        ev.stopPropagation();
        const value = ev.detail.value;
        for (const f of fields) {
          if (value[f.name] !== data[f.name]) this.change(f, value[f.name] ?? (f.kind === "select" ? AUTO : false));
        }
      }}
    ></ha-form>`;
  }

  static override styles = css`
    :host {
      display: block;
    }
  `;
}
