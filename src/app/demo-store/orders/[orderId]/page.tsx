// A demo order page (WIDGET-1, WIDGET-2): an order belongs to an identified customer, so the
// page signs that customer's identity token on the server and tells the widget which order is
// shown. (A real shop shows an order only to its signed-in owner; the demo signs in as the
// owner so that any seeded order can be tried.)
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { callService } from "@/server/services/call-service";
import { findDemoOrder } from "@/server/services/demo-store/demo-catalogue";
import { formatPrice, identityTokenFor, loadDemoShop } from "../../demo-data";
import { StoreChrome, WidgetScript } from "../../store-chrome";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("demo.order");
  return { title: t("metaTitle") };
}

export default async function DemoOrderPage({ params }: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await params;
  const shop = await loadDemoShop();
  if (!shop) notFound();
  const order = await callService(findDemoOrder, { shopId: shop.id, externalId: decodeURIComponent(orderId) });
  if (!order || !order.buyer.externalId) notFound();
  const owner = order.buyer;
  const [t, locale] = await Promise.all([getTranslations("demo"), getLocale()]);
  return (
    <StoreChrome customer={owner}>
      <p className="text-sm"><a className="underline" href="/demo-store">{t("order.backToShop")}</a></p>
      <h1 className="mt-4 text-3xl font-bold">{t("order.heading", { id: order.externalId })}</h1>
      <p className="mt-1 text-stone-600">
        {t("order.placed", { date: order.placedAt.toLocaleDateString(locale === "en" ? "en-US" : locale, { dateStyle: "medium" }) })} · <span className="font-medium">{t(`orderStatus.${order.status}`)}</span>
        {order.carrier ? ` · ${order.carrier}${order.trackingNumber ? ` ${order.trackingNumber}` : ""}` : ""}
      </p>
      <table className="mt-6 w-full max-w-xl bg-white text-left text-sm">
        <thead>
          <tr className="border-b border-stone-200"><th className="p-2">{t("order.item")}</th><th className="p-2">{t("order.quantity")}</th><th className="p-2 text-right">{t("order.price")}</th></tr>
        </thead>
        <tbody>
          {order.items.map((item) => (
            <tr key={item.id} className="border-b border-stone-100"><td className="p-2">{item.name}</td><td className="p-2">{item.quantity}</td><td className="p-2 text-right">{formatPrice(item.priceCents * item.quantity, order.currency, locale)}</td></tr>
          ))}
        </tbody>
        <tfoot>
          <tr><td className="p-2 font-medium" colSpan={2}>{t("order.total")}</td><td className="p-2 text-right font-medium">{formatPrice(order.totalCents, order.currency, locale)}</td></tr>
        </tfoot>
      </table>
      <p className="mt-6 text-sm text-stone-600">{t("order.help")}</p>
      <WidgetScript shopKey={shop.publicKey} orderId={order.externalId} identityToken={identityTokenFor(shop, owner)} />
    </StoreChrome>
  );
}
