// Turns what a client asked to send into what is stored: text as is; uploads and cards checked
// against the shop (never trust the client about the shop) and snapshotted into the payload, so
// history shows what was sent even after the product or voucher changes.
import { AppError } from "@/core/errors";
import type { Prisma } from "@/generated/prisma/client";
import type { MessageKind } from "@/generated/prisma/enums";
import type { Tx } from "@/server/services/messaging/append-message";
import { buildOrderCard, buildProductCard, buildVoucherCard } from "@/server/services/messaging/cards";
import type { TAgentMessageContent } from "@/shared/message-schemas";

export interface ResolvedContent {
  kind: MessageKind;
  body: string;
  payload?: Prisma.InputJsonValue;
}

export function uploadUrl(uploadId: string): string {
  return `/api/uploads/${uploadId}`;
}

export async function resolveContent(
  tx: Tx,
  input: { shopId: string; content: TAgentMessageContent; sender: { type: "agent" } | { type: "buyer"; buyerId: string } },
): Promise<ResolvedContent> {
  const { shopId, content } = input;
  switch (content.kind) {
    case "text":
      return { kind: "text", body: content.body };
    case "image":
    case "video": {
      const upload = await tx.upload.findFirst({ where: { id: content.uploadId, shopId } });
      if (!upload) throw new AppError("NOT_FOUND", "That upload was not found. Upload the file again.", { uploadId: ["Unknown upload"] });
      if (!upload.mimeType.startsWith(`${content.kind}/`)) {
        throw new AppError("BAD_INPUT", `That file is not ${content.kind === "image" ? "an image" : "a video"}.`, { uploadId: [`Expected ${content.kind}, got ${upload.mimeType}`] });
      }
      return {
        kind: content.kind,
        body: content.body ?? "",
        payload: { uploadId: upload.id, url: uploadUrl(upload.id), mimeType: upload.mimeType, sizeBytes: upload.sizeBytes, fileName: upload.fileName },
      };
    }
    case "product_card": {
      const product = await tx.product.findFirst({ where: { id: content.productId, shopId } });
      if (!product) throw new AppError("NOT_FOUND", "That product was not found in this shop.", { productId: ["Unknown product"] });
      return { kind: "product_card", body: product.name, payload: buildProductCard(product) };
    }
    case "order_card": {
      const order = await tx.order.findFirst({ where: { id: content.orderId, shopId }, include: { items: true } });
      // A buyer may only reference their own orders.
      if (!order || (input.sender.type === "buyer" && order.buyerId !== input.sender.buyerId)) {
        throw new AppError("NOT_FOUND", "That order was not found.", { orderId: ["Unknown order"] });
      }
      return { kind: "order_card", body: `Order ${order.externalId}`, payload: buildOrderCard(order) };
    }
    case "voucher_card": {
      if (input.sender.type !== "agent") throw new AppError("FORBIDDEN", "Only the shop sends vouchers.");
      const voucher = await tx.voucher.findFirst({ where: { id: content.voucherId, shopId } });
      if (!voucher) throw new AppError("NOT_FOUND", "That voucher was not found in this shop.", { voucherId: ["Unknown voucher"] });
      return { kind: "voucher_card", body: voucher.title, payload: buildVoucherCard(voucher) };
    }
  }
}
