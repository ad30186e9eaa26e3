/**
 * The small part of Home Assistant's frontend API that the cards use, typed by us
 * (custom-card-helpers 2.x needs Node 24; home-assistant-js-websocket would be a dependency
 * for a handful of types).
 */

export type UnsubscribeFunc = () => Promise<void> | void;

export interface MessageBase {
  type: string;
  [key: string]: unknown;
}

export interface SubscribeOptions {
  /** Re-subscribe after a reconnect (default true in home-assistant-js-websocket). */
  resubscribe?: boolean;
}

export interface HassConnection {
  subscribeMessage<T>(
    callback: (message: T) => void,
    subscribeMessage: MessageBase,
    options?: SubscribeOptions,
  ): Promise<UnsubscribeFunc>;
}

export interface HassLocale {
  language: string;
  number_format?: string;
  time_format?: string;
}

export interface HassThemes {
  darkMode?: boolean;
  theme?: string;
}

export interface HassUser {
  id: string;
  name: string;
  is_admin: boolean;
}

export interface HomeAssistant {
  connection: HassConnection;
  /** Legacy; `locale.language` is preferred. */
  language?: string;
  locale?: HassLocale;
  themes?: HassThemes;
  user?: HassUser;
  callWS<T>(message: MessageBase): Promise<T>;
}

/** Lovelace card API (developers.home-assistant.io: docs/frontend/custom-ui/custom-card). */
export interface LovelaceCard extends HTMLElement {
  hass?: HomeAssistant;
  setConfig(config: unknown): void;
  getCardSize(): number | Promise<number>;
  getGridOptions?(): LovelaceGridOptions;
}

export interface LovelaceGridOptions {
  columns?: number | "full";
  rows?: number | "auto";
  min_columns?: number;
  max_columns?: number;
  min_rows?: number;
  max_rows?: number;
}

export interface LovelaceCardEditor extends HTMLElement {
  hass?: HomeAssistant;
  setConfig(config: unknown): void;
}

export interface CustomCardEntry {
  type: string;
  name: string;
  description?: string;
  preview?: boolean;
  documentationURL?: string;
}

/** ha-form schema, only the selectors we use. */
export type HaFormSchema =
  | { name: string; selector: { boolean: Record<string, never> } }
  | {
      name: string;
      selector: { select: { options: { value: string; label: string }[]; mode?: "dropdown" | "list" } };
    };

declare global {
  interface Window {
    customCards?: CustomCardEntry[];
  }
}
