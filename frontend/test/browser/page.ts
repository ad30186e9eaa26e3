import { HA_FORM_STAND_IN } from "./ha-form-stand-in";

/**
 * The test page served to Chromium: Home Assistant's default light and dark theme variables,
 * stand-ins for `ha-card` and `ha-form`, a fake `hass` (websocket commands answered from
 * fixtures) and the bundle.
 */
export const PAGE_HTML = String.raw`<!doctype html>
<html lang="pl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>librus cards</title>
<style>
  :root {
    --primary-color: #009ac7;
    --accent-color: #ff9800;
    --primary-text-color: #141414;
    --secondary-text-color: #5e5e5e;
    --text-primary-color: #ffffff;
    --disabled-text-color: #bdbdbd;
    --divider-color: rgba(0, 0, 0, 0.12);
    --primary-background-color: #fafafa;
    --card-background-color: #ffffff;
    --error-color: #db4437;
    --warning-color: #ffa600;
    --success-color: #43a047;
    --info-color: #039be5;
    --ha-card-border-radius: 12px;
    --ha-card-border-color: #e0e0e0;
    color-scheme: light;
  }
  body.dark {
    --primary-color: #009ac7;
    --primary-text-color: #e1e1e1;
    --secondary-text-color: #9b9b9b;
    --disabled-text-color: #6f6f6f;
    --divider-color: rgba(225, 225, 225, 0.12);
    --primary-background-color: #111111;
    --card-background-color: #1c1c1c;
    --ha-card-border-color: rgba(225, 225, 225, 0.12);
    color-scheme: dark;
  }
  body {
    margin: 0;
    font-family: Roboto, "Noto Sans", "DejaVu Sans", "Liberation Sans", sans-serif;
    font-size: 14px;
    background: var(--primary-background-color);
    color: var(--primary-text-color);
  }
  #stage { padding: 8px; display: flex; flex-direction: column; gap: 8px; align-items: flex-start; }
  #stage > * { width: 100%; box-sizing: border-box; }
</style>
<script type="module">
  class HaCard extends HTMLElement {
    constructor() {
      super();
      this.attachShadow({ mode: "open" }).innerHTML =
        "<style>:host{display:block;position:relative;background:var(--ha-card-background,var(--card-background-color,#fff));" +
        "border-radius:var(--ha-card-border-radius,12px);border:1px solid var(--ha-card-border-color,var(--divider-color,#e0e0e0));" +
        "color:var(--primary-text-color)}</style><slot></slot>";
    }
  }
  customElements.define("ha-card", HaCard);
${HA_FORM_STAND_IN}

  /** A fake hass: websocket commands are answered from window.__data / window.__students. */
  window.createHass = ({ language = "pl", students, failSubscribe = false } = {}) => {
    const log = { messages: [], subscribed: 0, unsubscribed: 0 };
    const listeners = new Map();
    const list = students ?? window.__students;
    const hass = {
      language,
      locale: { language, number_format: "language", time_format: "24" },
      themes: { darkMode: document.body.classList.contains("dark") },
      user: { id: "u1", name: "Rodzic", is_admin: true },
      async callWS(msg) {
        log.messages.push(msg);
        if (msg.type === "librus/students") return structuredClone(list);
        if (msg.type === "librus/card_data") {
          const data = window.__data[msg.entry_id];
          if (!data) throw { code: "not_found", message: "Unknown Librus entry" };
          return structuredClone(data);
        }
        throw { code: "unknown_command", message: "Unknown command." };
      },
      connection: {
        async subscribeMessage(callback, msg) {
          log.messages.push(msg);
          if (failSubscribe) throw { code: "unknown_command", message: "Unknown command." };
          if (msg.type !== "librus/subscribe") throw { code: "unknown_command", message: "Unknown command." };
          const data = window.__data[msg.entry_id];
          if (!data) throw { code: "not_found", message: "Unknown Librus entry" };
          log.subscribed += 1;
          const set = listeners.get(msg.entry_id) ?? new Set();
          set.add(callback);
          listeners.set(msg.entry_id, set);
          queueMicrotask(() => callback(structuredClone(data)));
          return async () => {
            log.unsubscribed += 1;
            set.delete(callback);
          };
        },
      },
    };
    hass.__log = log;
    hass.__push = (entryId, data) => {
      for (const cb of listeners.get(entryId) ?? []) cb(structuredClone(data));
    };
    return hass;
  };

  /** Create a card (or editor), configure it, put it on the stage and give it hass. */
  window.mount = async ({ tag, id, config, hass, width }) => {
    const el = document.createElement(tag);
    el.id = id;
    if (width) el.style.width = width + "px";
    el.setConfig(config);
    document.getElementById("stage").append(el);
    el.hass = hass;
    window.__hass = window.__hass ?? {};
    window.__hass[id] = hass;
    for (let i = 0; i < 20 && !(await el.updateComplete); i++);
    return true;
  };
</script>
<script type="module" src="/librus-cards.js"></script>
</head>
<body><div id="stage"></div></body>
</html>
`;
