/**
 * A minimal stand-in for Home Assistant's `ha-form`, for the test page (./page.ts): the
 * component tests run without Home Assistant's frontend. It renders what the cards' editors
 * use (boolean and select selectors: a labelled switch or select per field, named after it)
 * and answers a change the way `ha-form` does: `value-changed` with the whole new data.
 *
 * With `window.__lazyHaForm` set before the page loads (openPage({ haForm: "lazy" })) it is
 * not defined at once: only when something asks the built-in entities card for its editor,
 * after `loadCardHelpers().createCardElement(...)`, as in Home Assistant. `window.__haFormLog`
 * records those steps.
 */
export const HA_FORM_STAND_IN = String.raw`
  class HaFormStandIn extends HTMLElement {
    #data = {};
    #schema = [];
    #computeLabel = (s) => s.name;
    hass = undefined;
    get data() { return this.#data; }
    set data(v) { this.#data = v ?? {}; this.#queue(); }
    get schema() { return this.#schema; }
    set schema(v) { this.#schema = v ?? []; this.#queue(); }
    get computeLabel() { return this.#computeLabel; }
    set computeLabel(v) { this.#computeLabel = v; this.#queue(); }
    connectedCallback() { this.#queue(); }
    #queued = false;
    #queue() {
      if (this.#queued) return;
      this.#queued = true;
      queueMicrotask(() => { this.#queued = false; this.#render(); });
    }
    #emit(name, value) {
      this.dispatchEvent(new CustomEvent("value-changed", {
        detail: { value: { ...this.#data, [name]: value } }, bubbles: true, composed: true,
      }));
    }
    #render() {
      this.replaceChildren(...this.#schema.map((s) => {
        const row = document.createElement("label");
        const label = document.createElement("span");
        label.textContent = this.#computeLabel(s);
        row.append(label);
        if (s.selector.boolean) {
          const input = document.createElement("input");
          Object.assign(input, { type: "checkbox", name: s.name, checked: Boolean(this.#data[s.name]) });
          input.setAttribute("role", "switch");
          input.addEventListener("change", () => this.#emit(s.name, input.checked));
          row.append(input);
        } else if (s.selector.select) {
          const select = document.createElement("select");
          select.name = s.name;
          for (const o of s.selector.select.options) select.append(new Option(o.label, o.value));
          select.value = String(this.#data[s.name] ?? "");
          select.addEventListener("change", () => this.#emit(s.name, select.value));
          row.append(select);
        }
        return row;
      }));
    }
  }
  window.__haFormLog = [];
  if (!window.__lazyHaForm) {
    customElements.define("ha-form", HaFormStandIn);
  } else {
    class HuiEntitiesCard extends HTMLElement {
      setConfig(config) { this.config = config; }
      static async getConfigElement() {
        window.__haFormLog.push("getConfigElement");
        await new Promise((ok) => setTimeout(ok, 50));
        if (!customElements.get("ha-form")) customElements.define("ha-form", HaFormStandIn);
        return document.createElement("hui-entities-card-editor");
      }
    }
    window.loadCardHelpers = async () => ({
      createCardElement(config) {
        window.__haFormLog.push("createCardElement " + config.type);
        if (!customElements.get("hui-entities-card")) customElements.define("hui-entities-card", HuiEntitiesCard);
        const card = document.createElement("hui-" + config.type + "-card");
        card.setConfig(config);
        return card;
      },
    });
  }
`;
