// The thin socket adapter: Socket.IO in, delivery events out. `socketTransport` turns the
// machine's commands into acknowledged emits (adding the conversation the console scopes
// them to); `bindDeliveryToSocket` feeds the client the ready, disconnect and message events.
import type { Socket } from "socket.io-client";
import type { MessageCreatedEvent } from "@/shared/events";
import type { DeliveryClient, DeliveryTransport } from "./client";
import type { DeliveryAck } from "./types";

/** The part of a socket.io-client Socket the adapter uses (tests may pass a stand-in). */
export type DeliverySocket = Pick<Socket, "connected" | "on" | "off" | "timeout">;

export function socketTransport(socket: DeliverySocket, scope: { conversationId?: string } = {}): DeliveryTransport {
  return {
    send(command, timeoutMs) {
      if (!socket.connected) return Promise.resolve({ ok: false, error: { code: "DISCONNECTED", message: "Not connected." } });
      return new Promise<DeliveryAck>((resolve) => {
        socket.timeout(timeoutMs).emit(command.name, { ...scope, ...command.input }, (error: Error | null, reply: DeliveryAck) => {
          resolve(error ? { ok: false, error: { code: "TIMEOUT", message: "The server did not answer in time." } } : reply);
        });
      });
    },
  };
}

export interface BindOptions {
  /** `console.ready` or `widget.ready`: the server has joined the socket to its rooms. */
  readyEvent: string;
  /** The console's socket carries every chat of the member: only this one's messages count. */
  conversationId?: string;
  /** The socket is already connected and ready (a chat opened in a running console). */
  isReadyNow: boolean;
}

/** Wires a socket to a delivery client; returns the unbinding function. */
export function bindDeliveryToSocket(client: DeliveryClient, socket: DeliverySocket, options: BindOptions): () => void {
  const onReady = () => client.connected();
  const onDisconnect = () => client.disconnected();
  const onMessage = (event: MessageCreatedEvent) => {
    if (options.conversationId === undefined || event.conversationId === options.conversationId) client.receive([event.message]);
  };
  socket.on(options.readyEvent, onReady);
  socket.on("disconnect", onDisconnect);
  socket.on("message.created", onMessage);
  if (options.isReadyNow && socket.connected) client.connected();
  return () => {
    socket.off(options.readyEvent, onReady);
    socket.off("disconnect", onDisconnect);
    socket.off("message.created", onMessage);
  };
}
