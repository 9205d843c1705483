// The demo storefront's frame: a plain shop header and the widget's script tag, as a shop would
// paste it. Links are plain <a> so every page is a real page load, like on a classic shop site.
// Its words follow the browser's language (NF-5, messages/<locale>/demo.json).
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

export function StoreChrome({ customer, children }: { customer: { nickname: string } | null; children: ReactNode }) {
  const t = useTranslations("demo.store");
  return (
    <div className="min-h-full bg-[#f7f4ef] font-serif text-stone-900">
      <header className="border-b border-stone-300 bg-white">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-4 px-4 py-4">
          <a href="/demo-store" className="text-2xl font-bold tracking-tight text-emerald-900">{t("brand")}</a>
          <span className="text-sm text-stone-600">{t("tagline")}</span>
          <nav aria-label={t("accountNav")} className="ml-auto text-sm">
            {customer ? (
              <span>
                {t.rich("signedInAs", {
                  name: customer.nickname,
                  strong: (chunks) => <strong>{chunks}</strong>,
                  signOut: (chunks) => <a className="underline" href="/demo-store/account?as=guest">{chunks}</a>,
                })}
              </span>
            ) : (
              <span>{t("guest")}</span>
            )}
          </nav>
        </div>
      </header>
      <main className="mx-auto max-w-5xl px-4 py-8">{children}</main>
      <footer className="mx-auto max-w-5xl px-4 pb-24 text-xs text-stone-600">
        {t("footer")}
      </footer>
    </div>
  );
}

/** The embed snippet, exactly as docs/widget.md shows it. */
export function WidgetScript({ shopKey, productId, orderId, identityToken }: { shopKey: string; productId?: string; orderId?: string; identityToken?: string | null }) {
  return (
    <script
      src="/widget.js"
      data-shop-key={shopKey}
      data-product-id={productId}
      data-order-id={orderId}
      data-identity-token={identityToken ?? undefined}
      async
    />
  );
}
