// A demo product page (WIDGET-2): the widget is told which product the buyer is looking at.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { callService } from "@/server/services/call-service";
import { findDemoProduct } from "@/server/services/demo-store/demo-catalogue";
import { currentCustomer, formatPrice, identityTokenFor, loadDemoShop, productEmoji } from "../../demo-data";
import { StoreChrome, WidgetScript } from "../../store-chrome";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("demo.product");
  return { title: t("metaTitle") };
}

export default async function DemoProductPage({ params }: { params: Promise<{ sku: string }> }) {
  const { sku } = await params;
  const shop = await loadDemoShop();
  if (!shop) notFound();
  const product = await callService(findDemoProduct, { shopId: shop.id, sku });
  if (!product) notFound();
  const customer = await currentCustomer(shop.id);
  const [t, locale] = await Promise.all([getTranslations("demo.product"), getLocale()]);
  return (
    <StoreChrome customer={customer}>
      <p className="text-sm"><a className="underline" href="/demo-store">{t("backToProducts")}</a></p>
      <article className="mt-4 grid gap-8 sm:grid-cols-2">
        <div aria-hidden="true" className="flex aspect-square items-center justify-center rounded-lg bg-white text-9xl">{productEmoji(product.externalId)}</div>
        <div>
          <h1 className="text-3xl font-bold">{product.name}</h1>
          <p className="mt-2 text-xl">{formatPrice(product.priceCents, product.currency, locale)}</p>
          <p className="mt-1 text-sm text-stone-600">{product.status === "sold_out" || product.stock <= 0 ? t("soldOut") : t("inStock", { count: product.stock })}</p>
          <p className="mt-4 text-stone-700">{product.description || t("defaultDescription")}</p>
          <p className="mt-6 text-sm text-stone-600">{t("code", { code: product.externalId })}</p>
        </div>
      </article>
      <WidgetScript shopKey={shop.publicKey} productId={product.externalId} identityToken={customer ? identityTokenFor(shop, customer) : null} />
    </StoreChrome>
  );
}
