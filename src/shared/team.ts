// Team, invitation and settings input schemas and the shapes the settings pages receive
// (TEAM-2..TEAM-5, SET-1, SET-2, SET-6). Shared by the browser forms and the server services,
// so a field error means the same on both sides.
import { ZGreetingTemplate } from "@/shared/automation";
import { normalizeOrigin } from "@/shared/origin";
import { z } from "zod";
import { findForbiddenNameCharacter, normalizeName } from "@/core/text/normalize-name";
import { safeLine, safeText } from "@/shared/zod-primitives";
import { MAX_OFFLINE_MESSAGE_LENGTH } from "@/core/widget/availability";
import { NOTIFICATION_EVENTS, type NotificationEvent, type NotificationPrefs } from "@/core/notifications/prefs";

export const MEMBER_ROLES = ["owner", "admin", "agent"] as const;
export type MemberRoleName = (typeof MEMBER_ROLES)[number];
/** Roles an owner can give: there is one owner per shop, its creator (TEAM-1). */
export const ASSIGNABLE_ROLES = ["admin", "agent"] as const;
export const ASSIGNMENT_MODES = ["lowest_workload", "assign_equally"] as const;
export type AssignmentModeName = (typeof ASSIGNMENT_MODES)[number];

/** TEAM-4: capacity below this still works, but the page warns that assignment may suffer. */
export const CAPACITY_WARNING_BELOW = 200;
export const MAX_CAPACITY = 999;
/** TEAM-2: activation links are valid this long. */
export const INVITATION_VALID_HOURS = 120;
/** SET-1: avatar uploads. */
export const AVATAR_MAX_BYTES = 2 * 1024 * 1024;
export const AVATAR_TYPES = ["image/png", "image/jpeg", "image/webp", "image/gif"] as const;

export const LANGUAGES = [
  { code: "en", label: "English" },
  { code: "zh", label: "中文 (Chinese)" },
  { code: "es", label: "Español (Spanish)" },
  { code: "fr", label: "Français (French)" },
  { code: "de", label: "Deutsch (German)" },
  { code: "pt", label: "Português (Portuguese)" },
  { code: "ja", label: "日本語 (Japanese)" },
  { code: "ko", label: "한국어 (Korean)" },
  { code: "id", label: "Bahasa Indonesia (Indonesian)" },
  { code: "ms", label: "Bahasa Melayu (Malay)" },
  { code: "th", label: "ไทย (Thai)" },
  { code: "vi", label: "Tiếng Việt (Vietnamese)" },
] as const;
export const LANGUAGE_CODES = LANGUAGES.map((language) => language.code) as [
  (typeof LANGUAGES)[number]["code"],
  ...(typeof LANGUAGES)[number]["code"][],
];
export type LanguageCode = (typeof LANGUAGE_CODES)[number];

export function languageLabel(code: string): string {
  return LANGUAGES.find((language) => language.code === code)?.label ?? code;
}

export const ROLE_LABELS: Record<MemberRoleName, string> = { owner: "Owner", admin: "Admin", agent: "Agent" };
export const ASSIGNMENT_MODE_LABELS: Record<AssignmentModeName, string> = {
  lowest_workload: "Lowest workload",
  assign_equally: "Assign equally",
};

// ─── Field schemas ───────────────────────────────────────────────────────────

export const ZEmail = z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address").max(254, "Use at most 254 characters"));

/**
 * What buyers see (TEAM-6): never an email address, so "@" is refused outright. The name is
 * normalised first (issue 15: NFKC, invisible characters and soft hyphens removed), so "＠"
 * counts as "@" and a zero-width space cannot split a review word; text-direction controls
 * are refused because they reorder what the buyer reads.
 */
export const ZNickname = safeText()
  .refine((value) => findForbiddenNameCharacter(value) !== "bidi_control", "A nickname cannot contain text-direction control characters")
  .refine((value) => findForbiddenNameCharacter(value) !== "control", "A nickname cannot contain control characters")
  .transform(normalizeName)
  .pipe(
    z
      .string()
      .min(1, "Enter a nickname")
      .max(40, "Use at most 40 characters")
      .refine((value) => !value.includes("@"), "A nickname cannot contain @: buyers must never see an email address"),
  );

export const ZLanguage = z.enum(LANGUAGE_CODES, "Choose a language from the list");
export const ZAssignableRole = z.enum(ASSIGNABLE_ROLES, "Choose Admin or Agent");
export const ZMaxCapacity = z
  .number("Enter a whole number")
  .int("Enter a whole number")
  .min(1, "Capacity is at least 1")
  .max(MAX_CAPACITY, `Capacity is at most ${MAX_CAPACITY}`);

// ─── Requests ────────────────────────────────────────────────────────────────

export const ZInviteMemberSchema = z
  .object({ email: ZEmail, role: ZAssignableRole, defaultLanguage: ZLanguage })
  .strict();
export type TInviteMember = z.infer<typeof ZInviteMemberSchema>;

export const ZUpdateTeamMemberSchema = z
  .object({ nickname: ZNickname.optional(), maxCapacity: ZMaxCapacity.optional(), acceptAutoAssign: z.boolean().optional() })
  .strict()
  .refine((value) => Object.values(value).some((field) => field !== undefined), "Change at least one field");
export type TUpdateTeamMember = z.infer<typeof ZUpdateTeamMemberSchema>;

export const ZChangeRoleSchema = z.object({ role: ZAssignableRole }).strict();
export const ZMemberStatusSchema = z.object({ status: z.enum(["active", "deactivated"]) }).strict();
export const ZNicknameDecisionSchema = z.object({ decision: z.enum(["approve", "reject"]) }).strict();

export const ZPersonalSettingsSchema = z
  .object({ nickname: ZNickname.optional(), defaultLanguage: ZLanguage.optional() })
  .strict()
  .refine((value) => value.nickname !== undefined || value.defaultLanguage !== undefined, "Change at least one field");
export type TPersonalSettings = z.infer<typeof ZPersonalSettingsSchema>;

const ZNotificationChannelsUpdate = z.object({ sound: z.boolean().optional(), desktop: z.boolean().optional(), badge: z.boolean().optional() }).strict();
/**
 * SET-2: the master switches (required, the shape older clients send) and, optionally, per-event
 * switches to change (src/core/notifications/prefs.ts). Events not named keep their switches.
 */
export const ZNotificationPrefsSchema = z.object({
  sound: z.boolean(),
  desktop: z.boolean(),
  badge: z.boolean(),
  events: z.object(Object.fromEntries(NOTIFICATION_EVENTS.map((event) => [event, ZNotificationChannelsUpdate.optional()])) as Record<NotificationEvent, z.ZodOptional<typeof ZNotificationChannelsUpdate>>).strict().optional(),
}).strict();
export type TNotificationPrefsUpdate = z.infer<typeof ZNotificationPrefsSchema>;
/** What is stored and returned: every switch, per event. */
export type TNotificationPrefs = NotificationPrefs;

export const ZAgentSettingsSchema = z
  .object({
    assignmentMode: z.enum(ASSIGNMENT_MODES, "Choose an assignment mode"),
    chatAccessRoles: z.array(z.enum(MEMBER_ROLES)).max(MEMBER_ROLES.length),
  })
  .strict();
export type TAgentSettings = z.infer<typeof ZAgentSettingsSchema>;

export const MAX_ALLOWED_ORIGINS = 20;

export const ZAllowedOrigins = z
  .array(
    z
      .string()
      .max(200, "Use at most 200 characters")
      .refine((value) => normalizeOrigin(value) !== null, "Enter an origin like https://shop.example (no path)")
      .transform((value) => normalizeOrigin(value)!),
  )
  .max(MAX_ALLOWED_ORIGINS, `Use at most ${MAX_ALLOWED_ORIGINS} origins`)
  .transform((origins) => [...new Set(origins)]);

export const ZShopSettingsSchema = z
  .object({
    /** CONSOLE-2: "due soon" when less than this many minutes of the 24 h are left. */
    dueSoonThresholdMinutes: z.number("Enter a whole number of minutes").int("Enter a whole number of minutes").min(1, "At least 1 minute").max(1439, "Less than 24 hours (1439 minutes at most)"),
    /** AUTO-1: edited on /settings/automation/greeting; absent = unchanged. Same rules there. */
    greetingEnabled: z.boolean().optional(),
    greetingTemplate: ZGreetingTemplate.optional(),
    /** AUTO-4: a recommendation scoring at least this (0 to 1) is sent automatically; null = off. */
    autoSendThreshold: z.number("Enter a number from 0 to 1").min(0, "At least 0").max(1, "At most 1").nullable(),
    reviewWords: z
      .array(safeLine().trim().min(1, "Words cannot be empty").max(40, "Use at most 40 characters per word"))
      .max(200, "Use at most 200 words")
      .transform((words) => [...new Set(words.map((word) => word.toLowerCase()))]),
    /** WIDGET-1, issue 15: storefronts that may embed the widget; empty = any. Absent = unchanged. */
    allowedOrigins: ZAllowedOrigins.optional(),
    /** WIDGET-4: what the widget says when no agent is online. Absent = unchanged. */
    offlineMessage: safeText()
      .trim()
      .min(1, "Write what buyers read when no one is online")
      .max(MAX_OFFLINE_MESSAGE_LENGTH, `Use at most ${MAX_OFFLINE_MESSAGE_LENGTH} characters`)
      .optional(),
  })
  .strict()
  .superRefine((value, context) => {
    if (value.greetingEnabled && value.greetingTemplate !== undefined && value.greetingTemplate.length === 0) {
      context.addIssue({ code: "custom", path: ["greetingTemplate"], message: "Write a greeting or switch it off" });
    }
  });
export type TShopSettingsInput = z.input<typeof ZShopSettingsSchema>;

/** Accepting an invitation: the nickname buyers will see, and a password when one is needed. */
export const ZAcceptInvitationSchema = z
  .object({
    nickname: ZNickname,
    password: z.string().max(200, "Use at most 200 characters").optional(),
    confirmPassword: z.string().max(200).optional(),
  })
  .strict()
  .refine((value) => value.confirmPassword === undefined || value.confirmPassword === value.password, {
    path: ["confirmPassword"],
    message: "The passwords do not match",
  });
export type TAcceptInvitation = z.infer<typeof ZAcceptInvitationSchema>;

// ─── Responses ───────────────────────────────────────────────────────────────

export interface TeamMemberDto {
  memberId: string;
  nickname: string;
  /** A requested nickname waiting for the owner (TEAM-4); buyers still see `nickname`. */
  pendingNickname: string | null;
  nicknameReview: "approved" | "under_review";
  avatarUrl: string | null;
  email: string;
  role: MemberRoleName;
  status: "active" | "deactivated";
  maxCapacity: number;
  openSessionCount: number;
  acceptAutoAssign: boolean;
  defaultLanguage: string;
  joinedAt: string;
}

export interface InvitationDto {
  id: string;
  email: string;
  role: MemberRoleName;
  defaultLanguage: string;
  invitedBy: string | null;
  createdAt: string;
  expiresAt: string;
  isExpired: boolean;
}

export type MailDeliveryDto =
  | { status: "sent"; message: string }
  /** No SMTP_URL: not sent; `outboxUrl` is where the shop's outbox lists it (null: no outbox does). */
  | { status: "saved"; message: string; outboxUrl: string | null }
  | { status: "failed"; message: string };

export interface InvitationResultDto {
  invitation: InvitationDto;
  delivery: MailDeliveryDto;
  /** The activation link, for the owner to copy (MAIL-1); only in the answer to the owner who issued it. */
  inviteUrl: string;
}

export interface PersonalSettingsDto {
  memberId: string;
  email: string;
  role: MemberRoleName;
  nickname: string;
  pendingNickname: string | null;
  nicknameReview: "approved" | "under_review";
  avatarUrl: string | null;
  defaultLanguage: string;
  notificationPrefs: TNotificationPrefs;
}

export interface AgentSettingsDto {
  assignmentMode: AssignmentModeName;
  chatAccessRoles: MemberRoleName[];
}

export interface ShopSettingsDto {
  dueSoonThresholdMinutes: number;
  greetingEnabled: boolean;
  greetingTemplate: string;
  autoSendThreshold: number | null;
  reviewWords: string[];
  /** Storefront origins allowed to embed the widget; empty = any (WIDGET-1). */
  allowedOrigins: string[];
  /** WIDGET-4: shown in the widget when no agent is online. */
  offlineMessage: string;
}

/** The accept page's view of a token: what it can show without accepting anything. */
export type InvitationViewDto =
  | { status: "invalid" | "revoked" | "used" | "expired"; message: string; shopName: string | null }
  | {
      status: "pending";
      shopName: string;
      email: string;
      role: MemberRoleName;
      expiresAt: string;
      /** "new_account": set a password; "existing_account": the email already has one. */
      account: "new_account" | "existing_account";
      suggestedNickname: string;
    };
