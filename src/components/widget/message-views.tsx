"use client";

// How the widget shows each message kind (CHAT-2): text with emoji, images, videos, product,
// order and voucher cards, system notes, and the buyer's not-yet-acknowledged bubbles with their
// upload progress. Everything renders as React text: nothing from a message becomes HTML.
import { useLocale, useTranslations } from "next-intl";
import type { MessageDto } from "@/shared/dto";
import { orderCardOf, productCardOf, safeUrl, voucherCardOf } from "./card-payloads";
import type { PendingMessage } from "@/client/delivery/types";

const timeFormats = new Map<string, Intl.DateTimeFormat>();

/** NF-5: a message's time in the widget's language, in the buyer's own time zone. */
export function formatTime(iso: string, locale?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  const key = locale ?? "";
  let format = timeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit" });
    timeFormats.set(key, format);
  }
  return format.format(date);
}

export function Avatar({ name, url, size = 28, className = "" }: { name: string; url: string | null; size?: number; className?: string }) {
  const safe = safeUrl(url);
  const style = { width: size, height: size };
  if (safe) {
    return <img src={safe} alt="" style={style} className={`shrink-0 rounded-full bg-slate-200 object-cover ${className}`} />;
  }
  return (
    <span aria-hidden="true" style={style} className={`flex shrink-0 items-center justify-center rounded-full bg-brand-600 text-xs font-semibold text-white ${className}`}>
      {name.slice(0, 1).toUpperCase()}
    </span>
  );
}

function MediaView({ message }: { message: MessageDto }) {
  const t = useTranslations("widget.cards");
  const url = safeUrl(message.payload?.url);
  const fileName = typeof message.payload?.fileName === "string" ? message.payload.fileName : message.kind;
  if (!url) return <span className="italic text-slate-500">[{message.kind}]</span>;
  if (message.kind === "video") {
    return (
      <video controls preload="metadata" src={url} className="max-h-64 w-full rounded-lg bg-black" aria-label={t("video", { name: fileName })}>
        <a href={url} target="_blank" rel="noopener noreferrer">{t("download", { name: fileName })}</a>
      </video>
    );
  }
  return (
    <a href={url} target="_blank" rel="noopener noreferrer" className="block" aria-label={t("openImage", { name: fileName })}>
      <img src={url} alt={fileName} loading="lazy" className="max-h-64 w-auto max-w-full rounded-lg bg-slate-100 object-contain" />
    </a>
  );
}

function ProductCard({ message }: { message: MessageDto }) {
  const t = useTranslations("widget.cards");
  const card = productCardOf(message);
  return (
    <div className="flex w-64 max-w-full gap-3 rounded-lg border border-slate-200 bg-white p-2 text-slate-900" data-testid="product-card">
      {card.imageUrl ? (
            <img src={card.imageUrl} alt="" className="h-14 w-14 shrink-0 rounded object-cover" />
      ) : (
        <span aria-hidden="true" className="flex h-14 w-14 shrink-0 items-center justify-center rounded bg-slate-100 text-2xl">🛍️</span>
      )}
      <div className="min-w-0">
        <p className="text-xs uppercase tracking-wide text-slate-500">{t("product")}</p>
        <p className="truncate text-sm font-medium" title={card.name}>{card.name}</p>
        {card.price && <p className="text-sm text-slate-700">{card.price}</p>}
        {card.url && (
          <a href={card.url} target="_blank" rel="noopener noreferrer" className="text-xs text-brand-700 underline">
            {t("viewProduct")}
          </a>
        )}
      </div>
    </div>
  );
}

function OrderCard({ message }: { message: MessageDto }) {
  const t = useTranslations("widget.cards");
  const card = orderCardOf(message);
  return (
    <div className="w-64 max-w-full rounded-lg border border-slate-200 bg-white p-3 text-slate-900" data-testid="order-card">
      <div className="flex items-baseline justify-between gap-2">
        <p className="text-sm font-medium">{t("order", { number: card.number })}</p>
        {card.status && <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700">{card.status}</span>}
      </div>
      {card.items.length > 0 && (
        <ul className="mt-1 text-xs text-slate-600">
          {card.items.slice(0, 4).map((item, index) => (
            <li key={index} className="truncate">{item.quantity} × {item.name}</li>
          ))}
          {card.items.length > 4 && <li>{t("moreItems", { count: card.items.length - 4 })}</li>}
        </ul>
      )}
      {card.total && <p className="mt-1 text-sm">{t("total", { total: card.total })}</p>}
    </div>
  );
}

export function VoucherCard({ message, canClaim, isClaimed, onClaim }: { message: MessageDto; canClaim: boolean; isClaimed: boolean; onClaim: () => void }) {
  const t = useTranslations("widget.cards");
  const locale = useLocale();
  const card = voucherCardOf(message);
  const endsAt = card.endsAt ? new Date(card.endsAt) : null;
  return (
    <div className="w-64 max-w-full rounded-lg border-2 border-dashed border-amber-400 bg-amber-50 p-3 text-slate-900" data-testid="voucher-card">
      <p className="text-xs uppercase tracking-wide text-amber-800">{t("voucher")}</p>
      <p className="text-sm font-semibold">{card.title}</p>
      {card.discount && <p className="text-sm">{card.discount}</p>}
      {card.minSpend && <p className="text-xs text-slate-600">{card.minSpend}</p>}
      {card.code && <p className="mt-1 font-mono text-sm">{t("code", { code: card.code })}</p>}
      {endsAt && !Number.isNaN(endsAt.getTime()) && <p className="text-xs text-slate-600">{t("validUntil", { date: endsAt.toLocaleDateString(locale) })}</p>}
      {canClaim && card.voucherId && (
        <button type="button" onClick={onClaim} disabled={isClaimed}
          className="mt-2 rounded-md bg-amber-500 px-3 py-1 text-sm font-medium text-white hover:bg-amber-600 disabled:bg-slate-300 disabled:text-slate-600">
          {isClaimed ? t("claimed") : t("claim")}
        </button>
      )}
    </div>
  );
}

export function MessageBody({ message, voucher }: { message: MessageDto; voucher?: { canClaim: boolean; isClaimed: boolean; onClaim: () => void } }) {
  switch (message.kind) {
    case "image":
    case "video":
      return (
        <div className="space-y-1">
          <MediaView message={message} />
          {message.body && <p className="whitespace-pre-wrap break-words">{message.body}</p>}
        </div>
      );
    case "product_card":
      return <ProductCard message={message} />;
    case "order_card":
      return <OrderCard message={message} />;
    case "voucher_card":
      return <VoucherCard message={message} canClaim={voucher?.canClaim ?? false} isClaimed={voucher?.isClaimed ?? false} onClaim={voucher?.onClaim ?? (() => undefined)} />;
    default:
      return <p className="whitespace-pre-wrap break-words">{message.body}</p>;
  }
}

/** `errorText`: the failure in the widget's language (useWidgetTexts().pendingError). */
export function PendingBubble({ item, errorText, onRetry, onDismiss }: { item: PendingMessage; errorText: string; onRetry: () => void; onDismiss: () => void }) {
  const t = useTranslations("widget.pending");
  const common = useTranslations("common");
  const { preview } = item;
  return (
    <li className="flex flex-col items-end" data-testid="pending-message" data-status={item.status}>
      <div className={`max-w-[85%] rounded-2xl rounded-br-sm px-3 py-2 text-sm ${item.status === "failed" ? "bg-red-50 text-red-900 ring-1 ring-red-200" : "bg-brand-600/80 text-white"}`}>
        {preview.kind === "text" && <p className="whitespace-pre-wrap break-words">{preview.body}</p>}
        {(preview.kind === "image" || preview.kind === "video") && (
          <div className="space-y-1">
            {preview.objectUrl ? (
                        <img src={preview.objectUrl} alt={preview.fileName} className="max-h-40 rounded-lg opacity-80" />
            ) : (
              <p>{preview.kind === "video" ? "🎬" : "🖼️"} {preview.fileName}</p>
            )}
            {item.status === "uploading" && (
              <div className="w-48">
                <div role="progressbar" aria-label={t("uploadingLabel", { name: preview.fileName })} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(item.progress * 100)}
                  className="h-1.5 overflow-hidden rounded-full bg-white/40">
                  <div className="h-full bg-white transition-[width]" style={{ width: `${Math.round(item.progress * 100)}%` }} />
                </div>
                <p className="mt-0.5 text-xs">{t("uploading", { percent: Math.round(item.progress * 100) / 100 })}</p>
              </div>
            )}
          </div>
        )}
        {(preview.kind === "product_card" || preview.kind === "order_card") && <p>{preview.label}</p>}
      </div>
      <div className="mt-0.5 flex items-center gap-2 text-xs text-slate-500">
        {item.status === "sending" && <span>{t("sending")}</span>}
        {item.status === "failed" && (
          <>
            <span role="alert" className="text-red-700" data-testid="pending-error">{errorText}</span>
            {item.canRetry && <button type="button" onClick={onRetry} className="font-medium text-brand-700 underline">{common("retry")}</button>}
            <button type="button" onClick={onDismiss} className="text-slate-600 underline">{common("dismiss")}</button>
          </>
        )}
      </div>
    </li>
  );
}
