// The runtime around the machine: effects performed through an injected transport, clock and
// uploader; the socket binders' filtering. No network: the transport is scripted.
import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import type { ConsoleSocket } from "@/client/socket/typed-socket";
import type { UploadDto } from "@/shared/uploads";
import { DeliveryClient, type Clock, type DeliveryTransport } from "./client";
import { message, ServerThread } from "./machine-driver";
import { bindConsoleDelivery } from "./socket-adapter";
import type { DeliveryAck, DeliveryCommand } from "./types";
import type { Uploader } from "./upload";

class FakeClock implements Clock {
  time = 0;
  private timers: Array<{ at: number; run: () => void; id: number }> = [];
  private nextId = 1;
  now = () => this.time;
  setTimeout = (run: () => void, ms: number) => {
    const id = this.nextId++;
    this.timers.push({ at: this.time + ms, run, id });
    return id;
  };
  clearTimeout = (handle: unknown) => {
    this.timers = this.timers.filter((timer) => timer.id !== handle);
  };
  advance(ms: number) {
    const target = this.time + ms;
    for (let due = this.next(target); due; due = this.next(target)) {
      this.time = due.at;
      this.timers = this.timers.filter((timer) => timer !== due);
      due.run();
    }
    this.time = target;
  }
  private next(target: number) {
    return [...this.timers].filter((timer) => timer.at <= target).sort((a, b) => a.at - b.at)[0];
  }
}

/** Answers every command from a server thread, or holds it when `hold` says so. */
class ScriptedTransport implements DeliveryTransport {
  readonly sent: DeliveryCommand[] = [];
  constructor(readonly server: ServerThread, readonly answer: (command: DeliveryCommand) => DeliveryAck | null = () => null) {}
  send(command: DeliveryCommand): Promise<DeliveryAck> {
    this.sent.push(command);
    return Promise.resolve(this.answer(command) ?? { ok: true, data: this.server.answer(command) });
  }
}

const flush = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};
let ids = 0;
const newClientId = () => `client-${++ids}-xxxx`;

describe("CHAT-3 delivery runtime", () => {
  it("CHAT-3 resolves a send with the stored message and tells subscribers of every change", async () => {
    const server = new ServerThread();
    server.append();
    const client = new DeliveryClient({ transport: new ScriptedTransport(server), newClientId, clock: new FakeClock() });
    let changes = 0;
    client.subscribe(() => (changes += 1));
    client.connected();
    await flush();
    expect(client.getState().messages.map((m) => m.seq)).toEqual([1]);
    const stored = await client.send({ kind: "text", body: "hi" }, { kind: "text", body: "hi" });
    expect(stored).toMatchObject({ seq: 2, body: "hi" });
    expect(client.getState().pending).toEqual([]);
    expect(changes).toBeGreaterThan(2);
  });

  it("CHAT-3 a lost answer is retried on the injected clock with the same client id", async () => {
    const server = new ServerThread();
    let lose = 1;
    const transport = new ScriptedTransport(server, (command) => (command.name === "message:send" && lose-- > 0 ? { ok: false, error: { code: "TIMEOUT", message: "No answer." } } : null));
    const clock = new FakeClock();
    const client = new DeliveryClient({ transport, newClientId, clock });
    client.connected();
    await flush();
    const stored = client.send({ kind: "text", body: "again" }, { kind: "text", body: "again" });
    await flush();
    expect(client.getState().pending).toHaveLength(1);
    clock.advance(1_000);
    await flush();
    await expect(stored).resolves.toMatchObject({ body: "again" });
    const sends = transport.sent.filter((command) => command.name === "message:send").map((command) => (command.name === "message:send" ? command.input.clientId : null));
    expect(sends).toHaveLength(2);
    expect(new Set(sends).size).toBe(1);
    expect(server.messages).toHaveLength(1);
  });

  it("CONSOLE-7 a dropped card rejects its promise with the server's reason", async () => {
    const transport = new ScriptedTransport(new ServerThread(), (command) => (command.name === "message:send" ? { ok: false, error: { code: "NOT_FOUND", message: "That voucher is gone." } } : null));
    const client = new DeliveryClient({ transport, newClientId, clock: new FakeClock() });
    client.connected();
    await flush();
    await expect(client.send({ kind: "voucher_card", voucherId: "v" }, { kind: "voucher_card", label: "Voucher" }, { dropOnFailure: true })).rejects.toThrow("That voucher is gone.");
    expect(client.getState().pending).toEqual([]);
  });

  it("CHAT-2 uploads with progress, sends the upload, and releases the local preview once stored", async () => {
    const server = new ServerThread();
    let progress: ((fraction: number) => void) | null = null;
    let finish: ((upload: UploadDto) => void) | null = null;
    const uploader: Uploader = (_file, onProgress) => {
      progress = onProgress;
      return { promise: new Promise<UploadDto>((resolve) => (finish = resolve)), abort: () => undefined };
    };
    const released: string[] = [];
    const client = new DeliveryClient({ transport: new ScriptedTransport(server), newClientId, clock: new FakeClock(), uploader, releasePreview: (url) => released.push(url) });
    client.connected();
    await flush();
    client.sendFile(new File(["png"], "a.png", { type: "image/png" }), { kind: "image", fileName: "a.png", objectUrl: "blob:a" });
    progress!(0.5);
    expect(client.getState().pending[0]).toMatchObject({ status: "uploading", progress: 0.5 });
    finish!({ uploadId: "u1", url: "/api/uploads/u1", mimeType: "image/png", sizeBytes: 3, fileName: "a.png", kind: "image" });
    await flush();
    expect(server.messages).toHaveLength(1);
    expect(client.getState().pending).toEqual([]);
    expect(released).toEqual(["blob:a"]);
  });

  it("CHAT-3 the console binder passes on only its own conversation's messages", () => {
    const socket = Object.assign(new EventEmitter(), { connected: true }) as unknown as ConsoleSocket;
    const client = new DeliveryClient({ transport: new ScriptedTransport(new ServerThread()), newClientId, clock: new FakeClock() });
    const unbind = bindConsoleDelivery(client, socket, "c1", false);
    const emitter = socket as unknown as EventEmitter;
    emitter.emit("message.created", { conversationId: "other", message: message(1, { conversationId: "other" }) });
    emitter.emit("message.created", { conversationId: "c1", message: message(1) });
    expect(client.getState().messages.map((m) => m.conversationId)).toEqual(["c1"]);
    unbind();
    emitter.emit("message.created", { conversationId: "c1", message: message(2) });
    expect(client.getState().messages).toHaveLength(1);
  });
});
