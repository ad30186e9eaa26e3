/**
 * Card data over the websocket: one `librus/subscribe` subscription per student per connection,
 * shared by every card on the page (reference-counted; the last card to leave unsubscribes).
 *
 * When the entry reloads (an options change, reauth, reconfigure) the backend ends the
 * subscription with `{"ended": true}`; the feed then subscribes again by itself, keeping the
 * last data on show, and retries with a growing pause while the reloaded entry is not there
 * yet ("not found"), giving up after a few minutes.
 */
import type { ReactiveController, ReactiveControllerHost } from "lit";
import type { HassConnection, HomeAssistant, UnsubscribeFunc } from "./ha-types";
import type { CardData, StudentEntry } from "./types";

export type DataState =
  | { status: "loading" }
  | { status: "ready"; data: CardData }
  | { status: "no_students" }
  | { status: "unknown_student"; entryId: string }
  | { status: "error"; message: string };

type Listener = (state: DataState) => void;

interface Feed {
  listeners: Set<Listener>;
  state: DataState;
  unsubscribe: Promise<UnsubscribeFunc | undefined>;
  /** No card listens any more: no further subscriptions or retries. */
  closed: boolean;
  retry?: ReturnType<typeof setTimeout>;
}

/** The last event of a subscription whose entry unloaded (websocket_api.py `ENDED`). */
interface SubscriptionEnded {
  ended: true;
}

/** Pauses before subscribing again after an end, and after each "not found" (ms). */
export const RESUBSCRIBE_DELAYS = [250, 500, 1000, 2000, 4000, 8000, 15000, 30000, 30000, 30000, 30000];

function isEnded(message: CardData | SubscriptionEnded): message is SubscriptionEnded {
  return (message as Partial<SubscriptionEnded>).ended === true;
}

const feeds = new WeakMap<HassConnection, Map<string, Feed>>();
const studentLists = new WeakMap<HassConnection, Promise<StudentEntry[]>>();

function errorText(err: unknown): string {
  if (err && typeof err === "object" && "message" in err && typeof err.message === "string") return err.message;
  return String(err);
}

function errorCode(err: unknown): string | undefined {
  if (err && typeof err === "object" && "code" in err) return String(err.code);
  return undefined;
}

/** `librus/students`, cached per connection; `refresh` asks again (the editor does). */
export function fetchStudents(hass: HomeAssistant, refresh = false): Promise<StudentEntry[]> {
  let list = studentLists.get(hass.connection);
  if (!list || refresh) {
    list = hass.callWS<StudentEntry[]>({ type: "librus/students" });
    studentLists.set(hass.connection, list);
    list.catch(() => studentLists.delete(hass.connection));
  }
  return list;
}

function publish(feed: Feed, state: DataState): void {
  feed.state = state;
  for (const listener of [...feed.listeners]) listener(state);
}

function openFeed(hass: HomeAssistant, entryId: string): Feed {
  const feed: Feed = {
    listeners: new Set(),
    state: { status: "loading" },
    unsubscribe: Promise.resolve(undefined),
    closed: false,
  };
  subscribe(hass, entryId, feed, undefined);
  return feed;
}

/** Subscribe; `attempt` counts the tries after an end (undefined: the first subscription). */
function subscribe(hass: HomeAssistant, entryId: string, feed: Feed, attempt: number | undefined): void {
  const failed = (err: unknown): DataState =>
    errorCode(err) === "not_found" ? { status: "unknown_student", entryId } : { status: "error", message: errorText(err) };
  feed.unsubscribe = hass.connection
    .subscribeMessage<CardData | SubscriptionEnded>(
      (message) => {
        if (isEnded(message)) resubscribe(hass, entryId, feed, 0);
        else publish(feed, { status: "ready", data: message });
      },
      { type: "librus/subscribe", entry_id: entryId },
    )
    .catch(async (err: unknown) => {
      if (attempt !== undefined && errorCode(err) === "not_found" && attempt + 1 < RESUBSCRIBE_DELAYS.length) {
        resubscribe(hass, entryId, feed, attempt + 1); // the reloaded entry is not loaded yet
        return undefined;
      }
      // A backend without subscriptions (or over its limit) may still answer a one-off read.
      if (errorCode(err) !== "not_found") {
        try {
          const data = await hass.callWS<CardData>({ type: "librus/card_data", entry_id: entryId });
          publish(feed, { status: "ready", data });
          return undefined;
        } catch (second) {
          publish(feed, failed(second));
          return undefined;
        }
      }
      publish(feed, failed(err));
      return undefined;
    });
}

/** The subscription ended (or the entry was not back yet): subscribe again after a pause. */
function resubscribe(hass: HomeAssistant, entryId: string, feed: Feed, attempt: number): void {
  const ended = feed.unsubscribe;
  feed.unsubscribe = Promise.resolve(undefined);
  if (attempt === 0) {
    // The backend already forgot it; this only lets the websocket library forget it too.
    void ended.then((unsub) => unsub?.()).catch(() => undefined);
  }
  if (feed.closed) return;
  clearTimeout(feed.retry);
  feed.retry = setTimeout(() => {
    feed.retry = undefined;
    if (!feed.closed) subscribe(hass, entryId, feed, attempt);
  }, RESUBSCRIBE_DELAYS[attempt]);
}

/** Listen to one student's data; returns the function that stops listening. */
export function listen(hass: HomeAssistant, entryId: string, listener: Listener): () => void {
  let byEntry = feeds.get(hass.connection);
  if (!byEntry) {
    byEntry = new Map();
    feeds.set(hass.connection, byEntry);
  }
  let feed = byEntry.get(entryId);
  if (!feed) {
    feed = openFeed(hass, entryId);
    byEntry.set(entryId, feed);
  }
  feed.listeners.add(listener);
  listener(feed.state);
  const owner = byEntry;
  const mine = feed;
  return () => {
    mine.listeners.delete(listener);
    if (mine.listeners.size === 0 && owner.get(entryId) === mine) {
      owner.delete(entryId);
      mine.closed = true;
      clearTimeout(mine.retry);
      void mine.unsubscribe.then((unsub) => unsub?.()).catch(() => undefined);
    }
  };
}

/**
 * A Lit controller that keeps its card subscribed while connected: to `entryId`, or to the
 * first student from `librus/students` when the card names none.
 */
export class CardDataController implements ReactiveController {
  state: DataState = { status: "loading" };
  private hass?: HomeAssistant;
  private entryId?: string;
  private connected = false;
  private key?: string;
  private connection?: HassConnection;
  private stop?: () => void;
  private generation = 0;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  setHass(hass: HomeAssistant): void {
    this.hass = hass;
    this.sync();
  }

  setEntryId(entryId: string | undefined): void {
    this.entryId = entryId;
    this.sync();
  }

  hostConnected(): void {
    this.connected = true;
    this.sync();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.release();
  }

  private release(): void {
    this.generation++;
    this.stop?.();
    this.stop = undefined;
    this.key = undefined;
    this.connection = undefined;
  }

  private set(state: DataState): void {
    this.state = state;
    this.host.requestUpdate();
  }

  private sync(): void {
    const hass = this.hass;
    if (!this.connected || !hass) return;
    const key = this.entryId ?? "";
    if (this.key === key && this.connection === hass.connection) return;
    this.release();
    this.key = key;
    this.connection = hass.connection;
    const generation = this.generation;
    const attach = (entryId: string): void => {
      this.stop = listen(hass, entryId, (state) => this.set(state));
    };
    if (this.entryId) {
      attach(this.entryId);
      return;
    }
    if (this.state.status !== "ready") this.set({ status: "loading" });
    fetchStudents(hass).then(
      (students) => {
        if (generation !== this.generation) return;
        const first = students[0];
        if (first) attach(first.entry_id);
        else this.set({ status: "no_students" });
      },
      (err: unknown) => {
        if (generation !== this.generation) return;
        this.set({ status: "error", message: errorText(err) });
      },
    );
  }
}
