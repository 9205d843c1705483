import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import {
  ACTION_NAMES,
  ACTIONS,
  DEFAULT_CHAT_ACCESS_ROLES,
  ROLES,
  type Action,
  type Actor,
  type Role,
  allowedActions,
  assertCan,
  can,
  isAction,
  isChatAccessAction,
  normalizeChatAccessRoles,
  renderPermissionsMarkdown,
  rolesAllowed,
} from "./index";

const actor = (role: Role, chatAccessRoles: readonly Role[] = DEFAULT_CHAT_ACCESS_ROLES): Actor => ({
  role,
  chatAccessRoles,
});

/** [owner, admin, agent] as the shop has it by default. */
function grants(action: Action, chatAccessRoles: readonly Role[] = DEFAULT_CHAT_ACCESS_ROLES): boolean[] {
  return ROLES.map((role) => can(actor(role, chatAccessRoles), action));
}

const EVERYONE = [true, true, true];
const MANAGERS = [true, true, false];
const OWNER_ONLY = [true, false, false];

describe("permission matrix", () => {
  it("TEAM-1 owner and admin have every permission an agent has", () => {
    for (const action of ACTION_NAMES) {
      const [owner, admin, agent] = grants(action);
      if (agent) expect({ action, admin }).toEqual({ action, admin: true });
      if (admin) expect({ action, owner }).toEqual({ action, owner: true });
    }
  });

  it("TEAM-1 agents view but cannot change shop settings", () => {
    expect(grants("settings:read")).toEqual(EVERYONE);
    expect(grants("settings:update")).toEqual(MANAGERS);
    expect(grants("agent_settings:update")).toEqual(MANAGERS);
    expect(() => assertCan(actor("agent"), "settings:update")).toThrowError(
      new AppError(
        "FORBIDDEN",
        "Your role (agent) may not change shop settings (due-soon threshold, greeting, auto-send threshold, review words).",
      ),
    );
  });

  it.each<[Action, string]>([
    ["conversation:read", "CHAT-1"],
    ["conversation:search", "CONSOLE-4"],
    ["conversation:mark_read", "CHAT-4"],
    ["message:send", "CHAT-2"],
    ["upload:create", "CHAT-2"],
    ["card:send", "CONSOLE-7"],
    ["voucher:send", "CONSOLE-7"],
    ["workbench:read", "CONSOLE-7"],
    ["session:star", "CHAT-5"],
    ["session:end", "CHAT-7"],
    ["session:transfer", "CHAT-6"],
    ["session:set_category", "CONSOLE-3"],
    ["presence:set_own_accept", "ASSIGN-6"],
    ["personal_settings:update", "SET-1"],
    ["saved_reply:manage_own", "AUTO-2"],
  ])("TEAM-1 agents chat and edit their own settings: %s (%s)", (action) => {
    expect(grants(action)).toEqual(EVERYONE);
  });

  it.each<[Action, boolean[]]>([
    ["session:assign_self", EVERYONE],
    ["session:assign_other", EVERYONE],
  ])("ASSIGN-5 members take or assign a queued session: %s", (action, expected) => {
    expect(grants(action)).toEqual(expected);
  });

  it.each<[Action, boolean[]]>([
    ["buyer:block", EVERYONE],
    ["buyer:list_blocked", EVERYONE],
  ])("SET-4 agents block buyers from the chat: %s", (action, expected) => {
    expect(grants(action)).toEqual(expected);
  });

  it.each<[Action, boolean[]]>([
    ["team:read", MANAGERS],
    ["team:update_member", MANAGERS],
    ["team:approve_nickname", OWNER_ONLY],
  ])("TEAM-4 owner and admin manage the team, the owner approves nicknames: %s", (action, expected) => {
    expect(grants(action)).toEqual(expected);
  });

  it("MAIL-1 owners and admins read the outbox; agents do not", () => {
    expect(grants("mail:read_outbox")).toEqual(MANAGERS);
  });

  it.each<Action>(["team:invite", "team:manage_invitations"])("TEAM-2 only the owner invites: %s", (action) => {
    expect(grants(action)).toEqual(OWNER_ONLY);
  });

  it.each<Action>(["team:deactivate", "team:delete", "team:change_role"])(
    "TEAM-3 only the owner deactivates, deletes and changes roles: %s",
    (action) => {
      expect(grants(action)).toEqual(OWNER_ONLY);
      expect(() => assertCan(actor("admin"), action)).toThrowError(AppError);
    },
  );

  it.each<[Action, boolean[]]>([
    ["analytics:read", MANAGERS],
    ["analytics:export", MANAGERS],
    ["api_token:manage", MANAGERS],
    ["saved_reply:manage_shop", MANAGERS],
    ["faq:manage", MANAGERS],
    ["automation:update", MANAGERS],
  ])("ANALYTICS, API-1, AUTO: managers only for %s", (action, expected) => {
    expect(grants(action)).toEqual(expected);
  });

  it("ANALYTICS-4 every role sees its own figures; only managers see the shop's and every agent's", () => {
    expect(grants("analytics:read_own")).toEqual([true, true, true]);
    expect(grants("analytics:read")).toEqual(MANAGERS);
  });

  describe("TEAM-5 chat access management", () => {
    const chatAccess: Action[] = ["session:view_all", "session:transfer_any"];

    it("is granted by the shop setting for exactly the two all-chats actions", () => {
      expect(ACTION_NAMES.filter(isChatAccessAction)).toEqual(chatAccess);
    });

    it.each(chatAccess)("by default owner and admin see and transfer every chat: %s", (action) => {
      expect(grants(action)).toEqual(MANAGERS);
    });

    it.each(chatAccess)("granting agents opens the All open list to them: %s", (action) => {
      expect(grants(action, ["owner", "admin", "agent"])).toEqual(EVERYONE);
    });

    it.each(chatAccess)("the owner always has it, even if the setting omits the owner: %s", (action) => {
      expect(grants(action, [])).toEqual(OWNER_ONLY);
      expect(grants(action, ["admin"])).toEqual(MANAGERS);
    });

    it.each(chatAccess)("granting agents grants admins too (TEAM-1): %s", (action) => {
      expect(grants(action, ["agent"])).toEqual(EVERYONE);
    });

    it("normalizes the stored setting to a top slice of ROLES", () => {
      expect(normalizeChatAccessRoles([])).toEqual(["owner"]);
      expect(normalizeChatAccessRoles(["admin"])).toEqual(["owner", "admin"]);
      expect(normalizeChatAccessRoles(["agent", "owner"])).toEqual(["owner", "admin", "agent"]);
    });

    it("does not change what the fixed table grants", () => {
      for (const action of ACTION_NAMES.filter((action) => !isChatAccessAction(action))) {
        expect(rolesAllowed(action, [])).toEqual(rolesAllowed(action, ROLES));
      }
    });
  });

  it("TEAM-1 property: for every action and chat access setting, owner ⊇ admin ⊇ agent", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ACTION_NAMES),
        fc.subarray([...ROLES]),
        (action, chatAccessRoles) => {
          const [owner, admin, agent] = grants(action, chatAccessRoles);
          expect(owner).toBe(true);
          if (agent) expect(admin).toBe(true);
          if (admin) expect(owner).toBe(true);
          expect(rolesAllowed(action, chatAccessRoles)).toEqual(
            ROLES.filter((role) => can(actor(role, chatAccessRoles), action)),
          );
        },
      ),
    );
  });

  it("NF-3 refuses with FORBIDDEN and names the role and the action", () => {
    let thrown: unknown;
    try {
      assertCan(actor("agent"), "team:read");
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect(thrown).toMatchObject({ code: "FORBIDDEN", message: "Your role (agent) may not view the team table." });
    expect(() => assertCan(actor("admin"), "team:read")).not.toThrow();
  });

  it("NF-3 refuses an action that is not in the matrix (payloads from outside)", () => {
    const unknown = "team:takeover" as Action;
    expect(isAction("team:takeover")).toBe(false);
    expect(isAction("toString")).toBe(false);
    expect(can(actor("owner"), unknown)).toBe(false);
    expect(() => assertCan(actor("owner"), unknown)).toThrowError(/Your role \(owner\) may not/);
  });

  it("allowedActions lists exactly what can allows, in table order", () => {
    for (const role of ROLES) {
      const who = actor(role);
      expect(allowedActions(who)).toEqual(ACTION_NAMES.filter((action) => can(who, action)));
    }
    expect(allowedActions(actor("owner"))).toEqual(ACTION_NAMES);
  });

  it("names every action noun:verb in snake_case, with a one-line description and spec ids", () => {
    for (const action of ACTION_NAMES) {
      const rule = ACTIONS[action];
      expect(action).toMatch(/^[a-z]+(_[a-z]+)*:[a-z]+(_[a-z]+)*$/);
      // Read after "Your role (agent) may not …", so lower case, no full stop, no pipe for the table.
      expect(rule.description).toMatch(/^[a-z][^\n|]*[^.]$/);
      expect(rule.spec).toMatch(/^[A-Z]+-\d+(, [A-Z]+-\d+)*$/);
    }
  });

  it("renders one table row per action with a cell per role", () => {
    const rows = renderPermissionsMarkdown().split("\n").slice(2);
    expect(rows).toHaveLength(ACTION_NAMES.length);
    expect(rows.find((row) => row.startsWith("| `team:delete` |"))).toMatch(/\| ✓ \| — \| — \|$/);
    expect(rows.find((row) => row.startsWith("| `session:view_all` |"))).toMatch(
      /\| ✓ \| shop setting \(default ✓\) \| shop setting \(default —\) \|$/,
    );
  });

  it("TEAM-1 docs/permissions.md shows exactly the generated matrix", () => {
    const doc = readFileSync(new URL("../../../docs/permissions.md", import.meta.url), "utf8").split("\n");
    const start = doc.indexOf("<!-- matrix:start -->");
    const end = doc.indexOf("<!-- matrix:end -->");
    expect(doc.lastIndexOf("<!-- matrix:start -->")).toBe(start);
    expect(doc.lastIndexOf("<!-- matrix:end -->")).toBe(end);
    expect(start).toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThan(start);
    expect(
      doc.slice(start + 1, end).join("\n"),
      "docs/permissions.md is stale: regenerate it with the command at the end of that page",
    ).toBe(renderPermissionsMarkdown());
  });
});
