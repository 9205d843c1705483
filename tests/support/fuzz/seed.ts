// The shop every fuzz run attacks: an owner (the signed-in member), a second agent, an
// identified buyer with an open chat and messages, a product, an order, a voucher, an invitation
// and API tokens, so that valid ids reach deep into the handlers. The ids form the pool the
// generators draw from; the credentials the fuzzed requests carry are kept out of it, so a
// generated DELETE cannot revoke the suite's own token.
import type { Database } from "../../../src/server/db/client";
import { createApiToken } from "../../../src/server/services/integration/create-api-token";
import { createBuyer, createMember, createShop } from "../../factories";

export interface FuzzShop {
  shopId: string;
  owner: { id: string; userId: string; shopId: string };
  agent: { id: string; userId: string };
  buyer: { id: string; shopId: string; externalId: string };
  conversationId: string;
  sessionId: string;
  apiToken: string;
  /** Existing ids of every kind, for path parameters and uuid fields. */
  ids: string[];
  /** The same by noun, for fields and parameters named after one (`conversationId`, `targetMemberId`). */
  idsByNoun: Record<string, string[]>;
  /** Existing shop-side external ids (order numbers, SKUs, buyers). */
  externalIds: string[];
}

export async function seedFuzzShop(db: Database): Promise<FuzzShop> {
  const shop = await createShop(db);
  const owner = await createMember(db, { shopId: shop.id, role: "owner", nickname: "Fuzz Owner" });
  const agent = await createMember(db, { shopId: shop.id, role: "agent", nickname: "Fuzz Agent" });
  const buyer = await createBuyer(db, { shopId: shop.id, externalId: "cust-fuzz-1", nickname: "fuzzy" });
  const conversation = await db.conversation.create({ data: { shopId: shop.id, buyerId: buyer.id, lastSeq: 3 } });
  const session = await db.chatSession.create({ data: { shopId: shop.id, conversationId: conversation.id, state: "open", assigneeId: owner.id } });
  await db.conversation.update({ where: { id: conversation.id }, data: { activeSessionId: session.id } });
  const messages = [];
  for (const [index, body] of ["hello", "is my kettle shipped?", "on its way"].entries()) {
    messages.push(
      await db.message.create({
        data: {
          shopId: shop.id, conversationId: conversation.id, sessionId: session.id, seq: index + 1,
          authorType: index === 2 ? "agent" : "buyer", authorMemberId: index === 2 ? owner.id : null, kind: "text", body,
        },
      }),
    );
  }
  const product = await db.product.create({ data: { shopId: shop.id, externalId: "SKU-FUZZ-1", name: "Kettle", priceCents: 5900 } });
  const order = await db.order.create({
    data: { shopId: shop.id, buyerId: buyer.id, externalId: "ORD-FUZZ-1", status: "shipped", totalCents: 5900, placedAt: new Date(), items: { create: [{ name: "Kettle", quantity: 1, priceCents: 5900 }] } },
  });
  const voucher = await db.voucher.create({
    data: {
      shopId: shop.id, externalId: "V-FUZZ", code: "FUZZ5", title: "$5 off", discountType: "fixed_amount", discountValue: 500, quantity: 100,
      startsAt: new Date(Date.now() - 86_400_000), endsAt: new Date(Date.now() + 86_400_000),
    },
  });
  const invitation = await db.invitation.create({
    data: { shopId: shop.id, email: "invited@example.test", role: "agent", tokenHash: `fuzz-${shop.id}`, expiresAt: new Date(Date.now() + 86_400_000), invitedById: owner.id },
  });
  const { token: apiToken } = await createApiToken(db, { shopId: shop.id, name: "Fuzz suite" });
  const decoy = await createApiToken(db, { shopId: shop.id, name: "Decoy" });
  return {
    shopId: shop.id,
    owner: { id: owner.id, userId: owner.userId, shopId: shop.id },
    agent: { id: agent.id, userId: agent.userId },
    buyer: { id: buyer.id, shopId: shop.id, externalId: "cust-fuzz-1" },
    conversationId: conversation.id,
    sessionId: session.id,
    apiToken,
    ids: [
      conversation.id, session.id, buyer.id, agent.id, owner.id, product.id, order.id, voucher.id, invitation.id, decoy.apiToken.id,
      ...messages.map((message) => message.id),
    ],
    idsByNoun: {
      conversation: [conversation.id], session: [session.id], buyer: [buyer.id], member: [agent.id, owner.id], product: [product.id],
      order: [order.id], voucher: [voucher.id], invitation: [invitation.id], token: [decoy.apiToken.id], message: messages.map((message) => message.id),
    },
    externalIds: ["ORD-FUZZ-1", "SKU-FUZZ-1", "cust-fuzz-1", "V-FUZZ"],
  };
}
