// Every HTTP route is declared through defineRoute, which makes the permission check impossible
// to forget (TEAM-1, NF-3): a member route names the Action it needs, a public route says so.
// It validates input with zod (400 with field errors) and answers errors through
// error-response.ts, the mapping every route definer shares.
import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import { AppError } from "@/core/errors";
import { assertCan, type Action } from "@/core/permissions";
import { getRequestMember } from "@/server/http/current-member";
import { noteRequestShop } from "@/server/observability/request-context";
import { errorResponse } from "@/server/http/error-response";
import { readJsonBody } from "@/server/http/read-json-body";
import { assertSameOriginRequest } from "@/server/http/request-origin";
import type { MemberContext } from "@/server/services/resolve-member";

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

/** A member route's handler, labelled with the action it checks (read by the route-permission audit test). */
export type MemberRouteHandler = ((request: NextRequest, context: { params: RouteParams }) => Promise<Response>) & { readonly requiredAction: Action };

export function defineMemberRoute<TBody extends z.ZodType | undefined = undefined>(options: MemberRouteOptions<TBody>): MemberRouteHandler {
  const handler = async (request: NextRequest, context: { params: RouteParams }): Promise<Response> =>
    respond(async () => {
      const member = await getRequestMember(request);
      if (!member) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
      noteRequestShop(member.shopId); // OPS-4: the request's log line names the shop
      assertCan(member, options.action);
      assertSameOriginRequest(request);
      const body = options.body ? await readJsonBody(request, options.body, { requireJsonType: true }) : undefined;
      return options.handler({
        member,
        body: body as TBody extends z.ZodType ? z.infer<TBody> : undefined,
        request,
        params: (await context.params) ?? {},
      });
    });
  return Object.assign(handler, { requiredAction: options.action });
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
