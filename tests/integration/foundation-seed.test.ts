import { describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoShop } from "../../src/server/seed/demo-shop";
import { DEMO_FAQ } from "../../src/server/seed/demo-faq";
import { recommendReplies } from "../../src/server/services/faq/recommend";
import { signIn } from "../../src/server/services/sign-in";
import { useTestDatabase } from "../support/test-database";

const { db } = await useTestDatabase();

async function countEverything() {
  const [shops, users, members, buyers, products, orders, vouchers, conversations, sessions, messages, faqEntries] = await Promise.all([
    db.shop.count(), db.user.count(), db.member.count(), db.buyer.count(), db.product.count(),
    db.order.count(), db.voucher.count(), db.conversation.count(), db.chatSession.count(), db.message.count(), db.faqEntry.count(),
  ]);
  return { shops, users, members, buyers, products, orders, vouchers, conversations, sessions, messages, faqEntries };
}

describe("demo data (issue 2, item 5)", () => {
  it("seeds an owner, an admin, three agents, buyers, products, orders, vouchers and conversations", async () => {
    expect(await seedDemoShop(db)).toEqual({ created: true });
    const counts = await countEverything();
    expect(counts).toMatchObject({ shops: 1, users: 5, members: 5, conversations: 3 });
    expect(counts.buyers).toBeGreaterThanOrEqual(3);
    expect(counts.products).toBeGreaterThanOrEqual(5);
    expect(counts.vouchers).toBeGreaterThanOrEqual(2);
    const roles = (await db.member.findMany()).map((member) => member.role).sort();
    expect(roles).toEqual(["admin", "agent", "agent", "agent", "owner"]);
    const statuses = new Set((await db.order.findMany()).map((order) => order.status));
    expect(statuses.size).toBeGreaterThanOrEqual(4);
    const states = new Set((await db.chatSession.findMany()).map((session) => session.state));
    expect(states).toEqual(new Set(["queued", "open", "ended"]));
  });

  it("AUTO-3 AUTO-4: seeds an FAQ library whose answers the console suggests out of the box; auto-send and the chatbot stay off", async () => {
    const shop = await db.shop.findFirstOrThrow({ include: { settings: true } });
    expect(await db.faqEntry.count({ where: { shopId: shop.id } })).toBe(DEMO_FAQ.length);
    expect(shop.settings).toMatchObject({ autoSendThreshold: null, chatbotEnabled: false });
    // The seeded buyers' own questions get the right suggestion first, and nothing is auto-sent.
    for (const [text, expected] of [
      ["Hi! Is the cast-iron kettle suitable for an induction hob?", "kettle-hob"],
      ["The glass mug arrived cracked.", "damaged-item"],
      ["do you charge for shipping, or is it free?", "shipping-cost"],
    ] as const) {
      const result = await recommendReplies(db, { shopId: shop.id, text });
      expect(result.recommendations[0]?.id, text).toBe(expected);
      expect(result.autoSend).toMatchObject({ send: false, reason: "off" });
    }
  });

  it("is idempotent: a second run changes nothing", async () => {
    const before = await countEverything();
    expect(await seedDemoShop(db)).toEqual({ created: false });
    expect(await countEverything()).toEqual(before);
  });

  it("every demo account signs in with the README's password", async () => {
    for (const account of DEMO_ACCOUNTS) {
      await expect(signIn(db, { email: account.email, password: DEMO_PASSWORD })).resolves.toMatchObject({ email: account.email });
    }
  });

  it("keeps the open-session counter equal to the open sessions it seeded", async () => {
    const members = await db.member.findMany({ include: { _count: { select: { assignedSessions: { where: { state: "open" } } } } } });
    for (const member of members) expect(member.openSessionCount).toBe(member._count.assignedSessions);
  });
});
