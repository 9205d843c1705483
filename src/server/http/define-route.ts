// Every HTTP route is declared through defineRoute, which makes the permission check impossible
// to forget (TEAM-1, NF-3): a member route names the Action it needs, a public route says so.
// It validates input with zod (400 with field errors) and answers errors through
// error-response.ts, the mapping every route definer shares.
import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import { AppError } from "@/core/errors";
import { assertCan, type Action } from "@/core/permissions";
import { getCurrentMember } from "@/server/http/current-member";
import { errorResponse } from "@/server/http/error-response";
import type { MemberContext } from "@/server/services/resolve-member";
import { zodFieldErrors } from "@/shared/validation";

type RouteParams = Promise<Record<string, string | string[]>>;

interface MemberRouteOptions<TBody extends z.ZodType | undefined> {
  action: Action;
  body?: TBody;
  handler: (context: {
    member: MemberContext;
    body: TBody extends z.ZodType ? z.infer<TBody> : undefined;
    request: NextRequest;
    params: Record<string, string | string[]>;
  }) => Promise<unknown>;
}

export function defineMemberRoute<TBody extends z.ZodType | undefined = undefined>(options: MemberRouteOptions<TBody>) {
  return async (request: NextRequest, context: { params: RouteParams }): Promise<Response> =>
    respond(async () => {
      const member = await getCurrentMember();
      if (!member) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
      assertCan(member, options.action);
      const body = options.body ? await parseJsonBody(request, options.body) : undefined;
      return options.handler({
        member,
        body: body as TBody extends z.ZodType ? z.infer<TBody> : undefined,
        request,
        params: (await context.params) ?? {},
      });
    });
}

async function parseJsonBody<T extends z.ZodType>(request: NextRequest, schema: T): Promise<z.infer<T>> {
  let json: unknown;
  try {
    json = await request.json();
  } catch {
    throw new AppError("BAD_INPUT", "The request body must be JSON.");
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new AppError("BAD_INPUT", "Some fields are not valid.", zodFieldErrors(parsed.error));
  return parsed.data;
}

async function respond(run: () => Promise<unknown>): Promise<Response> {
  try {
    const result = await run();
    if (result instanceof Response) return result;
    return NextResponse.json({ data: result ?? null });
  } catch (error) {
    return errorResponse(error);
  }
}
