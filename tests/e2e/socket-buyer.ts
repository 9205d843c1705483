// A buyer driven like the widget drives one: an HTTP widget session, then the /widget socket.
// For end-to-end tests where only the console is under test (the widget's own UI has its specs).
import { expect } from "@playwright/test";
import { io, type Socket } from "socket.io-client";

export const PUBLIC_KEY = "pk_demo_harbor_and_pine";
/** A 1×1 PNG. */
export const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==", "base64");

export interface WireMessage {
  id: string;
  conversationId: string;
  sessionId: string | null;
  seq: number;
  clientId: string | null;
  authorType: "buyer" | "agent" | "bot" | "system";
  kind: string;
  body: string;
}
export type Ack<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

export class SocketBuyer {
  readonly messages: WireMessage[] = [];
  readonly reads: Array<{ reader: string; seq: number }> = [];
  readonly sessionStates: string[] = [];
  conversationId: string | null = null;
  private constructor(readonly socket: Socket, readonly token: string, readonly nickname: string, private readonly baseURL: string) {
    socket.on("message.created", (event: { message: WireMessage }) => {
      if (!this.messages.some((message) => message.seq === event.message.seq)) this.messages.push(event.message);
    });
    socket.on("conversation.read", (event: { reader: string; seq: number }) => this.reads.push(event));
    socket.on("session.changed", (event: { session: { state: string } }) => this.sessionStates.push(event.session.state));
  }

  static async start(baseURL: string): Promise<SocketBuyer> {
    const response = await fetch(`${baseURL}/api/widget/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ publicKey: PUBLIC_KEY }),
    });
    expect(response.status).toBe(200);
    const { data } = (await response.json()) as { data: { token: string; buyer: { nickname: string } } };
    const socket = io(`${baseURL}/widget`, { auth: { token: data.token }, transports: ["websocket"], forceNew: true });
    await new Promise<void>((resolve, reject) => {
      socket.once("widget.ready", () => resolve());
      socket.once("connect_error", reject);
    });
    return new SocketBuyer(socket, data.token, data.buyer.nickname, baseURL);
  }

  command<T>(event: string, payload: unknown): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.socket.timeout(10_000).emit(event, payload, (error: Error | null, reply: Ack<T>) => {
        if (error) reject(error);
        else if (reply.ok) resolve(reply.data);
        else reject(new Error(`${reply.error.code}: ${reply.error.message}`));
      });
    });
  }

  async say(body: string): Promise<WireMessage> {
    const message = await this.command<WireMessage>("message:send", { clientId: `buyer${crypto.randomUUID().replaceAll("-", "")}`, content: { kind: "text", body } });
    this.conversationId = message.conversationId;
    return message;
  }

  async sendImage(fileName = "buyer-photo.png"): Promise<WireMessage> {
    const form = new FormData();
    form.append("file", new Blob([PNG], { type: "image/png" }), fileName);
    const response = await fetch(`${this.baseURL}/api/uploads`, { method: "POST", headers: { "x-widget-token": this.token }, body: form });
    expect(response.status).toBe(200);
    const { data } = (await response.json()) as { data: { uploadId: string } };
    return this.command<WireMessage>("message:send", { clientId: `buyer${crypto.randomUUID().replaceAll("-", "")}`, content: { kind: "image", uploadId: data.uploadId } });
  }

  read(seq: number): Promise<null> {
    return this.command("conversation:read", { seq });
  }

  typing(isTyping: boolean): Promise<null> {
    return this.command("typing:set", { isTyping });
  }

  close(): void {
    this.socket.disconnect();
  }
}
