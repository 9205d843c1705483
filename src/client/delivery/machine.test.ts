// Over 300 lines on purpose: one table of scripted scenarios for one state machine.
import { describe, expect, it } from "vitest";
import { MachineDriver, ServerThread } from "./machine-driver";
import { retryAfterMs } from "./machine";
import type { DeliveryCommand } from "./types";

const text = (body: string) => ({ content: { kind: "text" as const, body }, preview: { kind: "text" as const, body } });
const syncAfter = (command: DeliveryCommand) => (command.name === "conversation:sync" ? command.input.afterSeq : null);

/** Connected and loaded with the server's latest page (and the sync that follows it). */
function loaded(server: ServerThread, config = {}) {
  const driver = new MachineDriver(config).dispatch({ type: "connected" });
  const history = driver.take("conversation:history");
  driver.ok(history, server.answer(history.command));
  const sync = driver.take("conversation:sync");
  driver.ok(sync, server.answer(sync.command));
  return driver;
}

describe("CHAT-3 delivery machine: resume and merge", () => {
  it("CHAT-3 opens with the latest page, then syncs after it so nothing raced the first page", () => {
    const server = new ServerThread();
    for (let i = 0; i < 3; i++) server.append();
    const driver = new MachineDriver().dispatch({ type: "connected" });
    const history = driver.take("conversation:history");
    expect(history.command.input).toEqual({ limit: 30 });
    // A live message overtakes the first page.
    driver.dispatch({ type: "live", messages: [server.append()] });
    driver.ok(history, server.answer(history.command));
    expect(driver.state.isLoaded).toBe(true);
    expect(syncAfter(driver.take("conversation:sync").command)).toBe(4);
    expect(driver.seqs()).toEqual([1, 2, 3, 4]);
  });

  it("CHAT-3 after a drop, resumes from the last gap-free seq and pages until done", () => {
    const server = new ServerThread();
    server.append();
    const driver = loaded(server, { syncPage: 2 });
    driver.drop();
    for (let i = 0; i < 5; i++) server.append();
    driver.dispatch({ type: "connected" });
    let sync = driver.take("conversation:sync");
    expect(syncAfter(sync.command)).toBe(1);
    driver.ok(sync, server.answer(sync.command));
    sync = driver.take("conversation:sync");
    expect(syncAfter(sync.command)).toBe(3);
    driver.ok(sync, server.answer(sync.command));
    sync = driver.take("conversation:sync");
    driver.ok(sync, server.answer(sync.command));
    expect(driver.has("conversation:sync")).toBe(false);
    expect(driver.seqs()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("CHAT-3 a live message past a gap triggers a sync from before the gap", () => {
    const server = new ServerThread();
    for (let i = 0; i < 3; i++) server.append();
    const driver = loaded(server);
    server.append();
    driver.dispatch({ type: "live", messages: [server.append()] });
    const sync = driver.take("conversation:sync");
    expect(syncAfter(sync.command)).toBe(3);
    driver.ok(sync, server.answer(sync.command));
    expect(driver.seqs()).toEqual([1, 2, 3, 4, 5]);
  });

  it("CHAT-3 a live message racing a paged sync across a gap never makes the client skip the gap (the console's old maxSeq bug)", () => {
    const server = new ServerThread();
    for (let i = 0; i < 3; i++) server.append();
    const driver = loaded(server, { syncPage: 2 });
    driver.drop();
    for (let i = 0; i < 5; i++) server.append();
    driver.dispatch({ type: "connected" });
    const first = driver.take("conversation:sync");
    const firstPage = server.answer(first.command);
    // While the first page is on its way, seq 9 is written and arrives live.
    driver.dispatch({ type: "live", messages: [server.append()] });
    driver.ok(first, firstPage);
    // The next page continues after 5 (gap-free), not after 9 (the highest held).
    const next = driver.take("conversation:sync");
    expect(syncAfter(next.command)).toBe(5);
    driver.ok(next, server.answer(next.command));
    while (driver.has("conversation:sync")) {
      const more = driver.take("conversation:sync");
      driver.ok(more, server.answer(more.command));
    }
    expect(driver.seqs()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("CHAT-3 duplicates and out-of-order arrivals give each seq once, ascending", () => {
    const server = new ServerThread();
    for (let i = 0; i < 2; i++) server.append();
    const driver = loaded(server);
    const [m3, m4, m5] = [server.append(), server.append(), server.append()];
    driver.dispatch({ type: "live", messages: [m5] }).dispatch({ type: "live", messages: [m4] }).dispatch({ type: "live", messages: [m4] });
    const sync = driver.take("conversation:sync");
    driver.dispatch({ type: "live", messages: [m3] });
    driver.ok(sync, server.answer(sync.command));
    expect(driver.seqs()).toEqual([1, 2, 3, 4, 5]);
    // The copy already held wins: a repeat keeps the same objects.
    const held = driver.state.messages;
    driver.dispatch({ type: "live", messages: [{ ...m4 }] });
    expect(driver.state.messages).toBe(held);
  });

  it("CHAT-3 a reconnect during a sync starts over from what is held; the old answer is ignored", () => {
    const server = new ServerThread();
    server.append();
    const driver = loaded(server);
    for (let i = 0; i < 3; i++) server.append();
    driver.dispatch({ type: "live", messages: [server.messages[3]!] });
    const stale = driver.take("conversation:sync");
    const stalePage = server.answer(stale.command);
    driver.dispatch({ type: "disconnected" }).dispatch({ type: "connected" });
    const fresh = driver.take("conversation:sync");
    expect(syncAfter(fresh.command)).toBe(1);
    driver.ok(stale, stalePage);
    expect(driver.seqs()).toEqual([1, 4]);
    driver.ok(fresh, server.answer(fresh.command));
    expect(driver.seqs()).toEqual([1, 2, 3, 4]);
  });

  it("CHAT-3 the first page sets the floor: 0 at the beginning, else just before the page; older pages merge below", () => {
    const server = new ServerThread();
    for (let i = 0; i < 5; i++) server.append();
    const driver = loaded(server, { historyPage: 2, olderPage: 2 });
    expect(driver.state).toMatchObject({ floorSeq: 3, hasMoreBefore: true });
    expect(driver.seqs()).toEqual([4, 5]);
    driver.dispatch({ type: "load_older" });
    expect(driver.state.isLoadingOlder).toBe(true);
    const older = driver.take("conversation:history");
    expect(older.command.input).toEqual({ beforeSeq: 4, limit: 2 });
    driver.ok(older, server.answer(older.command));
    expect(driver.seqs()).toEqual([2, 3, 4, 5]);
    expect(driver.state.isLoadingOlder).toBe(false);
  });

  it("CHAT-3 a sync that times out is tried again after a back-off while connected", () => {
    const server = new ServerThread();
    server.append();
    const driver = loaded(server);
    driver.dispatch({ type: "live", messages: [server.append(), server.append()].slice(1) });
    driver.answer(driver.take("conversation:sync"), { ok: false, error: { code: "TIMEOUT", message: "The server did not answer in time." } });
    expect(driver.state.loadError).toMatch(/did not answer/);
    expect(driver.has("conversation:sync")).toBe(false);
    driver.advance(1_000);
    const again = driver.take("conversation:sync");
    driver.ok(again, server.answer(again.command));
    expect(driver.seqs()).toEqual([1, 2, 3]);
    expect(driver.state.loadError).toBeNull();
  });
});

describe("CHAT-3 delivery machine: the outbox", () => {
  it("CHAT-3 sends one at a time in the order written; the ack replaces the bubble", () => {
    const server = new ServerThread();
    const driver = loaded(server);
    driver.dispatch({ type: "send", clientId: "client-a1", ...text("one") }).dispatch({ type: "send", clientId: "client-b2", ...text("two") });
    expect(driver.state.pending.map((item) => item.status)).toEqual(["sending", "sending"]);
    const first = driver.take("message:send");
    expect(driver.has("message:send")).toBe(false);
    driver.ok(first, server.answer(first.command));
    expect(driver.state.pending.map((item) => item.clientId)).toEqual(["client-b2"]);
    const second = driver.take("message:send");
    driver.ok(second, server.answer(second.command));
    expect(server.messages.map((m) => m.body)).toEqual(["one", "two"]);
    expect(driver.state.pending).toEqual([]);
    expect(driver.effectsOf("settled").map((effect) => effect.message?.seq)).toEqual([1, 2]);
  });

  it("CHAT-3 a lost request re-sends the same client id after a back-off; the sync a TIMEOUT starts finds nothing of it", () => {
    const server = new ServerThread();
    const driver = loaded(server);
    driver.dispatch({ type: "send", clientId: "client-lost", ...text("hello") });
    driver.answer(driver.take("message:send"), { ok: false, error: { code: "TIMEOUT", message: "The server did not answer in time." } });
    expect(driver.state.pending[0]).toMatchObject({ status: "sending", willResend: true });
    // A TIMEOUT may hide a disconnect: the thread resumes too.
    const sync = driver.take("conversation:sync");
    driver.ok(sync, server.answer(sync.command));
    expect(driver.has("message:send")).toBe(false);
    driver.advance(1_000);
    const again = driver.take("message:send");
    expect(again.command.input).toMatchObject({ clientId: "client-lost" });
    driver.ok(again, server.answer(again.command));
    expect(server.messages).toHaveLength(1);
    expect(driver.state.pending).toEqual([]);
  });

  it("CHAT-3 a lost acknowledgement of a stored message: the sync brings the stored copy, the bubble is done, nothing is sent twice", () => {
    const server = new ServerThread();
    const driver = loaded(server);
    driver.dispatch({ type: "send", clientId: "client-acked", ...text("hello") });
    const first = driver.take("message:send");
    server.answer(first.command); // stored, but the answer is lost
    driver.answer(first, { ok: false, error: { code: "TIMEOUT", message: "The server did not answer in time." } });
    const sync = driver.take("conversation:sync");
    driver.ok(sync, server.answer(sync.command));
    expect(driver.state.pending).toEqual([]);
    driver.advance(20_000);
    expect(driver.has("message:send")).toBe(false);
    expect(driver.seqs()).toEqual([1]);
  });

  it("CHAT-3 written while offline: the bubble shows failed after the stall time and is sent by itself on reconnect", () => {
    const server = new ServerThread();
    const driver = loaded(server);
    driver.drop();
    driver.dispatch({ type: "send", clientId: "client-off", ...text("in the tunnel") });
    expect(driver.has("message:send")).toBe(false);
    driver.advance(10_000);
    expect(driver.state.pending[0]).toMatchObject({ status: "failed", willResend: true, canRetry: true });
    driver.dispatch({ type: "connected" });
    const send = driver.take("message:send");
    expect(driver.state.pending[0]?.status).toBe("sending");
    driver.ok(send, server.answer(send.command));
    expect(driver.state.pending).toEqual([]);
  });

  it("NF-3 a rate-limited send fails with the server's words, holds later sends for the wait, and Retry re-sends the same client id", () => {
    const server = new ServerThread();
    const driver = loaded(server);
    driver.dispatch({ type: "send", clientId: "client-rl1", ...text("too fast") });
    const limited = driver.take("message:send");
    driver.answer(limited, { ok: false, error: { code: "RATE_LIMITED", message: "You are sending messages too fast. Try again in 3 s." } });
    expect(driver.state.pending[0]).toMatchObject({ status: "failed", error: expect.stringMatching(/too fast/), canRetry: true, willResend: false });
    expect(driver.effectsOf("notice")).toEqual([{ type: "notice", code: "RATE_LIMITED", message: expect.stringMatching(/Try again in 3 s/) }]);
    // A later message and a Retry during the wait are held, not refused again.
    driver.dispatch({ type: "send", clientId: "client-rl2", ...text("next") }).dispatch({ type: "retry", clientId: "client-rl1" });
    expect(driver.has("message:send")).toBe(false);
    driver.advance(2_999);
    expect(driver.has("message:send")).toBe(false);
    driver.advance(1);
    const retried = driver.take("message:send");
    expect(retried.command.input).toMatchObject({ clientId: "client-rl1" });
    driver.ok(retried, server.answer(retried.command));
    const next = driver.take("message:send");
    driver.ok(next, server.answer(next.command));
    expect(server.messages.map((m) => m.body)).toEqual(["too fast", "next"]);
    expect(driver.state.pending).toEqual([]);
  });

  it.each([
    ["You are sending messages too fast. Try again in 7 s.", 7_000],
    ["Slow down.", 5_000],
  ])("NF-3 reads the wait from %j", (text, expected) => {
    expect(retryAfterMs(text, 5_000)).toBe(expected);
  });

  it("CHAT-9 a refusal for good (blocked buyer) fails without Retry and is told; bad input neither", () => {
    const driver = loaded(new ServerThread());
    driver.dispatch({ type: "send", clientId: "client-blk", ...text("hi") });
    driver.answer(driver.take("message:send"), { ok: false, error: { code: "FORBIDDEN", message: "This shop is not accepting messages from you." } });
    expect(driver.state.pending[0]).toMatchObject({ status: "failed", canRetry: false });
    expect(driver.effectsOf("notice")[0]).toMatchObject({ code: "FORBIDDEN" });
    driver.dispatch({ type: "send", clientId: "client-bad", ...text("x") });
    driver.answer(driver.take("message:send"), { ok: false, error: { code: "BAD_INPUT", message: "Bad." } });
    expect(driver.state.pending[1]).toMatchObject({ status: "failed", canRetry: false });
  });

  it("CHAT-3 a bubble is done when its stored copy arrives live before the ack; the late ack changes nothing", () => {
    const server = new ServerThread();
    const driver = loaded(server);
    driver.dispatch({ type: "send", clientId: "client-live", ...text("race") });
    const send = driver.take("message:send");
    const stored = server.answer(send.command);
    driver.dispatch({ type: "live", messages: [stored as ReturnType<ServerThread["append"]>] });
    expect(driver.state.pending).toEqual([]);
    const before = driver.state.messages;
    driver.ok(send, stored);
    expect(driver.state.messages).toBe(before);
    expect(driver.effectsOf("settled")).toHaveLength(1);
  });

  it("CHAT-3 the same client id is never queued twice", () => {
    const driver = loaded(new ServerThread());
    driver.dispatch({ type: "send", clientId: "client-one", ...text("a") }).dispatch({ type: "send", clientId: "client-one", ...text("a") });
    expect(driver.state.pending).toHaveLength(1);
  });

  it("CONSOLE-7 a workbench card that fails is removed and reported instead of left with Retry", () => {
    const driver = loaded(new ServerThread());
    driver.dispatch({ type: "send", clientId: "client-card", content: { kind: "product_card", productId: "p" }, preview: { kind: "product_card", label: "Product" }, dropOnFailure: true });
    driver.answer(driver.take("message:send"), { ok: false, error: { code: "NOT_FOUND", message: "That product is gone." } });
    expect(driver.state.pending).toEqual([]);
    expect(driver.effectsOf("settled")).toEqual([{ type: "settled", clientId: "client-card", message: null, error: "That product is gone." }]);
  });

  it("CHAT-2 an upload reports progress, then sends the stored upload; a failed upload retries by uploading again", () => {
    const server = new ServerThread();
    const driver = loaded(server);
    driver.dispatch({ type: "upload_started", clientId: "client-img", preview: { kind: "image", fileName: "a.png", objectUrl: "blob:a" } });
    driver.dispatch({ type: "upload_progress", clientId: "client-img", progress: 0.4 });
    expect(driver.state.pending[0]).toMatchObject({ status: "uploading", progress: 0.4, content: null });
    expect(driver.has("message:send")).toBe(false);
    driver.dispatch({ type: "upload_failed", clientId: "client-img", message: "The upload failed: the connection was lost.", canRetry: true });
    expect(driver.state.pending[0]).toMatchObject({ status: "failed", canRetry: true });
    driver.dispatch({ type: "retry", clientId: "client-img" });
    expect(driver.effectsOf("upload")).toEqual([{ type: "upload", clientId: "client-img" }]);
    expect(driver.state.pending[0]).toMatchObject({ status: "uploading", progress: 0 });
    driver.dispatch({ type: "upload_done", clientId: "client-img", content: { kind: "image", uploadId: "u1" }, preview: { kind: "image", fileName: "a.png", objectUrl: "blob:a" } });
    const send = driver.take("message:send");
    expect(send.command.input).toMatchObject({ clientId: "client-img", content: { kind: "image", uploadId: "u1" } });
    driver.ok(send, server.answer(send.command));
    expect(driver.state.pending).toEqual([]);
  });

  it("CHAT-2 removing a bubble while it uploads aborts the upload", () => {
    const driver = loaded(new ServerThread());
    driver.dispatch({ type: "upload_started", clientId: "client-vid", preview: { kind: "video", fileName: "v.mp4", objectUrl: null } });
    driver.dispatch({ type: "discard", clientId: "client-vid" });
    expect(driver.effectsOf("abort_upload")).toEqual([{ type: "abort_upload", clientId: "client-vid" }]);
    expect(driver.state.pending).toEqual([]);
  });

  it("WIDGET-2 the page context travels with the send", () => {
    const driver = loaded(new ServerThread());
    driver.dispatch({ type: "send", clientId: "client-ctx", ...text("about this"), context: { productId: "p1" } });
    expect(driver.take("message:send").command.input).toEqual({ clientId: "client-ctx", content: { kind: "text", body: "about this" }, context: { productId: "p1" } });
  });

  it("CHAT-3 an acknowledgement that reveals unseen messages triggers a sync", () => {
    const server = new ServerThread();
    const driver = loaded(server);
    server.append();
    server.append();
    driver.dispatch({ type: "send", clientId: "client-gap", ...text("mine") });
    const send = driver.take("message:send");
    driver.ok(send, server.answer(send.command));
    expect(syncAfter(driver.take("conversation:sync").command)).toBe(0);
  });
});
