// Turns what a client asked to send into what is stored: text as is; uploads and cards checked
// against the shop (never trust the client about the shop) and snapshotted into the payload, so
// history shows what was sent even after the product or voucher changes.
import { AppError } from "@/core/errors";
import type { Prisma } from "@/generated/prisma/client";
import type { MessageKind } from "@/generated/prisma/enums";
import type { Tx } from "@/server/services/messaging/append-message";
import { loadOrderCard, loadProductCard, loadVoucherCard } from "@/server/services/workbench/load-card";
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
  input: { shopId: string; content: TAgentMessageContent; sender: { type: "agent" | "buyer"; buyerId: string } },
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
      const card = await loadProductCard(tx, { shopId, productId: content.productId });
      return { kind: "product_card", body: card.name, payload: card };
    }
    case "order_card": {
      // Cards are about the chat's buyer: only that buyer's orders, whoever sends it.
      const card = await loadOrderCard(tx, { shopId, orderId: content.orderId, buyerId: input.sender.buyerId });
      return { kind: "order_card", body: `Order ${card.orderNumber}`, payload: card };
    }
    case "voucher_card": {
      if (input.sender.type !== "agent") throw new AppError("FORBIDDEN", "Only the shop sends vouchers.");
      const card = await loadVoucherCard(tx, { shopId, voucherId: content.voucherId });
      return { kind: "voucher_card", body: card.title, payload: card };
    }
  }
}
