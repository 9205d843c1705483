import type { Metadata } from "next";
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages } from "next-intl/server";
import { isWidgetFrameRequest, WIDGET_NAMESPACES } from "@/i18n/request";
import { pickNamespaces } from "@/i18n/messages";
import { Providers } from "./providers";
import "./globals.css";

export const metadata: Metadata = {
  title: "Counterpart",
  description: "Customer-service chat for online shops",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // NF-5: the locale of the request (src/i18n/request.ts): the member's language on the
  // console, the storefront's or browser's on the widget. Client components read the messages
  // through the provider; the widget frame gets only its own namespaces.
  const [locale, messages, isWidget] = await Promise.all([getLocale(), getMessages(), isWidgetFrameRequest()]);
  return (
    <html lang={locale}>
      <body className="h-full bg-slate-50 text-slate-900 antialiased">
        <NextIntlClientProvider locale={locale} messages={isWidget ? pickNamespaces(messages, WIDGET_NAMESPACES) : messages}>
          <Providers>{children}</Providers>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
