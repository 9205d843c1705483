// MAIL-1: the outbox's mails with their status, links to copy and text, and the pages.
import { useLocale, useTranslations } from "next-intl";
import { DEFAULT_LOCALE } from "@/core/i18n/locale";
import type { OutboxPageDto } from "@/shared/outbox";
import { CopyLink } from "./copy-link";

const STATUS_TONES = {
  sent: "bg-emerald-50 text-emerald-800",
  saved: "bg-amber-50 text-amber-800",
  failed: "bg-red-50 text-red-700",
} as const;

const MAIL_KINDS = new Set(["invitation", "password_reset", "email_verification"]);

export function OutboxList({ outbox }: { outbox: OutboxPageDto }) {
  const t = useTranslations("settings.outbox");
  const locale = useLocale();
  // Times are rendered on the server, so in UTC: English keeps the RFC 7231 form it always had.
  const utc = new Intl.DateTimeFormat(locale, { dateStyle: "full", timeStyle: "long", timeZone: "UTC" });
  const utcTime = (iso: string) => (locale === DEFAULT_LOCALE ? new Date(iso).toUTCString() : utc.format(new Date(iso)));
  if (outbox.total === 0) {
    return <p className="rounded-xl border border-slate-200 bg-white p-6 text-sm text-slate-500">{t("empty")}</p>;
  }
  return (
    <div className="space-y-4">
      <ul className="space-y-4" aria-label={t("listLabel")}>
        {outbox.mails.map((mail) => (
          <li key={mail.id} className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm" data-testid={`outbox-mail-${mail.recipient}`}>
            <div className="flex flex-wrap items-center gap-2 text-xs text-slate-500">
              <span className={`rounded px-1.5 py-0.5 font-medium ${STATUS_TONES[mail.status]}`}>{t(`status.${mail.status}`)}</span>
              <span>{t(`kind.${MAIL_KINDS.has(mail.kind) ? mail.kind : "other"}`)}</span>
              <span>{t("to", { recipient: mail.recipient })}</span>
              <span>· <time dateTime={mail.createdAt}>{utcTime(mail.createdAt)}</time></span>
            </div>
            <h2 className="mt-1 font-medium text-slate-900">{mail.subject}</h2>
            {mail.failureReason && <p className="mt-1 text-sm text-red-700">{t("serverSaid", { reason: mail.failureReason })}</p>}
            {mail.links.map((link) => <CopyLink key={link} url={link} label={mail.kind === "invitation" ? t("invitationLink") : t("link")} />)}
            {mail.linksExpireAt && (
              <p className="mt-1 text-xs text-slate-500">
                {t.rich("linkExpires", { date: utcTime(mail.linksExpireAt), time: (chunks) => <time dateTime={mail.linksExpireAt!}>{chunks}</time> })}
              </p>
            )}
            <details className="mt-2 text-sm">
              <summary className="cursor-pointer text-slate-500">{t("text")}</summary>
              <pre className="mt-2 whitespace-pre-wrap font-sans text-slate-700">{mail.text}</pre>
            </details>
          </li>
        ))}
      </ul>
      {outbox.pageCount > 1 && (
        <nav aria-label={t("pages")} className="flex items-center justify-between text-sm">
          {outbox.page > 1 ? <a className="text-brand-700 hover:underline" href={`/settings/outbox?page=${outbox.page - 1}`}>{t("newer")}</a> : <span />}
          <span className="text-slate-500">{t("pageOf", { page: outbox.page, pageCount: outbox.pageCount, total: outbox.total })}</span>
          {outbox.page < outbox.pageCount ? <a className="text-brand-700 hover:underline" href={`/settings/outbox?page=${outbox.page + 1}`}>{t("older")}</a> : <span />}
        </nav>
      )}
    </div>
  );
}
