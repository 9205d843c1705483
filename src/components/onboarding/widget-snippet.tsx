"use client";

// SHOP-5: the one tag a seller pastes into every storefront page (docs/widget.md, "Embedding").
// The script's address is PUBLIC_URL when configured, else the address this page was opened on.
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { CopyButton } from "./copy-button";

export function widgetSnippet(appOrigin: string, publicKey: string): string {
  return `<script src="${appOrigin}/widget.js" data-shop-key="${publicKey}" async></script>`;
}

export function WidgetSnippet({ publicKey, configuredOrigin }: { publicKey: string; configuredOrigin: string | null }) {
  const [origin, setOrigin] = useState(configuredOrigin ?? "");
  const t = useTranslations("onboarding.snippet");
  useEffect(() => {
    if (!configuredOrigin) setOrigin(window.location.origin);
  }, [configuredOrigin]);
  const snippet = widgetSnippet(origin, publicKey);
  return (
    <div className="space-y-2">
      <pre data-testid="widget-snippet" className="overflow-x-auto whitespace-pre-wrap break-all rounded-md bg-slate-900 p-3 font-mono text-xs text-slate-100">{snippet}</pre>
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <CopyButton text={snippet} label={t("copySnippet")} />
        <span className="text-slate-500">{t("publicKey")} <code data-testid="public-key" className="font-mono text-slate-700">{publicKey}</code></span>
      </div>
    </div>
  );
}
