// The demo storefront's home page (WIDGET-1): a catalogue, demo customers to sign in as, and
// the chat widget embedded with its script tag.
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { callService } from "@/server/services/call-service";
import { currentCustomer, formatPrice, identityTokenFor, loadCustomers, loadDemoShop, loadProducts, productEmoji } from "./demo-data";
import { StoreChrome, WidgetScript } from "./store-chrome";
import { listDemoOrders } from "@/server/services/demo-store/demo-catalogue";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("demo.home");
  return { title: t("metaTitle") };
}

export default async function DemoStorePage() {
  const shop = await loadDemoShop();
  const [t, locale] = await Promise.all([getTranslations("demo"), getLocale()]);
  if (!shop) return <p className="p-8">{t("home.notSeeded")}</p>;
  const [products, customers, customer] = await Promise.all([loadProducts(shop.id), loadCustomers(shop.id), currentCustomer(shop.id)]);
  const orders = customer ? await callService(listDemoOrders, { shopId: shop.id, buyerId: customer.id }) : [];
  return (
    <StoreChrome customer={customer}>
      <h1 className="text-3xl font-bold">{t("home.heading")}</h1>
      <p className="mt-2 text-stone-600">{t("home.intro")}</p>

      <section aria-labelledby="products" className="mt-8">
        <h2 id="products" className="text-xl font-semibold">{t("home.products")}</h2>
        <ul className="mt-4 grid grid-cols-2 gap-4 sm:grid-cols-4">
          {products.map((product) => (
            <li key={product.id} className="rounded-lg border border-stone-200 bg-white p-4">
              <a href={`/demo-store/products/${product.externalId.toLowerCase()}`} className="block">
                <span aria-hidden="true" className="block text-center text-5xl">{productEmoji(product.externalId)}</span>
                <span className="mt-2 block font-medium">{product.name}</span>
                <span className="block text-sm text-stone-600">{formatPrice(product.priceCents, product.currency, locale)}{product.status === "sold_out" ? t("home.soldOutSuffix") : ""}</span>
              </a>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="account" className="mt-10 rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="account" className="text-xl font-semibold">{t("home.yourAccount")}</h2>
        {customer ? (
          <>
            <p className="mt-1 text-sm text-stone-600">{t("home.knownAs", { name: customer.nickname })}</p>
            {orders.length > 0 ? (
              <ul className="mt-3 space-y-1 text-sm">
                {orders.map((order) => (
                  <li key={order.id}>
                    <a className="underline" href={`/demo-store/orders/${order.externalId}`}>{t("home.order", { id: order.externalId })}</a> · {t(`orderStatus.${order.status}`)} · {formatPrice(order.totalCents, order.currency, locale)}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-3 text-sm">{t("home.noOrders")}</p>
            )}
          </>
        ) : (
          <>
            <p className="mt-1 text-sm text-stone-600">{t("home.anonymous")}</p>
            <ul className="mt-3 flex flex-wrap gap-2 text-sm">
              {customers.map((entry) => (
                <li key={entry.externalId}>
                  <a className="inline-block rounded-full border border-emerald-800 px-3 py-1 text-emerald-900 hover:bg-emerald-50" href={`/demo-store/account?as=${entry.externalId}`}>
                    {entry.nickname} ({entry.externalId})
                  </a>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <WidgetScript shopKey={shop.publicKey} identityToken={customer ? identityTokenFor(shop, customer) : null} />
    </StoreChrome>
  );
}
