// WIDGET-3 (issue 10 item 3): a claimed voucher stays claimed after the widget reloads: the
// context the widget loads names the buyer's claims, and only theirs, in this shop.
import { beforeEach, describe, expect, it } from "vitest";
import { claimVoucher } from "../../src/server/services/workbench/claim-voucher";
import { loadWidgetContext } from "../../src/server/services/widget/load-widget-context";
import { createBuyer, createShop } from "../factories";
import { useTestDatabase } from "../support/test-database";

const { db, reset } = await useTestDatabase();
beforeEach(reset);

const NOW = new Date("2026-03-10T12:00:00Z");
const DAY = 86_400_000;

async function publicVoucher(shopId: string, externalId: string) {
  return db.voucher.create({
    data: {
      shopId, isPublic: true, externalId, code: externalId, title: `Voucher ${externalId}`, discountType: "fixed_amount", discountValue: 500,
      quantity: 10, startsAt: new Date(NOW.getTime() - DAY), endsAt: new Date(NOW.getTime() + DAY),
    },
  });
}

describe("WIDGET-3 voucher claims survive a reload", () => {
  it("WIDGET-3 the widget context lists the vouchers this buyer claimed, not other buyers' or other shops'", async () => {
    const shop = await createShop(db);
    const otherShop = await createShop(db);
    const buyer = await createBuyer(db, { shopId: shop.id });
    const neighbour = await createBuyer(db, { shopId: shop.id });
    const elsewhere = await createBuyer(db, { shopId: otherShop.id });
    const [first, second, third] = [await publicVoucher(shop.id, "A"), await publicVoucher(shop.id, "B"), await publicVoucher(otherShop.id, "C")];

    expect((await loadWidgetContext(db, { shopId: shop.id, buyerId: buyer.id })).claimedVoucherIds).toEqual([]);
    await claimVoucher(db, { shopId: shop.id, buyerId: buyer.id, voucherId: first.id, now: NOW });
    await claimVoucher(db, { shopId: shop.id, buyerId: neighbour.id, voucherId: second.id, now: NOW });
    await claimVoucher(db, { shopId: otherShop.id, buyerId: elsewhere.id, voucherId: third.id, now: NOW });

    expect((await loadWidgetContext(db, { shopId: shop.id, buyerId: buyer.id })).claimedVoucherIds).toEqual([first.id]);
    expect((await loadWidgetContext(db, { shopId: shop.id, buyerId: neighbour.id })).claimedVoucherIds).toEqual([second.id]);
  });
});
