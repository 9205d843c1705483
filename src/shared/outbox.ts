// MAIL-1: the outbox as the settings page receives it.

export interface OutboxMailDto {
  id: string;
  kind: string;
  recipient: string;
  subject: string;
  text: string;
  links: string[];
  status: "sent" | "saved" | "failed";
  failureReason: string | null;
  /** When the links that carry a secret stop working; null when there are none. */
  linksExpireAt: string | null;
  createdAt: string;
}

export interface OutboxPageDto {
  mails: OutboxMailDto[];
  page: number;
  pageCount: number;
  total: number;
}

export const MAIL_KIND_LABELS: Record<string, string> = {
  invitation: "Invitation",
  password_reset: "Password reset",
  email_verification: "Email verification",
  other: "Email",
};

export const MAIL_STATUS_LABELS: Record<OutboxMailDto["status"], string> = {
  sent: "Sent",
  saved: "Not sent: no mail server",
  failed: "Failed",
};
