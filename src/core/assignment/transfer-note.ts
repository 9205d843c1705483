// CHAT-6: the system note a transfer leaves in the chat, seen by the new holder and the buyer.
// It names who acted when that is not the holder: a chat manager (TEAM-5) moving someone else's
// chat, or taking it for themselves ("Transfer to me").
export interface TransferNoteInput {
  /** Nickname of the member who held the chat; null when unknown (a deleted member). */
  holder: string | null;
  actor: { memberId: string; nickname: string };
  holderId: string | null;
  target: { memberId: string; nickname: string };
}

export function transferNote({ holder, holderId, actor, target }: TransferNoteInput): string {
  const from = holder ?? "An agent";
  if (holderId === actor.memberId) return `${from} transferred the chat to ${target.nickname}`;
  if (target.memberId === actor.memberId) return `${actor.nickname} took over the chat from ${from}`;
  return `${actor.nickname} transferred the chat from ${from} to ${target.nickname}`;
}
