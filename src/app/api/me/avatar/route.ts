// SET-1: upload (multipart field "avatar") or remove the signed-in member's avatar.
import { AppError } from "@/core/errors";
import { defineMemberRoute } from "@/server/http/define-route";
import { performService } from "@/server/services/call-service";
import { appDataDir } from "@/server/services/team/data-dir";
import { removeMemberAvatar, saveMemberAvatar } from "@/server/services/team/member-avatar";
import { AVATAR_MAX_BYTES } from "@/shared/team";

// Room for the multipart envelope around a 2 MB file.
const MAX_REQUEST_BYTES = AVATAR_MAX_BYTES + 64 * 1024;

export const POST = defineMemberRoute({
  action: "personal_settings:update",
  handler: async ({ member, request }) => {
    const declaredLength = Number(request.headers.get("content-length") ?? "0");
    if (declaredLength > MAX_REQUEST_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", "The image is larger than 2 MB.", { avatar: ["Use an image of 2 MB or less"] });
    const form = await request.formData().catch(() => {
      throw new AppError("BAD_INPUT", "Send the image as multipart form data in the field \"avatar\".", { avatar: ["Choose an image file"] });
    });
    const file = form.get("avatar");
    if (!file || typeof file === "string") throw new AppError("BAD_INPUT", "Choose an image file.", { avatar: ["Choose an image file"] });
    if (file.size > AVATAR_MAX_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", "The image is larger than 2 MB.", { avatar: ["Use an image of 2 MB or less"] });
    const bytes = new Uint8Array(await file.arrayBuffer());
    return performService(saveMemberAvatar, { actor: member, bytes, dataDir: appDataDir() });
  },
});

export const DELETE = defineMemberRoute({
  action: "personal_settings:update",
  handler: ({ member }) => performService(removeMemberAvatar, { actor: member, dataDir: appDataDir() }),
});
