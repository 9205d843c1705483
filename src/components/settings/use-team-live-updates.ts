"use client";

// TEAM-4: the team table stays current. It listens on the console namespace (the same session
// cookie authenticates it) and refetches when a member or a session changes. The handshake says
// it is a passive observer, so presence does not count the settings page as an open console
// (ASSIGN-2).
import { useEffect, useRef } from "react";
import { io, type Socket } from "socket.io-client";
import { CONSOLE_NAMESPACE, type ConsoleClientToServerEvents, type ConsoleServerToClientEvents } from "@/shared/events";
import { signInUrlFor } from "@/core/sign-out-reason";

export function useTeamLiveUpdates(onChange: () => void): void {
  const callback = useRef(onChange);
  useEffect(() => {
    callback.current = onChange;
  }, [onChange]);

  useEffect(() => {
    const socket: Socket<ConsoleServerToClientEvents, ConsoleClientToServerEvents> = io(CONSOLE_NAMESPACE, {
      withCredentials: true,
      auth: { presence: "passive" },
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Bursts (a requeue moving twenty sessions) become one refetch.
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(() => callback.current(), 250);
    };
    socket.on("member.changed", schedule);
    socket.on("session.changed", schedule);
    // After a reconnect something may have been missed: refetch once.
    socket.on("console.ready", schedule);
    socket.on("disconnect", (reason) => {
      // The server drops sockets to make them rejoin with a new role or chat access: rejoin.
      if (reason === "io server disconnect") setTimeout(() => socket.connect(), 500);
    });
    socket.on("access.revoked", (event) => window.location.assign(signInUrlFor(event.reason)));
    return () => {
      clearTimeout(timer);
      socket.disconnect();
    };
  }, []);
}
