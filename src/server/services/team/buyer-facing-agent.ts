// TEAM-6: buyers see an agent's nickname and avatar, never the email. Anything that sends an
// agent's identity towards the widget goes through this one function, which copies the two
// public fields and nothing else (a pending nickname under review is not public either).

export interface BuyerFacingAgent {
  nickname: string;
  avatarUrl: string | null;
}

export function toBuyerFacingAgent(member: { nickname: string; avatarUrl: string | null }): BuyerFacingAgent {
  return { nickname: member.nickname, avatarUrl: member.avatarUrl };
}
