"use client";

// One Socket.IO connection per console tab, shared by every component through context.
// `call` sends a command of the typed contract (src/shared/commands.ts) and resolves with its
// data or throws a CommandError, with a timeout so a lost connection surfaces instead of hanging.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { io } from "socket.io-client";
import { asTypedSocket, call, CommandError, type ConsoleSocket, type SendOptions } from "@/client/socket/typed-socket";
import type { CommandInput, CommandResult, ConsoleCommandName } from "@/shared/commands";
import { CONSOLE_NAMESPACE, type AccessChangedEvent, type ConsoleEventName, type ConsoleServerToClientEvents, type EventPayload } from "@/shared/events";
import { signInUrlFor } from "@/core/sign-out-reason";

export { CommandError };

export type ConnectionState = "connecting" | "connected" | "refused";

export type ConsoleCall = <C extends ConsoleCommandName>(command: C, input: CommandInput<"console", C>, options?: SendOptions) => Promise<CommandResult<"console", C>>;

interface ConsoleSocketValue {
  socket: ConsoleSocket | null;
  state: ConnectionState;
  /** Increments on every (re)connection: effects that must resync depend on it. */
  connectionEpoch: number;
  /** Sends a declared console command; rejects with a CommandError (code OFFLINE, TIMEOUT or the server's). */
  call: ConsoleCall;
  /** TEAM-5: what the server last said the member may see (console.ready, access.changed); null before. */
  access: AccessChangedEvent | null;
  /**
   * Whether console.ready has arrived on the current connection, read now rather than at the last
   * render: an effect that binds to the socket after a render can otherwise miss the event.
   */
  isReady(): boolean;
}

const ConsoleSocketContext = createContext<ConsoleSocketValue | null>(null);

export function ConsoleSocketProvider({ children }: { children: ReactNode }) {
  const [socket, setSocket] = useState<ConsoleSocket | null>(null);
  const [state, setState] = useState<ConnectionState>("connecting");
  const [connectionEpoch, setConnectionEpoch] = useState(0);
  const [access, setAccess] = useState<AccessChangedEvent | null>(null);
  const isReadyNow = useRef(false);
  const isReady = useCallback(() => isReadyNow.current, []);

  useEffect(() => {
    const next = asTypedSocket("console", io(CONSOLE_NAMESPACE, { withCredentials: true, transports: ["polling", "websocket"] }));
    next.on("console.ready", (hello) => {
      isReadyNow.current = true;
      setState("connected");
      setAccess((current) => (current?.role === hello.role && current.canSeeAllChats === hello.canSeeAllChats ? current : { role: hello.role, canSeeAllChats: hello.canSeeAllChats }));
      setConnectionEpoch((epoch) => epoch + 1);
    });
    next.on("disconnect", (reason) => {
      isReadyNow.current = false;
      setState("connecting");
      // The server dropped us on purpose (role or access change): reconnect to get fresh rooms.
      if (reason === "io server disconnect") setTimeout(() => next.connect(), 500);
    });
    // TEAM-5: a role or chat access change applies to the lists before the reconnection that follows.
    next.on("access.changed", (event) => setAccess({ role: event.role, canSeeAllChats: event.canSeeAllChats }));
    next.on("connect_error", (error) => setState(error.message === "unauthorized" ? "refused" : "connecting"));
    next.on("access.revoked", (reason) => {
      setState("refused");
      next.disconnect();
      // Only the reason's code goes in the URL; the sign-in page explains known codes (TEAM-3).
      window.location.assign(signInUrlFor(reason.reason));
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
    access,
    isReady,
    call: (command, input, options) => {
      if (!socket) return Promise.reject(new CommandError("OFFLINE", "Not connected yet."));
      return call(socket, command, input, options);
    },
  }), [socket, state, connectionEpoch, access, isReady]);

  return <ConsoleSocketContext.Provider value={value}>{children}</ConsoleSocketContext.Provider>;
}

export function useConsoleSocket(): ConsoleSocketValue {
  const value = useContext(ConsoleSocketContext);
  if (!value) throw new Error("useConsoleSocket must be used inside ConsoleSocketProvider");
  return value;
}

/** Subscribes to a server event for the lifetime of the component. */
export function useConsoleEvent<E extends ConsoleEventName>(event: E, handler: (payload: EventPayload<ConsoleServerToClientEvents, E>) => void): void {
  const { socket } = useConsoleSocket();
  useEffect(() => {
    if (!socket) return;
    // socket.io's typed `on` does not follow a generic event name; the signature above types it.
    const untyped = socket as unknown as { on(event: string, listener: (payload: unknown) => void): void; off(event: string, listener: (payload: unknown) => void): void };
    const listener = handler as (payload: unknown) => void;
    untyped.on(event, listener);
    return () => {
      untyped.off(event, listener);
    };
  }, [socket, event, handler]);
}
