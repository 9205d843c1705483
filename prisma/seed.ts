// `npm run db:seed` / `prisma db seed`: seeds the demo shop into DATABASE_URL (idempotent).
import { createPrismaClient } from "@/server/db/client";
import { seedDemoShop } from "@/server/seed/demo-shop";

const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL is not set");
const db = createPrismaClient(url);
const { created } = await seedDemoShop(db);
console.log(created ? "Seeded the demo shop." : "The demo shop already exists; nothing to do.");
await db.$disconnect();
