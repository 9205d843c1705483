// The signed-in member's own console state: GET reads it, PATCH sets the accept switch (ASSIGN-6).
import { z } from "zod";
import { defineMemberRoute } from "@/server/http/define-route";
import { performService } from "@/server/services/call-service";
import { setAcceptAutoAssign } from "@/server/services/set-accept-auto-assign";

export const GET = defineMemberRoute({
  action: "conversation:read",
  handler: async ({ member }) => ({
    memberId: member.memberId,
    nickname: member.nickname,
    role: member.role,
    acceptAutoAssign: member.acceptAutoAssign,
  }),
});

export const PATCH = defineMemberRoute({
  action: "presence:set_own_accept",
  body: z.object({ acceptAutoAssign: z.boolean() }).strict(),
  // Switching on is new capacity: the service asks for a drain of the queue (ASSIGN-4).
  handler: ({ member, body }) => performService(setAcceptAutoAssign, { member, accept: body.acceptAutoAssign }),
});
