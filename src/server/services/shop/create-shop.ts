// SHOP-1: one way to create a shop, used by sign-up and by the demo seed, so a new shop starts
// like the demo shop: a settings row with the defaults, a public key for the widget's script tag
// and an identity secret for the shop's server. Runs inside the caller's transaction.
import crypto from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";

type Tx = Prisma.TransactionClient;

export interface NewShop {
  name: string;
  currency?: string;
  timeZone?: string;
  defaultLanguage?: string;
  /** Fixed by the demo seed; generated otherwise. */
  publicKey?: string;
  identitySecret?: string;
  settings?: Omit<Prisma.ShopSettingsCreateWithoutShopInput, "shop">;
}

/** 18 random bytes: unguessable, but public (it is in every storefront page). */
export function newPublicKey(): string {
  return `pk_${crypto.randomBytes(18).toString("base64url")}`;
}

/** 32 random bytes: the HS256 key of the shop's identity tokens (WIDGET-1). */
export function newIdentitySecret(): string {
  return `is_${crypto.randomBytes(32).toString("base64url")}`;
}

export async function createShopRecord(tx: Tx, shop: NewShop) {
  return tx.shop.create({
    data: {
      name: shop.name,
      currency: shop.currency,
      timeZone: shop.timeZone,
      defaultLanguage: shop.defaultLanguage,
      publicKey: shop.publicKey ?? newPublicKey(),
      identitySecret: shop.identitySecret ?? newIdentitySecret(),
      settings: { create: shop.settings ?? {} },
    },
  });
}

/** The owner's membership, with the seed's owner defaults (capacity 50, not auto-assigned). */
export async function createOwnerMember(tx: Tx, input: { shopId: string; userId: string; nickname: string; defaultLanguage?: string }) {
  return tx.member.create({
    data: {
      shopId: input.shopId,
      userId: input.userId,
      role: "owner",
      status: "active",
      nickname: input.nickname,
      defaultLanguage: input.defaultLanguage,
      maxCapacity: OWNER_DEFAULTS.maxCapacity,
      acceptAutoAssign: OWNER_DEFAULTS.acceptAutoAssign,
    },
  });
}

export const OWNER_DEFAULTS = { maxCapacity: 50, acceptAutoAssign: false } as const;
