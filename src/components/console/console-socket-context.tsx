"use client";

// One Socket.IO connection per console tab, shared by every component through context.
// `emitCommand` wraps the acknowledgement protocol (docs/realtime.md) in a promise, with a
// timeout so a lost connection surfaces as an error instead of a hang.
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { io, type Socket } from "socket.io-client";
import { CONSOLE_NAMESPACE, type Ack } from "@/shared/events";

export type ConnectionState = "connecting" | "connected" | "refused";

export class CommandError extends Error {
  constructor(readonly code: string, message: string, readonly fieldErrors?: Record<string, string[]>) {
    super(message);
  }
}

interface ConsoleSocketValue {
  socket: Socket | null;
  state: ConnectionState;
  /** Increments on every (re)connection: effects that must resync depend on it. */
  connectionEpoch: number;
  emitCommand<T>(event: string, payload: unknown, timeoutMs?: number): Promise<T>;
}

const ConsoleSocketContext = createContext<ConsoleSocketValue | null>(null);

export function ConsoleSocketProvider({ children }: { children: ReactNode }) {
  const [socket, setSocket] = useState<Socket | null>(null);
  const [state, setState] = useState<ConnectionState>("connecting");
  const [connectionEpoch, setConnectionEpoch] = useState(0);

  useEffect(() => {
    const next = io(CONSOLE_NAMESPACE, { withCredentials: true, transports: ["polling", "websocket"] });
    next.on("console.ready", () => {
      setState("connected");
      setConnectionEpoch((epoch) => epoch + 1);
    });
    next.on("disconnect", (reason) => {
      setState("connecting");
      // The server dropped us on purpose (role or access change): reconnect to get fresh rooms.
      if (reason === "io server disconnect") setTimeout(() => next.connect(), 500);
    });
    next.on("connect_error", (error) => setState(error.message === "unauthorized" ? "refused" : "connecting"));
    next.on("access.revoked", (reason: { message: string }) => {
      setState("refused");
      next.disconnect();
      window.location.assign(`/sign-in?revoked=${encodeURIComponent(reason.message)}`);
    });
    setSocket(next);
    return () => {
      next.disconnect();
    };
  }, []);

  const value = useMemo<ConsoleSocketValue>(() => ({
    socket,
    state,
    connectionEpoch,
    emitCommand<T>(event: string, payload: unknown, timeoutMs = 10_000) {
      return new Promise<T>((resolve, reject) => {
        if (!socket) return reject(new CommandError("OFFLINE", "Not connected yet."));
        socket.timeout(timeoutMs).emit(event, payload, (error: Error | null, reply: Ack<T>) => {
          if (error) return reject(new CommandError("TIMEOUT", "The server did not answer. Check your connection and try again."));
          if (reply.ok) resolve(reply.data);
          else reject(new CommandError(reply.error.code, reply.error.message, reply.error.fieldErrors));
        });
      });
    },
  }), [socket, state, connectionEpoch]);

  return <ConsoleSocketContext.Provider value={value}>{children}</ConsoleSocketContext.Provider>;
}

export function useConsoleSocket(): ConsoleSocketValue {
  const value = useContext(ConsoleSocketContext);
  if (!value) throw new Error("useConsoleSocket must be used inside ConsoleSocketProvider");
  return value;
}

/** Subscribes to a server event for the lifetime of the component. */
export function useConsoleEvent<T>(event: string, handler: (payload: T) => void): void {
  const { socket } = useConsoleSocket();
  useEffect(() => {
    if (!socket) return;
    socket.on(event, handler);
    return () => {
      socket.off(event, handler);
    };
  }, [socket, event, handler]);
}
