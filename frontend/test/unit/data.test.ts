/**
 * The card-data subscription survives an entry reload: when the backend ends the
 * subscription (`{"ended": true}`), the feed subscribes again by itself, keeps showing the
 * last data meanwhile, and retries while the reloaded entry is not there yet.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { listen, type DataState } from "../../src/data";
import type { HassConnection, HomeAssistant, MessageBase, UnsubscribeFunc } from "../../src/ha-types";

interface Subscription {
  callback: (message: unknown) => void;
  message: MessageBase;
  unsubscribed: boolean;
}

function fakeHass(): { hass: HomeAssistant; subs: Subscription[]; failNext: string[] } {
  const subs: Subscription[] = [];
  const failNext: string[] = [];
  const connection: HassConnection = {
    subscribeMessage<T>(callback: (message: T) => void, message: MessageBase): Promise<UnsubscribeFunc> {
      const code = failNext.shift();
      if (code) return Promise.reject({ code, message: `no: ${code}` });
      const sub: Subscription = { callback: callback as (message: unknown) => void, message, unsubscribed: false };
      subs.push(sub);
      return Promise.resolve(() => {
        sub.unsubscribed = true;
      });
    },
  };
  const hass = {
    connection,
    callWS: () => Promise.reject({ code: "not_found", message: "gone" }),
  } as unknown as HomeAssistant;
  return { hass, subs, failNext };
}

const DATA = (n: number) => ({ entry_id: "e1", updated_at: `t${n}` });

describe("card data feed", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("subscribes again when the backend ends the subscription", async () => {
    const { hass, subs, failNext } = fakeHass();
    const states: DataState[] = [];
    const stop = listen(hass, "e1", (state) => states.push(state));
    await vi.advanceTimersByTimeAsync(0);
    expect(subs).toHaveLength(1);
    subs[0]!.callback(DATA(1));
    expect(states.at(-1)).toEqual({ status: "ready", data: DATA(1) });

    // The entry reloads: the old subscription ends; the new entry is not loaded at once.
    failNext.push("not_found");
    subs[0]!.callback({ ended: true });
    expect(states.at(-1)).toEqual({ status: "ready", data: DATA(1) }); // last data stays on show
    await vi.advanceTimersByTimeAsync(0);
    expect(subs[0]!.unsubscribed).toBe(true);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(subs).toHaveLength(2); // after one "not found", the retry reached the new entry
    expect(subs[1]!.message).toEqual({ type: "librus/subscribe", entry_id: "e1" });
    subs[1]!.callback(DATA(2));
    expect(states.at(-1)).toEqual({ status: "ready", data: DATA(2) });
    expect(states.some((s) => s.status !== "ready" && s.status !== "loading")).toBe(false);

    stop();
    await vi.advanceTimersByTimeAsync(0);
    expect(subs[1]!.unsubscribed).toBe(true);
  });

  it("stops retrying when the last card leaves, and gives up on an entry that is gone", async () => {
    const { hass, subs, failNext } = fakeHass();
    const states: DataState[] = [];
    const stop = listen(hass, "e2", (state) => states.push(state));
    await vi.advanceTimersByTimeAsync(0);
    failNext.push(...Array<string>(50).fill("not_found"));
    subs[0]!.callback({ ended: true });
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(states.at(-1)).toEqual({ status: "unknown_student", entryId: "e2" });
    const tries = 50 - failNext.length;
    expect(tries).toBeGreaterThan(3);
    expect(tries).toBeLessThan(20);

    const again = listen(hass, "e3", () => undefined);
    await vi.advanceTimersByTimeAsync(0);
    failNext.length = 0;
    failNext.push(...Array<string>(50).fill("not_found"));
    subs.at(-1)!.callback({ ended: true });
    again();
    stop();
    const before = failNext.length;
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(failNext.length).toBe(before); // nobody listens: no retries
  });
});
