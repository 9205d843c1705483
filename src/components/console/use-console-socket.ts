"use client";

// The console's Socket.IO connection, authenticated by the session cookie the browser sends.
import { useEffect, useState } from "react";
import { io, type Socket } from "socket.io-client";
import { CONSOLE_NAMESPACE, type ConsoleClientToServerEvents, type ConsoleServerToClientEvents } from "@/shared/events";

export type ConnectionState = "connecting" | "connected" | "refused";
export type ConsoleSocket = Socket<ConsoleServerToClientEvents, ConsoleClientToServerEvents>;

export function useConsoleSocket(): ConnectionState {
  const [state, setState] = useState<ConnectionState>("connecting");
  useEffect(() => {
    const socket: ConsoleSocket = io(CONSOLE_NAMESPACE, { withCredentials: true });
    socket.on("console.ready", () => setState("connected"));
    socket.on("disconnect", () => setState("connecting"));
    socket.on("connect_error", (error) => setState(error.message === "unauthorized" ? "refused" : "connecting"));
    socket.on("access.revoked", () => {
      setState("refused");
      window.location.assign("/sign-in");
    });
    return () => {
      socket.disconnect();
    };
  }, []);
  return state;
}
