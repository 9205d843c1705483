// The signed-in member's own console state: GET reads it, PATCH sets the accept switch (ASSIGN-6).
import { z } from "zod";
import { getDb } from "@/server/db/client";
import { defineMemberRoute } from "@/server/http/define-route";
import { settle } from "@/server/services/assignment/settle";
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
  handler: async ({ member, body }) => {
    const db = getDb();
    const result = await setAcceptAutoAssign(db, { member, accept: body.acceptAutoAssign });
    // Switching on is new capacity: drain the queue now (ASSIGN-4).
    await settle(db, result.events, { drainShopId: result.acceptAutoAssign ? member.shopId : null });
    return { acceptAutoAssign: result.acceptAutoAssign };
  },
});
