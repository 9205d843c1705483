// GET /demo-store/account?as=<customer externalId>|guest: the demo store's stand-in for a
// shop's sign-in, so a visitor can try the widget as an identified buyer (WIDGET-1).
import { NextResponse, type NextRequest } from "next/server";
import { callService } from "@/server/services/call-service";
import { findDemoCustomer } from "@/server/services/demo-store/demo-catalogue";
import { DEMO_CUSTOMER_COOKIE, loadDemoShop } from "../demo-data";

export async function GET(request: NextRequest): Promise<Response> {
  const as = request.nextUrl.searchParams.get("as") ?? "guest";
  // A relative Location: behind the custom server request.url names the bind address, not
  // the host the browser used, and the cookie must come back to the same host.
  const response = new NextResponse(null, { status: 303, headers: { location: "/demo-store" } });
  const shop = await loadDemoShop();
  const customer = shop && as !== "guest" ? await callService(findDemoCustomer, { shopId: shop.id, externalId: as }) : null;
  if (customer?.externalId) {
    response.cookies.set(DEMO_CUSTOMER_COOKIE, customer.externalId, { httpOnly: true, sameSite: "lax", path: "/demo-store", maxAge: 60 * 60 * 24 });
  } else {
    response.cookies.delete({ name: DEMO_CUSTOMER_COOKIE, path: "/demo-store" });
  }
  return response;
}
