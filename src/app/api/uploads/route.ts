// POST /api/uploads (CHAT-2, NF-3): multipart/form-data with the file in the field "file".
// Authenticated either by the widget token in the X-Widget-Token header (a buyer; rate-limited
// per buyer) or by the member's session cookie (permission upload:create). The type is decided
// from the first bytes, the size limit from the type; a refusal says why (413, 415). The body is
// streamed to storage (issue 15); the server-wide guard bounds it before it gets here.
import type { NextRequest } from "next/server";
import { AppError } from "@/core/errors";
import { assertCan } from "@/core/permissions";
import { MAX_UPLOAD_BYTES } from "@/core/uploads/detect-content-type";
import { getAuthSecret } from "@/server/auth/secret";
import { getRequestMember } from "@/server/http/current-member";
import { RateLimitedError, respondJson } from "@/server/http/public-route";
import { assertSameOriginRequest } from "@/server/http/request-origin";
import { assertWidgetOriginForShop } from "@/server/http/widget-origin";
import { sharedRateLimiter } from "@/server/rate-limit/shared-rate-limiter";
import { callService } from "@/server/services/call-service";
import { createUploadFromStream, type Uploader } from "@/server/services/uploads/create-upload";
import { readMultipartFile } from "@/server/services/uploads/read-multipart-file";
import { getUploadStorage } from "@/server/services/uploads/storage";
import { assertNotBlocked, resolveWidgetBuyer } from "@/server/services/widget/widget-buyer";
import { UPLOAD_FIELD, WIDGET_TOKEN_HEADER } from "@/shared/uploads";

/** NF-3: a buyer may upload this many files per minute (across app nodes with Redis). */
export const WIDGET_UPLOAD_LIMIT = { limit: 10, windowMs: 60_000 };
const buyerLimiter = sharedRateLimiter("widget-upload", WIDGET_UPLOAD_LIMIT);

// Room for the multipart envelope around the largest allowed file.
const MAX_REQUEST_BYTES = MAX_UPLOAD_BYTES + 256 * 1024;
const TOO_LARGE = "Files can be at most 50 MB (images 10 MB).";

async function resolveUploader(request: NextRequest): Promise<{ shopId: string; uploader: Uploader }> {
  const widgetToken = request.headers.get(WIDGET_TOKEN_HEADER);
  if (widgetToken) {
    const buyer = await callService(resolveWidgetBuyer, { authSecret: getAuthSecret(), token: widgetToken });
    assertNotBlocked(buyer);
    await assertWidgetOriginForShop(request, buyer.shopId);
    const waitMs = await buyerLimiter.hit(buyer.buyerId);
    if (waitMs > 0) throw new RateLimitedError(`You are sending files too fast. Try again in ${Math.ceil(waitMs / 1000)} s.`, waitMs);
    return { shopId: buyer.shopId, uploader: { type: "buyer", buyerId: buyer.buyerId } };
  }
  const member = await getRequestMember(request);
  if (!member) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  assertCan(member, "upload:create");
  // Cookie-authenticated: the CSRF rule (issue 15) applies.
  assertSameOriginRequest(request);
  return { shopId: member.shopId, uploader: { type: "member", memberId: member.memberId } };
}

export async function POST(request: NextRequest): Promise<Response> {
  return respondJson(async () => {
    const { shopId, uploader } = await resolveUploader(request);
    const declaredLength = Number(request.headers.get("content-length") ?? "0");
    if (declaredLength > MAX_REQUEST_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", TOO_LARGE, { file: [TOO_LARGE] });
    // Streamed (issue 15): typed from its first bytes, written to storage as it arrives, never whole in memory.
    return readMultipartFile(
      request,
      UPLOAD_FIELD,
      { maxFileBytes: MAX_UPLOAD_BYTES + 1, tooLarge: () => new AppError("PAYLOAD_TOO_LARGE", TOO_LARGE, { file: [TOO_LARGE] }) },
      (file) => callService(createUploadFromStream, { storage: getUploadStorage(), shopId, uploader, fileName: file.fileName, chunks: file.chunks }),
      `Send the file as multipart/form-data in the field "${UPLOAD_FIELD}".`,
    );
  });
}
