// Over 300 lines on purpose: the permission matrix is one table by design (TEAM-1: one place).
// The permission matrix: every action a member can take, and which roles may take it (TEAM-1).
// This file is the only place a role is compared with an action. HTTP routes and socket
// handlers declare the action they need and call `assertCan`; the browser uses
// `allowedActions` to hide what the member cannot do. See docs/permissions.md.
// Pure: no framework imports, no I/O.

import { AppError } from "../errors";

/** Highest first: each role has every permission of the roles after it (TEAM-1). */
export const ROLES = ["owner", "admin", "agent"] as const;
export type Role = (typeof ROLES)[number];

/** Prisma's default for `Shop.chatAccessRoles` (TEAM-5). */
export const DEFAULT_CHAT_ACCESS_ROLES: readonly Role[] = ["owner", "admin"];

/** Granted to the listed roles, whatever the shop's settings. */
export interface FixedRule {
  readonly roles: readonly Role[];
  /** A verb phrase that completes "Your role (agent) may not …". */
  readonly description: string;
  /** The requirement ids it comes from, for the docs table. */
  readonly spec: string;
}

/** Granted by the shop's chat access management setting (TEAM-5); the owner always has it. */
export interface ChatAccessRule {
  readonly grantedBy: "chatAccessRoles";
  readonly description: string;
  readonly spec: string;
}

export type ActionRule = FixedRule | ChatAccessRule;

const ALL = ["owner", "admin", "agent"] as const;
const MANAGERS = ["owner", "admin"] as const;
const OWNER = ["owner"] as const;

// Order matters only for the docs table: grouped by what a member is doing.
export const ACTIONS = {
  // Chatting (CHAT, CONSOLE): every role.
  "conversation:read": {
    roles: ALL,
    description: "read chats assigned to you, waiting in Unassigned or closed in your history",
    spec: "CHAT-1, CONSOLE-1, CONSOLE-6",
  },
  "conversation:search": {
    roles: ALL,
    description: "search chats by keyword, buyer nickname or order id",
    spec: "CONSOLE-4",
  },
  "conversation:mark_read": {
    roles: ALL,
    description: "mark a chat's messages as read",
    spec: "CHAT-4",
  },
  "message:send": {
    roles: ALL,
    description: "send text, emoji, image and video messages",
    spec: "CHAT-2, CHAT-3",
  },
  "message:translate": {
    roles: ALL,
    description: "translate a chat's messages and show their original text",
    spec: "SET-3",
  },
  "upload:create": {
    roles: ALL,
    description: "upload an image or video attachment",
    spec: "CHAT-2",
  },
  "card:send": {
    roles: ALL,
    description: "send a product or order card",
    spec: "CHAT-2, CONSOLE-7",
  },
  "voucher:send": {
    roles: ALL,
    description: "send a seller voucher to a buyer",
    spec: "CONSOLE-7",
  },
  "workbench:read": {
    roles: ALL,
    description: "view the buyer's orders, the shop's products and vouchers, and carrier contacts",
    spec: "CONSOLE-7, SET-5",
  },
  "recommendation:read": {
    roles: ALL,
    description: "see reply recommendations for a buyer message",
    spec: "AUTO-4",
  },
  "session:star": {
    roles: ALL,
    description: "star or unstar a session for follow-up",
    spec: "CHAT-5",
  },
  "session:set_category": {
    roles: ALL,
    description: "change a session's category",
    spec: "CONSOLE-3",
  },
  "session:end": {
    roles: ALL,
    description: "end a session and ask the buyer for a rating",
    spec: "CHAT-7",
  },
  "session:transfer": {
    roles: ALL,
    description: "transfer your own sessions to another member",
    spec: "CHAT-6",
  },
  "session:assign_self": {
    roles: ALL,
    description: "take a session waiting in Unassigned",
    spec: "ASSIGN-5",
  },
  "session:assign_other": {
    roles: ALL,
    description: "assign a session waiting in Unassigned to another active member",
    spec: "ASSIGN-5",
  },
  "session:view_all": {
    grantedBy: "chatAccessRoles",
    description: "see every open chat in the shop (the All open list)",
    spec: "CONSOLE-1, TEAM-5",
  },
  "session:transfer_any": {
    grantedBy: "chatAccessRoles",
    description: "transfer chats assigned to other members",
    spec: "TEAM-5",
  },
  "presence:set_own_accept": {
    roles: ALL,
    description: "switch your own auto-assignment on or off",
    spec: "ASSIGN-2, ASSIGN-6",
  },
  "buyer:list_blocked": {
    roles: ALL,
    description: "list the shop's blocked buyers",
    spec: "SET-4",
  },
  "buyer:block": {
    roles: ALL,
    description: "block or unblock a buyer",
    spec: "CHAT-9, SET-4",
  },

  // Replies and automation (AUTO).
  "saved_reply:read": {
    roles: ALL,
    description: "use the shop's saved replies and your own",
    spec: "AUTO-2",
  },
  "saved_reply:manage_own": {
    roles: ALL,
    description: "create, edit and delete your own saved replies",
    spec: "AUTO-2",
  },
  "saved_reply:manage_shop": {
    roles: MANAGERS,
    description: "create, edit and delete the shop's saved replies",
    spec: "AUTO-2",
  },
  "faq:read": {
    roles: ALL,
    description: "browse the FAQ library and see reply recommendations",
    spec: "AUTO-3, AUTO-4",
  },
  "faq:manage": {
    roles: MANAGERS,
    description: "create, edit and delete FAQ entries",
    spec: "AUTO-3",
  },
  "automation:update": {
    roles: MANAGERS,
    description: "configure the greeting, automatic FAQ answers (the auto-send threshold), the chatbot and proactive order-event messages",
    spec: "AUTO-1, AUTO-4, AUTO-5, AUTO-6, SET-6",
  },

  // Settings (SET, TEAM-5).
  "personal_settings:read": {
    roles: ALL,
    description: "view your own personal settings",
    spec: "SET-1, SET-2, SET-3",
  },
  "personal_settings:update": {
    roles: ALL,
    description: "edit your own nickname, avatar, language, notifications and translation",
    spec: "TEAM-1, SET-1, SET-2, SET-3",
  },
  "settings:read": {
    roles: ALL,
    description: "view shop settings and agent settings",
    spec: "TEAM-1, SET-6",
  },
  "settings:update": {
    roles: MANAGERS,
    description: "change shop settings (due-soon threshold, greeting, auto-send threshold, review words)",
    spec: "TEAM-1, SET-6",
  },
  "agent_settings:update": {
    roles: MANAGERS,
    description: "change the assignment mode and chat access management",
    spec: "ASSIGN-3, TEAM-5",
  },

  // Team management (TEAM-4): owner and admin.
  "team:read": {
    roles: MANAGERS,
    description: "view the team table",
    spec: "TEAM-4",
  },
  "team:update_member": {
    roles: MANAGERS,
    description: "change another member's nickname, avatar, max capacity or accept switch",
    spec: "TEAM-4",
  },
  "mail:read_outbox": {
    roles: MANAGERS,
    description: "read the shop's outbox (outgoing mail; invitation links only for those who manage invitations)",
    spec: "MAIL-1",
  },

  // User management (TEAM-2, TEAM-3): the owner only.
  "team:invite": {
    roles: OWNER,
    description: "invite a user with a role, email and default language",
    spec: "TEAM-2",
  },
  "team:manage_invitations": {
    roles: OWNER,
    description: "list, resend and revoke invitations",
    spec: "TEAM-2",
  },
  "team:change_role": {
    roles: OWNER,
    description: "change a member's role",
    spec: "TEAM-3",
  },
  "team:deactivate": {
    roles: OWNER,
    description: "deactivate or reactivate a member",
    spec: "TEAM-3",
  },
  "team:delete": {
    roles: OWNER,
    description: "delete a member",
    spec: "TEAM-3",
  },
  "team:approve_nickname": {
    roles: OWNER,
    description: "approve a nickname that is under review",
    spec: "TEAM-4",
  },

  // Analytics: every member sees their own figures; the shop's and every agent's are for
  // owners and admins. Integration: owner and admin.
  "analytics:read_own": {
    roles: ALL,
    description: "view your own service figures",
    spec: "ANALYTICS-1, ANALYTICS-2, ANALYTICS-3, ANALYTICS-4",
  },
  "analytics:read": {
    roles: MANAGERS,
    description: "view the shop's analytics and every agent's figures",
    spec: "ANALYTICS-1, ANALYTICS-2, ANALYTICS-3, ANALYTICS-4",
  },
  "analytics:export": {
    roles: MANAGERS,
    description: "export analytics as CSV",
    spec: "ANALYTICS-4",
  },
  "api_token:manage": {
    roles: MANAGERS,
    description: "create, list and revoke integration API tokens",
    spec: "API-1",
  },
  "widget:configure": {
    roles: MANAGERS,
    description: "view the widget embed code and rotate the buyer-identity secret",
    spec: "WIDGET-1",
  },
} as const satisfies Record<`${string}:${string}`, ActionRule>;

export type Action = keyof typeof ACTIONS;

/** Every action, in the table's order. */
export const ACTION_NAMES = Object.keys(ACTIONS) as Action[];

/** The one member acting, in one shop. Build it only for an active member (TEAM-3). */
export interface Actor {
  role: Role;
  /** The shop's `chatAccessRoles` setting (TEAM-5). */
  chatAccessRoles: readonly Role[];
}

/** Guards strings arriving from outside (socket payloads, plain JavaScript). */
export function isAction(value: string): value is Action {
  return Object.hasOwn(ACTIONS, value);
}

export function isChatAccessAction(action: Action): boolean {
  return "grantedBy" in ACTIONS[action];
}

/**
 * The effective chat access grant for a stored setting. The owner always has it, and
 * granting agents grants admins too, so that admins keep every permission an agent has
 * (TEAM-1) whatever the setting says. Agent settings should store this value.
 */
export function normalizeChatAccessRoles(chatAccessRoles: readonly Role[]): Role[] {
  const rank = Math.max(...chatAccessRoles.map((role) => ROLES.indexOf(role)), 0);
  return ROLES.slice(0, rank + 1);
}

/** The roles that may take `action` in a shop with this chat access setting, in ROLES order. */
export function rolesAllowed(action: Action, chatAccessRoles: readonly Role[]): Role[] {
  const rule: ActionRule = ACTIONS[action];
  if ("grantedBy" in rule) return normalizeChatAccessRoles(chatAccessRoles);
  return ROLES.filter((role) => rule.roles.includes(role));
}

export function can(actor: Actor, action: Action): boolean {
  if (!isAction(action)) return false;
  return rolesAllowed(action, actor.chatAccessRoles).includes(actor.role);
}

export function assertCan(actor: Actor, action: Action): void {
  if (can(actor, action)) return;
  const description = isAction(action) ? ACTIONS[action].description : `perform "${String(action)}"`;
  throw new AppError("FORBIDDEN", `Your role (${actor.role}) may not ${description}.`);
}

/** What the member may do, for the browser to hide buttons it would refuse anyway. */
export function allowedActions(actor: Actor): Action[] {
  return ACTION_NAMES.filter((action) => can(actor, action));
}

/** The table in docs/permissions.md, between `<!-- matrix:start -->` and `<!-- matrix:end -->`. */
export function renderPermissionsMarkdown(): string {
  const lines = [
    "| Action | What it allows | Spec | Owner | Admin | Agent |",
    "| --- | --- | --- | :-: | :-: | :-: |",
  ];
  for (const action of ACTION_NAMES) {
    const rule: ActionRule = ACTIONS[action];
    const cells = ROLES.map((role) => renderCell(rule, role));
    lines.push(`| \`${action}\` | ${capitalize(rule.description)} | ${rule.spec} | ${cells.join(" | ")} |`);
  }
  return lines.join("\n");
}

function renderCell(rule: ActionRule, role: Role): string {
  const mark = (isAllowed: boolean): string => (isAllowed ? "✓" : "—");
  if (!("grantedBy" in rule)) return mark(rule.roles.includes(role));
  if (role === "owner") return mark(true);
  return `shop setting (default ${mark(normalizeChatAccessRoles(DEFAULT_CHAT_ACCESS_ROLES).includes(role))})`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
