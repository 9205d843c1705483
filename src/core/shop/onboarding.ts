// Issue 10 item 1: the pure rules of a shop's first day (SHOP-1…SHOP-5). No framework, no
// database: the services hand in plain facts and a `now`.

/** SHOP-1: the languages the product speaks. A shop's default language is one of these. */
export const PRODUCT_LANGUAGES = [
  { code: "en", label: "English" },
  { code: "es", label: "Español" },
] as const;
export type ProductLanguage = (typeof PRODUCT_LANGUAGES)[number]["code"];

export function isProductLanguage(code: string): code is ProductLanguage {
  return PRODUCT_LANGUAGES.some((language) => language.code === code);
}

/** SHOP-1: a currency Intl knows by its ISO 4217 code ("USD"); Intl ships with Node and browsers. */
export function isKnownCurrency(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  const supported = supportedValues("currency");
  if (supported) return supported.includes(code);
  try {
    new Intl.NumberFormat("en", { style: "currency", currency: code });
    return true;
  } catch {
    return false;
  }
}

/** SHOP-1: an IANA zone name Intl accepts ("Europe/Berlin", "UTC"); offsets like "+02:00" are not zones. */
export function isIanaTimeZone(zone: string): boolean {
  if (zone.length === 0 || zone.length > 64 || !/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** What the sign-up form offers; both lists come from Intl. */
export function timeZoneChoices(): string[] {
  const zones = supportedValues("timeZone") ?? [];
  return zones.includes("UTC") ? zones : ["UTC", ...zones];
}

export function currencyChoices(): string[] {
  return supportedValues("currency") ?? ["USD", "EUR", "GBP"];
}

function supportedValues(key: "currency" | "timeZone"): string[] | null {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  return typeof intl.supportedValuesOf === "function" ? intl.supportedValuesOf(key) : null;
}

// ─── Identity secret rotation (SHOP-4) ───────────────────────────────────────

/** After a rotation the previous secret keeps verifying identity tokens this long. */
export const IDENTITY_SECRET_GRACE_HOURS = 24;

export interface IdentitySecrets {
  identitySecret: string;
  previousIdentitySecret: string | null;
  previousIdentitySecretValidUntil: Date | null;
}

/** The secrets an identity token may be signed with now: the current one first, then the previous one during its grace. */
export function acceptedIdentitySecrets(shop: IdentitySecrets, now: Date): string[] {
  const { previousIdentitySecret: previous, previousIdentitySecretValidUntil: until } = shop;
  const isInGrace = previous !== null && until !== null && now.getTime() < until.getTime() && previous !== shop.identitySecret;
  return isInGrace ? [shop.identitySecret, previous] : [shop.identitySecret];
}

/** The shop's secrets after a rotation at `now` to `newSecret`. */
export function rotateIdentitySecrets(shop: IdentitySecrets, newSecret: string, now: Date): IdentitySecrets {
  return {
    identitySecret: newSecret,
    previousIdentitySecret: shop.identitySecret,
    previousIdentitySecretValidUntil: new Date(now.getTime() + IDENTITY_SECRET_GRACE_HOURS * 3_600_000),
  };
}

// ─── Email verification (SHOP-3) ─────────────────────────────────────────────

/** A verification link works this long after it is sent. */
export const EMAIL_VERIFICATION_TTL_HOURS = 48;
/** "Resend" is refused while the last link is younger than this (one click is enough). */
export const VERIFICATION_RESEND_INTERVAL_SECONDS = 60;

export type VerificationProblem = "invalid" | "used" | "expired" | "superseded";

export interface VerificationFacts {
  usedAt: Date | null;
  expiresAt: Date;
  /** The address the link was sent to, and the account's address now. */
  email: string;
  currentEmail: string;
}

/** Why a verification link cannot be used, or null when it can. */
export function verificationProblem(link: VerificationFacts | null, now: Date): VerificationProblem | null {
  if (!link) return "invalid";
  if (link.usedAt) return "used";
  if (link.expiresAt.getTime() <= now.getTime()) return "expired";
  if (link.email !== link.currentEmail) return "superseded";
  return null;
}

export const VERIFICATION_MESSAGES: Record<VerificationProblem, string> = {
  invalid: "This verification link is not valid. Send a new one from the console's banner.",
  used: "This verification link was already used.",
  expired: "This verification link has expired. Send a new one from the console's banner.",
  superseded: "This link was sent to an address the account no longer uses.",
};

/** SHOP-3: until the address is proven, an owner may run the shop but not send mail to others in its name. */
export function mayInviteMembers(facts: { emailVerifiedAt: Date | null }): boolean {
  return facts.emailVerifiedAt !== null;
}

// ─── Getting started (SHOP-5) ────────────────────────────────────────────────

export interface ShopSetupFacts {
  /** Members other than the owner, active or invited. */
  otherMembers: number;
  /** Any member whose capacity or auto-assign switch differs from the defaults. */
  capacityReviewed: boolean;
  /** Any buyer conversation in the shop. */
  hasConversation: boolean;
  allowedOrigins: number;
  emailVerified: boolean;
}

export type SetupStepId = "verify_email" | "allow_origin" | "test_message" | "invite_agents" | "set_capacity" | "automation";

export interface SetupStep {
  id: SetupStepId;
  title: string;
  /** null for a step that is not built yet ("coming"). */
  href: string | null;
  state: "done" | "todo" | "coming";
}

/** The checklist in the order a seller does it; each step's state comes from the shop's data. */
export function gettingStartedSteps(facts: ShopSetupFacts): SetupStep[] {
  const step = (id: SetupStepId, title: string, href: string | null, isDone: boolean): SetupStep => ({ id, title, href, state: isDone ? "done" : "todo" });
  return [
    step("verify_email", "Verify your email address", null, facts.emailVerified),
    step("allow_origin", "Add your storefront's address to the allowed websites", "/settings/shop#allowedOrigins", facts.allowedOrigins > 0),
    step("test_message", "Send a test message and answer it in the console", "/console", facts.hasConversation),
    step("invite_agents", "Invite your agents", "/settings/team", facts.otherMembers > 0),
    step("set_capacity", "Set each agent's capacity and automatic assignment", "/settings/agent", facts.capacityReviewed),
    { id: "automation", title: "Turn on automation (saved replies, FAQ, auto-replies)", href: null, state: "coming" },
  ];
}
