/**
 * Home Assistant's `ha-form`, loaded the way well-known custom cards load it. The frontend
 * defines `ha-form` lazily, with the editors that use it; a custom card's editor may open
 * before any of them did. Asking a built-in card for its editor imports that editor, and
 * `ha-form` with it: the entities card, already defined or made through `loadCardHelpers`.
 */

interface BuiltInCard {
  getConfigElement?: () => Promise<HTMLElement> | HTMLElement;
}

interface CardHelpers {
  createCardElement(config: Record<string, unknown>): HTMLElement | Promise<HTMLElement>;
}

declare global {
  interface Window {
    loadCardHelpers?: () => Promise<CardHelpers>;
  }
}

let loading: Promise<void> | undefined;

async function askBuiltInEditor(): Promise<void> {
  let card = customElements.get("hui-entities-card") as BuiltInCard | undefined;
  if (!card && window.loadCardHelpers) {
    const helpers = await window.loadCardHelpers();
    const element = await helpers.createCardElement({ type: "entities", entities: [] });
    card = element.constructor as BuiltInCard;
  }
  // Early in a page load neither may be there yet: the dashboard defines the card soon.
  card ??= (await customElements.whenDefined("hui-entities-card")) as BuiltInCard;
  await card.getConfigElement?.();
}

/** Resolves once `ha-form` is defined (at once when it already is). */
export function loadHaForm(): Promise<void> {
  if (customElements.get("ha-form")) return Promise.resolve();
  if (!loading) {
    // Home Assistant defines ha-form with that editor; it may also arrive another way first.
    askBuiltInEditor().catch(() => undefined);
    loading = customElements.whenDefined("ha-form").then(() => undefined);
  }
  return loading;
}
