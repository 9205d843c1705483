// A revoked sign-in session loses its live consoles at once, on every node (through the Redis
// adapter): each console socket joins the room of the sign-in session it was opened with.
import type { Socket } from "socket.io";
import { getRealtime } from "@/server/realtime/registry";
import { rooms } from "@/server/realtime/rooms";
import type { SignOutReason } from "@/core/sign-out-reason";

export function disconnectSignInSessions(sessionIds: readonly string[], message: string, reason: SignOutReason): void {
  const realtime = getRealtime();
  if (!realtime || sessionIds.length === 0) return;
  const sessionRooms = sessionIds.map(rooms.signInSession);
  realtime.console.to(sessionRooms).emit("access.revoked", { message, reason });
  realtime.console.in(sessionRooms).disconnectSockets(true);
}

/**
 * The absolute session lifetime holds for a socket that stays connected too: at the session's
 * end the console is told and dropped, and its reconnect is refused by the handshake.
 */
export function closeSocketAtSessionEnd(socket: Socket, member: { sessionExpiresAt?: Date }, now: Date = new Date()): void {
  if (!member.sessionExpiresAt) return;
  // setTimeout takes at most 2^31 - 1 ms (about 24.8 days); sessions last 7 days.
  const delayMs = Math.min(Math.max(0, member.sessionExpiresAt.getTime() - now.getTime()), 2 ** 31 - 1);
  const timer = setTimeout(() => {
    socket.emit("access.revoked", { message: "Your sign-in has expired. Sign in again.", reason: "expired" });
    socket.disconnect(true);
  }, delayMs);
  socket.once("disconnect", () => clearTimeout(timer));
}
