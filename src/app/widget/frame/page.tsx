// The buyer widget's page, loaded by public/widget.js in an iframe so that the storefront's CSS
// and the widget never clash (WIDGET-1). The shop key, the page context and the language choice
// (`lang`, NF-5: read by the i18n request config through server.ts) come in the query; an
// identity token comes in the fragment (#identity=…) so it never reaches server logs.
import type { Metadata, Viewport } from "next";
import { getTranslations } from "next-intl/server";
import { WidgetApp } from "@/components/widget/widget-app";

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("widget.frame");
  return { title: t("title"), robots: { index: false } };
}

const param = (value: string | string[] | undefined): string | null => {
  const text = Array.isArray(value) ? value[0] : value;
  return text && text.length <= 128 ? text : null;
};

export default async function WidgetFramePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams;
  const shopKey = param(query.key);
  if (!shopKey) {
    const t = await getTranslations("widget.frame");
    return <p role="alert" className="p-4 text-sm text-red-800">{t("missingKey")}</p>;
  }
  return <WidgetApp shopKey={shopKey} productId={param(query.productId)} orderId={param(query.orderId)} />;
}
