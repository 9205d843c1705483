// Demo data (issue 2, item 5): one shop with an owner, an admin, three agents, buyers, products,
// orders in several states, vouchers, a few conversations and an FAQ library (demo-faq.ts).
// Written in one transaction and skipped when the demo shop exists, so running it again changes
// nothing.
import type { Database } from "@/server/db/client";
import { hashPassword } from "@/server/auth/password";
import { createShopRecord } from "@/server/services/shop/create-shop";
import { rebuildAnalyticsFacts } from "@/server/services/analytics/rebuild-facts";
import { DEMO_FAQ } from "./demo-faq";

export const DEMO_SHOP_PUBLIC_KEY = "pk_demo_harbor_and_pine";
export const DEMO_PASSWORD = "counterpart-demo";
export const DEMO_ACCOUNTS = [
  { email: "owner@demo.counterpart.local", name: "Olivia Owner", nickname: "Olivia", role: "owner" },
  { email: "admin@demo.counterpart.local", name: "Adam Admin", nickname: "Adam", role: "admin" },
  { email: "agent1@demo.counterpart.local", name: "Ava Agent", nickname: "Ava", role: "agent" },
  { email: "agent2@demo.counterpart.local", name: "Ben Agent", nickname: "Ben", role: "agent" },
  { email: "agent3@demo.counterpart.local", name: "Chloe Agent", nickname: "Chloe", role: "agent" },
] as const;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export async function seedDemoShop(db: Database, now = new Date()): Promise<{ created: boolean }> {
  const existing = await db.shop.findUnique({ where: { publicKey: DEMO_SHOP_PUBLIC_KEY } });
  if (existing) return { created: false };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const ago = (ms: number) => new Date(now.getTime() - ms);

  await db.$transaction(async (tx) => {
    const shop = await createShopRecord(tx, {
      name: "Harbor & Pine",
      publicKey: DEMO_SHOP_PUBLIC_KEY,
      identitySecret: "demo-identity-secret-change-me",
      settings: { reviewWords: ["admin", "official", "support team"] },
    });

    const members: Record<string, string> = {};
    for (const account of DEMO_ACCOUNTS) {
      const user = await tx.user.upsert({
        where: { email: account.email },
        update: {},
        create: { email: account.email, name: account.name, passwordHash, emailVerifiedAt: now },
      });
      const member = await tx.member.create({
        data: {
          shopId: shop.id,
          userId: user.id,
          role: account.role,
          status: "active",
          nickname: account.nickname,
          maxCapacity: account.role === "agent" ? 200 : 50,
          acceptAutoAssign: account.role === "agent",
        },
      });
      members[account.nickname] = member.id;
    }

    // AUTO-3: a small FAQ library, so the console suggests answers from the start (auto-send
    // and the chatbot stay off, as in every new shop).
    await tx.faqEntry.createMany({ data: DEMO_FAQ.map((entry) => ({ shopId: shop.id, ...entry, alternatives: [...entry.alternatives] })) });

    const productSpecs = [
      ["SKU-TEA-01", "Sencha green tea, 100 g", 1290, 120],
      ["SKU-TEA-02", "Earl Grey loose leaf, 250 g", 1590, 80],
      ["SKU-MUG-01", "Stoneware mug, harbor blue", 2400, 35],
      ["SKU-MUG-02", "Glass tea mug with infuser", 1950, 0],
      ["SKU-KET-01", "Cast-iron kettle, 0.8 l", 5900, 12],
      ["SKU-SET-01", "Tasting set, six teas", 3400, 40],
      ["SKU-ACC-01", "Bamboo tea scoop", 650, 200],
      ["SKU-ACC-02", "Linen tea towel", 1100, 60],
    ] as const;
    const products: Record<string, { id: string; name: string; priceCents: number }> = {};
    for (const [externalId, name, priceCents, stock] of productSpecs) {
      products[externalId] = await tx.product.create({
        data: {
          shopId: shop.id,
          externalId,
          name,
          priceCents,
          stock,
          status: stock > 0 ? "live" : "sold_out",
          url: `/demo-store/products/${externalId.toLowerCase()}`,
        },
      });
    }

    const buyerSpecs = [
      { nickname: "mia_reads", externalId: "cust-1001", email: "mia@example.com" },
      { nickname: "leo.k", externalId: "cust-1002", email: "leo@example.com" },
      { nickname: "sam_tea_fan", externalId: "cust-1003", email: null },
      { nickname: "Visitor 4821", visitorId: "visitor-demo-4821" },
      { nickname: "nora_w", externalId: "cust-1005", email: "nora@example.com" },
    ];
    const buyers = [];
    for (const spec of buyerSpecs) {
      buyers.push(await tx.buyer.create({ data: { shopId: shop.id, ...spec } }));
    }
    const [mia, leo, sam, visitor, nora] = buyers as [typeof buyers[0], typeof buyers[0], typeof buyers[0], typeof buyers[0], typeof buyers[0]];

    const orderSpecs = [
      { buyer: mia, externalId: "ORD-24001", status: "delivered", items: [["SKU-TEA-01", 2], ["SKU-MUG-01", 1]], placedDaysAgo: 20, carrier: "J&T Express" },
      { buyer: mia, externalId: "ORD-24017", status: "shipped", items: [["SKU-KET-01", 1]], placedDaysAgo: 3, carrier: "J&T Express" },
      { buyer: leo, externalId: "ORD-24005", status: "to_ship", items: [["SKU-SET-01", 1]], placedDaysAgo: 1, carrier: null },
      { buyer: leo, externalId: "ORD-23950", status: "cancelled", items: [["SKU-ACC-01", 3]], placedDaysAgo: 40, carrier: null },
      { buyer: sam, externalId: "ORD-24010", status: "out_for_delivery", items: [["SKU-TEA-02", 1], ["SKU-ACC-02", 2]], placedDaysAgo: 2, carrier: "J&T Express" },
      { buyer: nora, externalId: "ORD-23990", status: "returned", items: [["SKU-MUG-02", 1]], placedDaysAgo: 30, carrier: "DHL eCommerce" },
      { buyer: nora, externalId: "ORD-24020", status: "unpaid", items: [["SKU-TEA-01", 1]], placedDaysAgo: 0, carrier: null },
    ] as const;
    for (const spec of orderSpecs) {
      const items = spec.items.map(([sku, quantity]) => {
        const product = products[sku]!;
        return { productId: product.id, name: product.name, quantity, priceCents: product.priceCents };
      });
      const placedAt = ago(spec.placedDaysAgo * DAY + 2 * HOUR);
      await tx.order.create({
        data: {
          shopId: shop.id,
          buyerId: spec.buyer.id,
          externalId: spec.externalId,
          status: spec.status,
          totalCents: items.reduce((sum, item) => sum + item.quantity * item.priceCents, 0),
          carrier: spec.carrier,
          carrierPhone: spec.carrier === "J&T Express" ? "+1 800 555 0142" : spec.carrier ? "+1 800 555 0199" : null,
          trackingNumber: spec.carrier ? `TRK${spec.externalId.slice(4)}US` : null,
          placedAt,
          deliveredAt: spec.status === "delivered" ? ago((spec.placedDaysAgo - 4) * DAY) : null,
          items: { create: items },
          events: { create: [{ status: spec.status, occurredAt: ago(Math.max(spec.placedDaysAgo - 1, 0) * DAY) }] },
        },
      });
    }

    const voucherSpecs = [
      { externalId: "V-WELCOME5", code: "WELCOME5", title: "$5 off your next order", discountType: "fixed_amount", discountValue: 500, minSpendCents: 2500, quantity: 100 },
      { externalId: "V-SORRY10", code: "SORRY10", title: "10% off, with our apologies", discountType: "percentage", discountValue: 10, minSpendCents: 0, quantity: 20 },
      { externalId: "V-TEA15", code: "TEA15", title: "15% off teas over $30", discountType: "percentage", discountValue: 15, minSpendCents: 3000, quantity: 3 },
    ] as const;
    for (const spec of voucherSpecs) {
      await tx.voucher.create({ data: { shopId: shop.id, ...spec, startsAt: ago(10 * DAY), endsAt: new Date(now.getTime() + 60 * DAY) } });
    }

    // Three conversations: one waiting in Unassigned, one open with Ava, one ended and rated.
    const conversationSpecs = [
      {
        buyer: visitor, state: "queued", assignee: null, category: "pre_purchase", startedAgo: 20 * 60_000,
        messages: [["buyer", "Hi! Is the cast-iron kettle suitable for an induction hob?"]],
      },
      {
        buyer: mia, state: "open", assignee: "Ava", category: "logistics", startedAgo: 5 * HOUR,
        messages: [
          ["buyer", "Hello, my kettle order ORD-24017 says shipped. When will it arrive?"],
          ["agent", "Hi Mia! It left our warehouse yesterday with J&T; delivery usually takes 2-3 days."],
          ["buyer", "Great, thank you 🙏 Can I change the delivery address?"],
        ],
      },
      {
        buyer: nora, state: "ended", assignee: "Ben", category: "after_sales", startedAgo: 3 * DAY,
        messages: [
          ["buyer", "The glass mug arrived cracked."],
          ["agent", "I'm so sorry, Nora. I've started a return for you; the refund follows once it's back."],
          ["buyer", "Thanks for the quick help!"],
        ],
      },
    ] as const;
    for (const spec of conversationSpecs) {
      const startedAt = ago(spec.startedAgo);
      const assigneeId = spec.assignee ? members[spec.assignee]! : null;
      const conversation = await tx.conversation.create({ data: { shopId: shop.id, buyerId: spec.buyer.id, createdAt: startedAt } });
      const times = spec.messages.map((_, index) => new Date(startedAt.getTime() + index * 4 * 60_000));
      const lastBuyerIndex = spec.messages.map(([author]) => author).lastIndexOf("buyer");
      const lastAgentIndex = spec.messages.map(([author]) => author).lastIndexOf("agent");
      const firstAgentIndex = spec.messages.findIndex(([author]) => author === "agent");
      const isActive = spec.state === "queued" || spec.state === "open";
      const session = await tx.chatSession.create({
        data: {
          shopId: shop.id,
          conversationId: conversation.id,
          state: spec.state,
          category: spec.category,
          assigneeId,
          queuedAt: startedAt,
          assignedAt: assigneeId ? new Date(startedAt.getTime() + 1000) : null,
          firstResponseAt: firstAgentIndex >= 0 ? times[firstAgentIndex]! : null,
          oldestUnansweredAt: isActive && lastBuyerIndex > lastAgentIndex ? times[lastAgentIndex + 1]! : null,
          lastBuyerMessageAt: lastBuyerIndex >= 0 ? times[lastBuyerIndex]! : null,
          lastAgentMessageAt: lastAgentIndex >= 0 ? times[lastAgentIndex]! : null,
          closedAt: isActive ? null : times[times.length - 1]!,
          endedById: spec.state === "ended" ? assigneeId : null,
          rating: spec.state === "ended" ? 5 : null,
          ratedAt: spec.state === "ended" ? times[times.length - 1]! : null,
          createdAt: startedAt,
        },
      });
      if (assigneeId) {
        await tx.assignment.create({
          data: { shopId: shop.id, sessionId: session.id, kind: "auto", toMemberId: assigneeId, mode: "lowest_workload", detail: { seeded: true }, createdAt: startedAt },
        });
      }
      for (const [index, [author, body]] of spec.messages.entries()) {
        await tx.message.create({
          data: {
            shopId: shop.id,
            conversationId: conversation.id,
            sessionId: session.id,
            seq: index + 1,
            authorType: author,
            authorMemberId: author === "agent" ? assigneeId : null,
            kind: "text",
            body,
            createdAt: times[index]!,
          },
        });
      }
      await tx.conversation.update({
        where: { id: conversation.id },
        data: {
          lastSeq: spec.messages.length,
          activeSessionId: isActive ? session.id : null,
          lastMessageAt: times[times.length - 1]!,
          lastMessagePreview: spec.messages[spec.messages.length - 1]![1],
        },
      });
      if (spec.state === "open" && assigneeId) {
        await tx.member.update({ where: { id: assigneeId }, data: { openSessionCount: { increment: 1 } } });
      }
    }
  }, { timeout: 30_000 });
  // The demo history is written directly, not through the services that keep the analytics
  // facts: build them from it, as `npm run analytics:rebuild` would.
  const shop = await db.shop.findUniqueOrThrow({ where: { publicKey: DEMO_SHOP_PUBLIC_KEY }, select: { id: true } });
  await rebuildAnalyticsFacts(db, { shopId: shop.id, dryRun: false });
  return { created: true };
}
