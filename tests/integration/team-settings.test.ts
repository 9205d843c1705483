// SET-1 personal settings (nickname with review, avatar by magic bytes, language), SET-2
// notifications, TEAM-5 agent settings (assignment mode, chat access management), SET-6 shop
// settings (read-only for agents).
import { applyServiceResult } from "../../src/server/services/apply-service-result";
import type { ServiceResult } from "../../src/server/services/service-result";
import fs from "node:fs/promises";
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { signInCookie } from "../factories/session-cookie";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../src/core/errors";
import { createRealtimeServer, type RealtimeServer } from "../../src/server/realtime/realtime-server";
import { registerRealtime } from "../../src/server/realtime/registry";
import { getAgentSettings, updateAgentSettings } from "../../src/server/services/team/agent-settings";
import { changeMemberRole } from "../../src/server/services/team/change-member-role";
import { getPersonalSettings } from "../../src/server/services/team/get-personal-settings";
import { detectImageType, readAvatarFile, removeMemberAvatar, saveMemberAvatar } from "../../src/server/services/team/member-avatar";
import { getShopSettings, updateShopSettings } from "../../src/server/services/team/shop-settings";
import { DEFAULT_OFFLINE_MESSAGE } from "../../src/core/widget/availability";
import { updateNotificationPrefs } from "../../src/server/services/team/update-notification-prefs";
import { updatePersonalSettings } from "../../src/server/services/team/update-personal-settings";
import { CONSOLE_NAMESPACE } from "../../src/shared/events";
import { useTestDatabase } from "../support/test-database";
import { actorFor, createTeam } from "./team-fixtures";

const SECRET = "team-settings-test-secret-at-least-32-chars";
const { db } = await useTestDatabase();
// The services return their live effects; apply them as the routes do (publish, then drain).
const applied = async <T,>(result: Promise<ServiceResult<T>>): Promise<T> => applyServiceResult(db, await result);
let dataDir: string;
let httpServer: HttpServer;
let realtime: RealtimeServer;
let baseUrl: string;
const sockets: Socket[] = [];

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);
const GIF = new TextEncoder().encode("GIF89a\u0001\u0000\u0001\u0000");
const WEBP = Uint8Array.from([...new TextEncoder().encode("RIFF"), 36, 0, 0, 0, ...new TextEncoder().encode("WEBPVP8 ")]);

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "cp-team-settings-"));
  httpServer = createServer();
  realtime = await createRealtimeServer(httpServer, { db, authSecret: SECRET });
  registerRealtime(realtime);
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
});
afterAll(async () => {
  sockets.forEach((socket) => socket.disconnect());
  registerRealtime(undefined);
  await realtime.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

async function openConsole(member: { userId: string; shopId: string }): Promise<Socket> {
  const { cookie } = await signInCookie(db, member, SECRET);
  const socket = connect(`${baseUrl}${CONSOLE_NAMESPACE}`, { extraHeaders: { cookie }, reconnection: false, transports: ["websocket"] });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once("console.ready", () => resolve());
    socket.once("connect_error", reject);
  });
  return socket;
}

async function expectAppError(promise: Promise<unknown>, code: AppError["code"]): Promise<AppError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

describe("SET-1 personal settings", () => {
  it("SET-1 every role reads and changes their own nickname and default language", async () => {
    const team = await createTeam(db);
    for (const actor of Object.values(team.actors)) {
      const before = await getPersonalSettings(db, { actor });
      expect(before).toMatchObject({ memberId: actor.memberId, email: actor.email, defaultLanguage: "en", notificationPrefs: { sound: true, desktop: true, badge: true } });
      const after = await applied(updatePersonalSettings(db, { actor, changes: { nickname: `  New ${actor.role}  `, defaultLanguage: "ja" } }));
      expect(after).toMatchObject({ nickname: `New ${actor.role}`, defaultLanguage: "ja", nicknameReview: "approved" });
    }
    const bad = await expectAppError(applied(updatePersonalSettings(db, { actor: team.actors.agent, changes: { nickname: "", defaultLanguage: "klingon" as "en" } })), "BAD_INPUT");
    expect(Object.keys(bad.fieldErrors ?? {})).toEqual(expect.arrayContaining(["nickname", "defaultLanguage"]));
  });

  it("SET-1 TEAM-4 an agent's nickname with a review word waits; the owner's own applies at once", async () => {
    const team = await createTeam(db, { reviewWords: ["Official"] });
    const agent = await applied(updatePersonalSettings(db, { actor: team.actors.agent, changes: { nickname: "Ava the OFFICIAL" } }));
    expect(agent).toMatchObject({ nickname: team.agent.nickname, pendingNickname: "Ava the OFFICIAL", nicknameReview: "under_review" });
    // Asking for the current nickname again withdraws the request.
    expect(await applied(updatePersonalSettings(db, { actor: team.actors.agent, changes: { nickname: team.agent.nickname } })))
      .toMatchObject({ nickname: team.agent.nickname, pendingNickname: null, nicknameReview: "approved" });
    expect(await applied(updatePersonalSettings(db, { actor: team.actors.owner, changes: { nickname: "Official Owner" } })))
      .toMatchObject({ nickname: "Official Owner", pendingNickname: null });
  });

  it("SET-1 an avatar is accepted by its magic bytes (png, jpeg, webp, gif) and served back", async () => {
    expect([PNG, JPEG, GIF, WEBP].map(detectImageType)).toEqual(["image/png", "image/jpeg", "image/gif", "image/webp"]);
    const team = await createTeam(db);
    const first = await applied(saveMemberAvatar(db, { actor: team.actors.agent, bytes: PNG, dataDir }));
    expect(first.avatarUrl).toMatch(/^\/api\/team\/avatars\/[a-f0-9-]+-[a-f0-9]{16}\.png$/);
    const firstName = first.avatarUrl!.split("/").pop()!;
    expect(await readAvatarFile(dataDir, firstName)).toMatchObject({ contentType: "image/png" });

    const second = await applied(saveMemberAvatar(db, { actor: team.actors.agent, bytes: JPEG, dataDir }));
    expect(second.avatarUrl).toMatch(/\.jpg$/);
    expect(await readAvatarFile(dataDir, firstName)).toBeNull(); // the replaced file is gone

    const removed = await applied(removeMemberAvatar(db, { actor: team.actors.agent, dataDir }));
    expect(removed.avatarUrl).toBeNull();
    expect(await fs.readdir(path.join(dataDir, "uploads", "avatars"))).toEqual([]);
  });

  it("SET-1 NF-3 refuses a non-image whatever its name, an image over 2 MB, and paths outside the avatar folder", async () => {
    const team = await createTeam(db);
    const html = new TextEncoder().encode("<svg onload=alert(1)></svg>");
    const notImage = await expectAppError(applied(saveMemberAvatar(db, { actor: team.actors.agent, bytes: html, dataDir })), "UNSUPPORTED_MEDIA_TYPE");
    expect(notImage.fieldErrors?.avatar).toBeDefined();
    const huge = new Uint8Array(2 * 1024 * 1024 + 1);
    huge.set(PNG);
    await expectAppError(applied(saveMemberAvatar(db, { actor: team.actors.agent, bytes: huge, dataDir })), "PAYLOAD_TOO_LARGE");
    await expectAppError(applied(saveMemberAvatar(db, { actor: team.actors.agent, bytes: new Uint8Array(), dataDir })), "BAD_INPUT");
    expect((await getPersonalSettings(db, { actor: team.actors.agent })).avatarUrl).toBeNull();
    expect(await readAvatarFile(dataDir, "../../../etc/passwd")).toBeNull();
    expect(await readAvatarFile(dataDir, "..%2F..%2Fsecret.png")).toBeNull();
  });
});

describe("SET-2 notifications", () => {
  const allOn = { sound: true, desktop: true, badge: true };
  const everyEventOn = { chat_assigned: allOn, buyer_message: allOn, transfer_to_me: allOn, due_soon: allOn };

  it("SET-2 stores sound, desktop and badge per member", async () => {
    const team = await createTeam(db);
    const result = await updateNotificationPrefs(db, { actor: team.actors.agent, prefs: { sound: false, desktop: true, badge: false } });
    expect(result.notificationPrefs).toEqual({ sound: false, desktop: true, badge: false, events: everyEventOn });
    expect((await getPersonalSettings(db, { actor: team.actors.admin })).notificationPrefs).toEqual({ ...allOn, events: everyEventOn });
    await expectAppError(updateNotificationPrefs(db, { actor: team.actors.agent, prefs: { sound: "yes" } as never }), "BAD_INPUT");
  });

  it("SET-2 stores the channels per event; an update changes only the events it names", async () => {
    const team = await createTeam(db);
    const actor = team.actors.agent;
    await updateNotificationPrefs(db, { actor, prefs: { ...allOn, events: { due_soon: { sound: false }, buyer_message: { desktop: false, badge: false } } } });
    const result = await updateNotificationPrefs(db, { actor, prefs: { ...allOn, desktop: false, events: { due_soon: { badge: false } } } });
    expect(result.notificationPrefs).toEqual({
      sound: true,
      desktop: false,
      badge: true,
      events: { ...everyEventOn, due_soon: { sound: false, desktop: true, badge: false }, buyer_message: { sound: true, desktop: false, badge: false } },
    });
    expect((await getPersonalSettings(db, { actor })).notificationPrefs).toEqual(result.notificationPrefs);
    await expectAppError(updateNotificationPrefs(db, { actor, prefs: { ...allOn, events: { birthday: { sound: true } } } as never }), "BAD_INPUT");
    await expectAppError(updateNotificationPrefs(db, { actor, prefs: { ...allOn, events: { due_soon: { volume: 3 } } } as never }), "BAD_INPUT");
  });

  it("SET-2 an older stored shape reads with every missing switch on", async () => {
    const team = await createTeam(db);
    await db.member.update({ where: { id: team.actors.agent.memberId }, data: { notificationPrefs: { sound: false } } });
    expect((await getPersonalSettings(db, { actor: team.actors.agent })).notificationPrefs).toEqual({ sound: false, desktop: true, badge: true, events: everyEventOn });
  });
});

describe("TEAM-5 agent settings", () => {
  it("TEAM-5 owners and admins set the assignment mode and chat access; agents only read", async () => {
    const team = await createTeam(db);
    expect(await getAgentSettings(db, { actor: team.actors.agent })).toEqual({ assignmentMode: "lowest_workload", chatAccessRoles: ["owner", "admin"] });
    await expectAppError(applied(updateAgentSettings(db, { actor: team.actors.agent, settings: { assignmentMode: "assign_equally", chatAccessRoles: ["owner"] } })), "FORBIDDEN");
    const byAdmin = await applied(updateAgentSettings(db, { actor: team.actors.admin, settings: { assignmentMode: "assign_equally", chatAccessRoles: [] } }));
    // The owner always keeps chat access.
    expect(byAdmin).toEqual({ assignmentMode: "assign_equally", chatAccessRoles: ["owner"] });
    expect((await db.shop.findUniqueOrThrow({ where: { id: team.shop.id } })).assignmentMode).toBe("assign_equally");
    await expectAppError(applied(updateAgentSettings(db, { actor: team.actors.owner, settings: { assignmentMode: "round_robin" as "assign_equally", chatAccessRoles: [] } })), "BAD_INPUT");
  });

  it("TEAM-5 granting agents grants admins too; consoles reconnect so the All open room follows at once", async () => {
    const team = await createTeam(db);
    const agentSocket = await openConsole(team.agent);
    const dropped = new Promise<string>((resolve) => agentSocket.once("disconnect", resolve));
    const result = await applied(updateAgentSettings(db, { actor: team.actors.owner, settings: { assignmentMode: "lowest_workload", chatAccessRoles: ["agent"] } }));
    expect(result.chatAccessRoles).toEqual(["owner", "admin", "agent"]);
    expect((await db.shop.findUniqueOrThrow({ where: { id: team.shop.id } })).chatAccessRoles).toEqual(["owner", "admin", "agent"]);
    expect(await dropped).toBe("io server disconnect");

    // Reconnected, the agent joins the all-chats room and receives what it gets.
    const again = await openConsole(team.agent);
    const received = new Promise<unknown>((resolve) => again.once("member.changed", resolve));
    realtime.console.to(`shop:${team.shop.id}:all`).emit("member.changed", { memberId: "x", change: "updated" });
    expect(await received).toEqual({ memberId: "x", change: "updated" });
    expect((await actorFor(db, team.agent)).chatAccessRoles).toEqual(["owner", "admin", "agent"]);
  });

  it("TEAM-5: a chat access change tells each member's consoles what they may now see (access.changed) before they reconnect, and console.ready says it again", async () => {
    const team = await createTeam(db);
    const agentSocket = await openConsole(team.agent);
    const adminSocket = await openConsole(team.admin);
    const heard = (socket: Socket) => new Promise<{ event: unknown; beforeDisconnect: boolean }>((resolve) => {
      let isDisconnected = false;
      socket.once("disconnect", () => (isDisconnected = true));
      socket.once("access.changed", (event: unknown) => resolve({ event, beforeDisconnect: !isDisconnected }));
    });
    const agentHeard = heard(agentSocket);
    const adminHeard = heard(adminSocket);
    await applied(updateAgentSettings(db, { actor: team.actors.owner, settings: { assignmentMode: "lowest_workload", chatAccessRoles: ["agent"] } }));
    expect(await agentHeard).toEqual({ event: { role: "agent", canSeeAllChats: true }, beforeDisconnect: true });
    expect(await adminHeard).toEqual({ event: { role: "admin", canSeeAllChats: true }, beforeDisconnect: true });
    const { cookie } = await signInCookie(db, team.agent, SECRET);
    const ready = await new Promise<{ canSeeAllChats: boolean }>((resolve) => {
      const again = connect(`${baseUrl}${CONSOLE_NAMESPACE}`, { extraHeaders: { cookie }, reconnection: false, transports: ["websocket"], forceNew: true });
      sockets.push(again);
      again.once("console.ready", resolve);
    });
    expect(ready.canSeeAllChats).toBe(true);

    // Removing it again: the agent hears it is gone.
    const removed = heard(await openConsole(team.agent));
    await applied(updateAgentSettings(db, { actor: team.actors.owner, settings: { assignmentMode: "lowest_workload", chatAccessRoles: ["owner", "admin"] } }));
    expect((await removed).event).toEqual({ role: "agent", canSeeAllChats: false });
  });

  it("TEAM-5 TEAM-3: a role change tells the member's consoles what they may now see", async () => {
    const team = await createTeam(db);
    const adminSocket = await openConsole(team.admin);
    const heard = new Promise<unknown>((resolve) => adminSocket.once("access.changed", resolve));
    await applied(changeMemberRole(db, { actor: team.actors.owner, memberId: team.admin.id, role: "agent" }));
    expect(await heard).toEqual({ role: "agent", canSeeAllChats: false });
  });

  it("TEAM-5 saving the same chat access again does not disconnect anyone", async () => {
    const team = await createTeam(db);
    const socket = await openConsole(team.agent);
    let disconnected = false;
    socket.on("disconnect", () => (disconnected = true));
    await applied(updateAgentSettings(db, { actor: team.actors.owner, settings: { assignmentMode: "assign_equally", chatAccessRoles: ["owner", "admin"] } }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(disconnected).toBe(false);
  });
});

describe("SET-6 shop settings", () => {
  const valid = { dueSoonThresholdMinutes: 120, greetingEnabled: true, greetingTemplate: "Hello {buyer}!", autoSendThreshold: 0.85, reviewWords: ["Official", "official", " Admin "] };

  it("SET-6 TEAM-1 everyone reads the shop settings; only owners and admins change them", async () => {
    const team = await createTeam(db);
    expect(await getShopSettings(db, { actor: team.actors.agent })).toMatchObject({ dueSoonThresholdMinutes: 240, greetingEnabled: true, autoSendThreshold: null });
    await expectAppError(updateShopSettings(db, { actor: team.actors.agent, settings: valid }), "FORBIDDEN");
    for (const actor of [team.actors.owner, team.actors.admin]) {
      expect(await updateShopSettings(db, { actor, settings: valid })).toEqual({ ...valid, reviewWords: ["official", "admin"], allowedOrigins: [], offlineMessage: DEFAULT_OFFLINE_MESSAGE });
    }
    expect(await getShopSettings(db, { actor: team.actors.agent })).toMatchObject({ dueSoonThresholdMinutes: 120, reviewWords: ["official", "admin"] });
  });

  it("SET-6 refuses out-of-range values with field errors and changes nothing", async () => {
    const team = await createTeam(db);
    const error = await expectAppError(updateShopSettings(db, {
      actor: team.actors.owner,
      settings: { ...valid, dueSoonThresholdMinutes: 1440, autoSendThreshold: 1.5, greetingTemplate: "", reviewWords: [""] },
    }), "BAD_INPUT");
    expect(Object.keys(error.fieldErrors ?? {})).toEqual(expect.arrayContaining(["dueSoonThresholdMinutes", "autoSendThreshold", "greetingTemplate", "reviewWords.0"]));
    expect(await getShopSettings(db, { actor: team.actors.owner })).toMatchObject({ dueSoonThresholdMinutes: 240, reviewWords: [] });
  });

  it("WIDGET-4 SET-6 the offline message has a default, is trimmed, and must be 1 to 300 characters", async () => {
    const team = await createTeam(db);
    expect((await getShopSettings(db, { actor: team.actors.agent })).offlineMessage).toBe(DEFAULT_OFFLINE_MESSAGE);
    await expectAppError(updateShopSettings(db, { actor: team.actors.agent, settings: { ...valid, offlineMessage: "Back at nine." } }), "FORBIDDEN");
    for (const offlineMessage of ["   ", "x".repeat(301)]) {
      const error = await expectAppError(updateShopSettings(db, { actor: team.actors.owner, settings: { ...valid, offlineMessage } }), "BAD_INPUT");
      expect(Object.keys(error.fieldErrors ?? {})).toContain("offlineMessage");
    }
    expect((await updateShopSettings(db, { actor: team.actors.admin, settings: { ...valid, offlineMessage: "  Back Monday 9:00.  " } })).offlineMessage).toBe("Back Monday 9:00.");
    // Absent: unchanged.
    expect((await updateShopSettings(db, { actor: team.actors.owner, settings: valid })).offlineMessage).toBe("Back Monday 9:00.");
  });

  it("SET-6 a greeting can be switched off and the auto-send threshold cleared", async () => {
    const team = await createTeam(db);
    const result = await updateShopSettings(db, { actor: team.actors.admin, settings: { ...valid, greetingEnabled: false, greetingTemplate: "", autoSendThreshold: null } });
    expect(result).toMatchObject({ greetingEnabled: false, greetingTemplate: "", autoSendThreshold: null });
  });
});
