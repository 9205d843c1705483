// TEAM-2: accepting an invitation. Public (the person has no account in this shop yet): it
// declares its own authentication, the token, instead of a permission. Same input checks and
// error shape as every member route: zod with field errors, AppError to status, nothing leaked.
import { getServerSession } from "next-auth";
import { NextResponse, type NextRequest } from "next/server";
import { AppError } from "@/core/errors";
import { getAuthOptions } from "@/server/auth/auth-options";
import { errorResponse } from "@/server/http/error-response";
import { performService } from "@/server/services/call-service";
import { acceptInvitation } from "@/server/services/team/accept-invitation";
import { ZAcceptInvitationSchema } from "@/shared/team";
import { zodFieldErrors } from "@/shared/validation";

export async function POST(request: NextRequest, context: { params: Promise<{ token: string }> }): Promise<Response> {
  try {
    const { token } = await context.params;
    const json: unknown = await request.json().catch(() => {
      throw new AppError("BAD_INPUT", "The request body must be JSON.");
    });
    const parsed = ZAcceptInvitationSchema.safeParse(json);
    if (!parsed.success) throw new AppError("BAD_INPUT", "Some fields are not valid.", zodFieldErrors(parsed.error));
    const session = await getServerSession(getAuthOptions()).catch(() => null);
    const accepted = await performService(acceptInvitation, { token, sessionUserId: session?.userId ?? null, ...parsed.data });
    return NextResponse.json({ data: { shopId: accepted.shopId, shopName: accepted.shopName, email: accepted.email, isNewAccount: accepted.isNewAccount } });
  } catch (error) {
    return errorResponse(error);
  }
}
