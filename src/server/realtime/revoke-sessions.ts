// A revoked sign-in session loses its live consoles at once, on every node (through the Redis
// adapter): each console socket joins the room of the sign-in session it was opened with.
import { getRealtime } from "@/server/realtime/registry";
import { rooms } from "@/server/realtime/rooms";

export function disconnectSignInSessions(sessionIds: readonly string[], message: string): void {
  const realtime = getRealtime();
  if (!realtime || sessionIds.length === 0) return;
  const sessionRooms = sessionIds.map(rooms.signInSession);
  realtime.console.to(sessionRooms).emit("access.revoked", { message });
  realtime.console.in(sessionRooms).disconnectSockets(true);
}
