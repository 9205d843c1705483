// Issue 15 item 3 (NF-3, WIDGET-1): security headers per surface on the production build, and
// what Chromium does with them: a member page (the team page) cannot be framed by another
// origin; the widget frame can be framed by any storefront while the shop lists no origins, and
// only by the listed ones once it does. The "other origin" is a page served by this test on
// another port of 127.0.0.1 (same site, other origin: the attack of the issue).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Page } from "@playwright/test";
import { DEMO, signInAs } from "./support";

const port = Number(process.env.E2E_PORT ?? 3210);
const app = `http://127.0.0.1:${port}`;
const DEMO_KEY = "pk_demo_harbor_and_pine";

test.describe("security headers (issue 15)", () => {
  test("NF-3: every surface carries nosniff, Referrer-Policy and Permissions-Policy; pages a strict nonce CSP without framing", async ({ request }) => {
    for (const path of ["/sign-in", "/console", "/settings/team", "/api/console/me", `/widget/frame?key=${DEMO_KEY}`, "/widget.js"]) {
      const response = await request.get(path, { maxRedirects: 0 });
      const headers = response.headers();
      expect(headers["x-content-type-options"], path).toBe("nosniff");
      expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
      expect(headers["permissions-policy"], path).toContain("camera=()");
    }
    const signIn = await request.get("/sign-in");
    const csp = signIn.headers()["content-security-policy"]!;
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("'unsafe-inline' 'nonce"); // scripts: no unsafe-inline
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'(;|$)/);
    expect(signIn.headers()["x-frame-options"]).toBe("DENY");
    // Next.js put this response's nonce on its scripts; a second response gets another one.
    expect(await signIn.text()).toContain(`nonce="${nonce}"`);
    const again = (await request.get("/sign-in")).headers()["content-security-policy"]!;
    expect(again).not.toContain(nonce!);

    const api = await request.get("/api/console/me");
    expect(api.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
    const frame = await request.get(`/widget/frame?key=${DEMO_KEY}`);
    expect(frame.headers()["content-security-policy"]).toContain("frame-ancestors *");
    expect(frame.headers()["x-frame-options"]).toBeUndefined();
  });

  test.describe("framing from another origin", () => {
    let server: http.Server;
    let foreign: string;

    test.beforeAll(async () => {
      // A page on another port that frames whatever ?src= names and records when the frame loaded.
      server = http.createServer((req, res) => {
        const src = new URL(req.url ?? "/", "http://x").searchParams.get("src") ?? "";
        res.writeHead(200, { "content-type": "text/html" });
        res.end(`<!doctype html><title>other origin</title><iframe id="f" src="${src.replace(/"/g, "")}" onload="document.title='loaded'" width="800" height="600"></iframe>`);
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      foreign = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    test.afterAll(async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });

    /** Frames `src` from the foreign page; the frame's document URL once it loaded (an error page when refused). */
    async function frameFrom(page: Page, src: string): Promise<string> {
      await page.goto(`${foreign}/?src=${encodeURIComponent(src)}`);
      await expect(page).toHaveTitle("loaded");
      const frame = page.frames().find((candidate) => candidate !== page.mainFrame())!;
      return frame.url();
    }

    test("NF-3: the team page cannot be framed by another origin, even for a signed-in owner (clickjacking)", async ({ page }) => {
      await signInAs(page, DEMO.owner);
      const url = await frameFrom(page, `${app}/settings/team`);
      expect(url).not.toContain("/settings/team");
      const frame = page.frames().find((candidate) => candidate !== page.mainFrame())!;
      await expect(frame.getByRole("heading", { name: "Team" })).toHaveCount(0);
    });

    test("WIDGET-1: the widget frame is framable by any storefront while the list is empty, and only by listed origins once set", async ({ page, browser }) => {
      expect(await frameFrom(page, `${app}/widget/frame?key=${DEMO_KEY}`)).toContain("/widget/frame");
      const owner = await browser.newPage();
      await signInAs(owner, DEMO.owner);
      const current = ((await (await owner.request.get("/api/team/shop-settings")).json()) as { data: Record<string, unknown> }).data;
      try {
        const saved = await owner.request.put("/api/team/shop-settings", { data: { ...current, allowedOrigins: ["https://shop.example"] } });
        expect(saved.status()).toBe(200);
        const refused = await frameFrom(page, `${app}/widget/frame?key=${DEMO_KEY}`);
        expect(refused).not.toContain("/widget/frame");
        const listed = await owner.request.put("/api/team/shop-settings", { data: { ...current, allowedOrigins: [foreign] } });
        expect(listed.status()).toBe(200);
        expect(await frameFrom(page, `${app}/widget/frame?key=${DEMO_KEY}`)).toContain("/widget/frame");
      } finally {
        await owner.request.put("/api/team/shop-settings", { data: { ...current, allowedOrigins: [] } });
        await owner.close();
      }
    });
  });
});
