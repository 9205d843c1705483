// Public by design, like the widget: buyers see agents' avatars (TEAM-6), so no sign-in is
// asked. Only names the upload service generated can be read; the type comes from the bytes.
import { NextResponse, type NextRequest } from "next/server";
import { appDataDir } from "@/server/services/team/data-dir";
import { readAvatarFile } from "@/server/services/team/member-avatar";

export async function GET(_request: NextRequest, context: { params: Promise<{ fileName: string }> }): Promise<Response> {
  const { fileName } = await context.params;
  const avatar = await readAvatarFile(appDataDir(), fileName);
  if (!avatar) return NextResponse.json({ error: { code: "NOT_FOUND", message: "That avatar does not exist." } }, { status: 404 });
  return new Response(new Uint8Array(avatar.bytes), {
    headers: {
      "content-type": avatar.contentType,
      "content-length": String(avatar.bytes.byteLength),
      // File names are never reused (a new upload gets a new name), so they can be cached for good.
      "cache-control": "public, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'",
    },
  });
}
