"use client";

// CONSOLE-8: asks for the browser's notification permission from a button the member presses
// (browsers ignore requests that come from nowhere). Shown only while the member wants desktop
// notifications and the browser has not been asked yet; "Not now" is remembered in this browser,
// and a refusal is final here (the browser's site settings can change it).
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";

const DISMISSED_KEY = "counterpart.desktopNotifications.dismissed";

type PermissionState = NotificationPermission | "unsupported" | "unknown";

export function DesktopPermissionBanner({ isWanted }: { isWanted: boolean }) {
  const t = useTranslations("console.notifications");
  const [permission, setPermission] = useState<PermissionState>("unknown");
  const [isDismissed, setIsDismissed] = useState(true);

  useEffect(() => {
    setPermission("Notification" in window ? Notification.permission : "unsupported");
    setIsDismissed(window.localStorage.getItem(DISMISSED_KEY) === "1");
  }, []);

  if (!isWanted || permission !== "default" || isDismissed) return null;

  async function ask() {
    try {
      setPermission(await Notification.requestPermission());
    } catch {
      setPermission("denied");
    }
  }

  function dismiss() {
    window.localStorage.setItem(DISMISSED_KEY, "1");
    setIsDismissed(true);
  }

  return (
    <div role="region" aria-label={t("desktopRegion")} className="flex shrink-0 items-center justify-center gap-3 border-b border-brand-100 bg-brand-50 px-4 py-2 text-sm text-brand-700">
      <span>{t("desktopOffer")}</span>
      <button type="button" onClick={() => void ask()} className="rounded-md bg-brand-600 px-2.5 py-1 text-xs font-medium text-white hover:bg-brand-700">
        {t("turnOn")}
      </button>
      <button type="button" onClick={dismiss} className="rounded-md px-2 py-1 text-xs text-brand-700 hover:bg-brand-100">
        {t("notNow")}
      </button>
    </div>
  );
}
