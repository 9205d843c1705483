// The thin socket adapter: Socket.IO in, delivery events out. The transports turn the
// machine's commands into the typed contract's `send` (src/shared/commands.ts,
// src/client/socket/typed-socket.ts), the console adding the conversation it scopes them to;
// the binders feed the client the ready, disconnect and message events of its namespace.
import { send, type ConsoleSocket, type WidgetSocket } from "@/client/socket/typed-socket";
import type { MessageCreatedEvent } from "@/shared/events";
import type { DeliveryClient, DeliveryTransport } from "./client";
import type { DeliveryAck } from "./types";

export function consoleTransport(socket: ConsoleSocket, conversationId: string): DeliveryTransport {
  return {
    send(command, timeoutMs): Promise<DeliveryAck> {
      const options = { timeoutMs };
      switch (command.name) {
        case "conversation:history":
          return send(socket, "conversation:history", { conversationId, ...command.input }, options);
        case "conversation:sync":
          return send(socket, "conversation:sync", { conversationId, ...command.input }, options);
        case "message:send":
          return send(socket, "message:send", { conversationId, clientId: command.input.clientId, content: command.input.content }, options);
      }
    },
  };
}

export function widgetTransport(socket: WidgetSocket): DeliveryTransport {
  return {
    send(command, timeoutMs): Promise<DeliveryAck> {
      const options = { timeoutMs };
      switch (command.name) {
        case "conversation:history":
          return send(socket, "conversation:history", command.input, options);
        case "conversation:sync":
          return send(socket, "conversation:sync", command.input, options);
        case "message:send": {
          const { content } = command.input;
          // Buyers send every kind but vouchers (CHAT-2); the server would refuse it the same way.
          if (content.kind === "voucher_card") return Promise.resolve({ ok: false, error: { code: "BAD_INPUT", message: "Buyers cannot send vouchers." } });
          return send(socket, "message:send", { ...command.input, content }, options);
        }
      }
    },
  };
}

/**
 * Feeds a console chat's delivery client. The console's socket carries every chat of the
 * member: only this conversation's messages count. `isReadyNow`: the socket is already in its
 * rooms (a chat opened in a running console), so the client resumes at once.
 */
export function bindConsoleDelivery(client: DeliveryClient, socket: ConsoleSocket, conversationId: string, isReadyNow: boolean): () => void {
  const onReady = () => client.connected();
  const onDisconnect = () => client.disconnected();
  const onMessage = (event: MessageCreatedEvent) => {
    if (event.conversationId === conversationId) client.receive([event.message]);
  };
  socket.on("console.ready", onReady);
  socket.on("disconnect", onDisconnect);
  socket.on("message.created", onMessage);
  if (isReadyNow && socket.connected) client.connected();
  return () => {
    socket.off("console.ready", onReady);
    socket.off("disconnect", onDisconnect);
    socket.off("message.created", onMessage);
  };
}

/** Feeds the widget's delivery client: a buyer's socket carries their one conversation. */
export function bindWidgetDelivery(client: DeliveryClient, socket: WidgetSocket): () => void {
  const onReady = () => client.connected();
  const onDisconnect = () => client.disconnected();
  const onMessage = (event: MessageCreatedEvent) => client.receive([event.message]);
  socket.on("widget.ready", onReady);
  socket.on("disconnect", onDisconnect);
  socket.on("message.created", onMessage);
  return () => {
    socket.off("widget.ready", onReady);
    socket.off("disconnect", onDisconnect);
    socket.off("message.created", onMessage);
  };
}
