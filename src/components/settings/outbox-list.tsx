// MAIL-1: the outbox's mails with their status, links to copy and text, and the pages.
import { MAIL_KIND_LABELS, MAIL_STATUS_LABELS, type OutboxPageDto } from "@/shared/outbox";
import { CopyLink } from "./copy-link";

const STATUS_TONES = {
  sent: "bg-emerald-50 text-emerald-800",
  saved: "bg-amber-50 text-amber-800",
  failed: "bg-red-50 text-red-700",
} as const;

export function OutboxList({ outbox }: { outbox: OutboxPageDto }) {
  if (outbox.total === 0) {
    return <p className="rounded-xl border border-slate-200 bg-white p-6 text-sm text-slate-500">No email yet. Invitations you send from Settings → Team appear here.</p>;
  }
  return (
    <div className="space-y-4">
      <ul className="space-y-4" aria-label="Outgoing mail">
        {outbox.mails.map((mail) => (
          <li key={mail.id} className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm" data-testid={`outbox-mail-${mail.recipient}`}>
            <div className="flex flex-wrap items-center gap-2 text-xs text-slate-500">
              <span className={`rounded px-1.5 py-0.5 font-medium ${STATUS_TONES[mail.status]}`}>{MAIL_STATUS_LABELS[mail.status]}</span>
              <span>{MAIL_KIND_LABELS[mail.kind] ?? MAIL_KIND_LABELS.other}</span>
              <span>· to {mail.recipient}</span>
              <span>· <time dateTime={mail.createdAt}>{new Date(mail.createdAt).toUTCString()}</time></span>
            </div>
            <h2 className="mt-1 font-medium text-slate-900">{mail.subject}</h2>
            {mail.failureReason && <p className="mt-1 text-sm text-red-700">The mail server said: {mail.failureReason}</p>}
            {mail.links.map((link) => <CopyLink key={link} url={link} label={mail.kind === "invitation" ? "Invitation link" : "Link"} />)}
            {mail.linksExpireAt && (
              <p className="mt-1 text-xs text-slate-500">
                The link works until <time dateTime={mail.linksExpireAt}>{new Date(mail.linksExpireAt).toUTCString()}</time>. Accepting, resending or revoking the invitation removes it from here.
              </p>
            )}
            <details className="mt-2 text-sm">
              <summary className="cursor-pointer text-slate-500">Text of the email</summary>
              <pre className="mt-2 whitespace-pre-wrap font-sans text-slate-700">{mail.text}</pre>
            </details>
          </li>
        ))}
      </ul>
      {outbox.pageCount > 1 && (
        <nav aria-label="Outbox pages" className="flex items-center justify-between text-sm">
          {outbox.page > 1 ? <a className="text-brand-700 hover:underline" href={`/settings/outbox?page=${outbox.page - 1}`}>Newer</a> : <span />}
          <span className="text-slate-500">Page {outbox.page} of {outbox.pageCount} · {outbox.total} emails</span>
          {outbox.page < outbox.pageCount ? <a className="text-brand-700 hover:underline" href={`/settings/outbox?page=${outbox.page + 1}`}>Older</a> : <span />}
        </nav>
      )}
    </div>
  );
}
