// A benchmark's shop: active agents (each with a user) and anonymous buyers, written in bulk.
// Shared by the message-path and failover scenarios, which then sign them in their own way.
import type { Database } from "../../src/server/db/client";

export async function seedBenchShop(db: Database, counts: { agents: number; buyers: number }) {
  const shop = await db.shop.create({ data: { name: "Bench shop", publicKey: `pk_bench_${crypto.randomUUID()}`, identitySecret: "bench", settings: { create: {} } } });
  const users = Array.from({ length: counts.agents }, (_, index) => ({ id: crypto.randomUUID(), email: `agent${index}-${crypto.randomUUID()}@bench.test`, name: `agent${index}` }));
  await db.user.createMany({ data: users });
  const members = users.map((user, index) => ({ id: crypto.randomUUID(), shopId: shop.id, userId: user.id, role: "agent" as const, status: "active" as const, nickname: `agent${index}`, maxCapacity: 999 }));
  await db.member.createMany({ data: members });
  const buyers = Array.from({ length: counts.buyers }, (_, index) => ({ id: crypto.randomUUID(), shopId: shop.id, nickname: `buyer${index}`, visitorId: `visitor-${crypto.randomUUID()}` }));
  await db.buyer.createMany({ data: buyers });
  return { shop, members, buyers };
}
