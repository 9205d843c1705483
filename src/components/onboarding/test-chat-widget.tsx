"use client";

// SHOP-5: the shop's own widget on a page of the app, opened at once, so an owner can chat as a
// test buyer. The script is added here (not server-rendered) so the queued "open" is in place
// before it runs; widget.js reads window.Counterpart.q when it boots.
import { useEffect } from "react";

export function TestChatWidget({ publicKey }: { publicKey: string }) {
  useEffect(() => {
    if (document.querySelector("script[data-test-chat]")) return;
    (window as unknown as { Counterpart?: unknown }).Counterpart = { q: [["open"]] };
    const script = document.createElement("script");
    script.src = "/widget.js";
    script.async = true;
    script.dataset.shopKey = publicKey;
    script.dataset.testChat = "true";
    document.body.appendChild(script);
  }, [publicKey]);
  return null;
}
