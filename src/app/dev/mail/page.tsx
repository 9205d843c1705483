// Development only: the mails the app wrote to DATA_DIR/mail because no SMTP_URL is set
// (TEAM-2). A 404 in production, where it would show other people's activation links.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { listSavedMails } from "@/server/mail/mailer";
import { appDataDir } from "@/server/services/team/data-dir";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Development mailbox · Counterpart", referrer: "no-referrer" };

export default async function DevMailPage() {
  if (process.env.NODE_ENV === "production") notFound();
  const mails = await listSavedMails(appDataDir());
  return (
    <main className="mx-auto max-w-4xl p-8">
      <h1 className="text-2xl font-semibold tracking-tight">Development mailbox</h1>
      <p className="mt-1 text-sm text-slate-500">
        Without <code>SMTP_URL</code>, mails are written to <code>{appDataDir()}/mail</code> (an .eml and a .json each) and listed here, newest first.
        This page does not exist in production.
      </p>
      {mails.length === 0 ? (
        <p className="mt-8 text-sm text-slate-500">No mail yet. Invite someone from Settings → Team.</p>
      ) : (
        <ul className="mt-6 space-y-4" aria-label="Mails">
          {mails.map((mail) => (
            <li key={mail.id} className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
              <p className="text-xs text-slate-500"><time dateTime={mail.createdAt}>{new Date(mail.createdAt).toLocaleString()}</time> · to {mail.to}</p>
              <h2 className="mt-1 font-medium">{mail.subject}</h2>
              {mail.links.map((link) => (
                <p key={link} className="mt-2 break-all text-sm"><a href={link} className="text-brand-700 hover:underline">{link}</a></p>
              ))}
              <details className="mt-2 text-sm">
                <summary className="cursor-pointer text-slate-500">Text</summary>
                <pre className="mt-2 whitespace-pre-wrap text-slate-700">{mail.text}</pre>
              </details>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
