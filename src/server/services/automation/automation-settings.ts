// AUTO-1, AUTO-6 and the /settings/automation overview: the greeting (on/off, template, repeat
// window) and the proactive order message templates. Owners and admins read and change them
// (automation:update); the greeting's send path reads them itself (greeting.ts).
import { assertCan } from "@/core/permissions";
import { PROACTIVE_STATUSES, withDefaultTemplates, type ProactiveStatus } from "@/core/automation/proactive";
import type { Database } from "@/server/db/client";
import type { MemberContext } from "@/server/services/resolve-member";
import { parseInput } from "@/server/services/team/parse-input";
import {
  ZGreetingSettingsSchema,
  ZProactiveTemplatesSchema,
  type AutomationOverviewDto,
  type AutomationToolDto,
  type GreetingSettingsDto,
  type ProactiveTemplateDto,
  type TGreetingSettingsInput,
  type TProactiveTemplatesInput,
} from "@/shared/automation";

type Db = Pick<Database, "shopSettings" | "proactiveTemplate">;

async function readGreeting(db: Db, shopId: string): Promise<GreetingSettingsDto & { autoSendThreshold: number | null; chatbotEnabled: boolean }> {
  // A shop created without a settings row gets the defaults on first read.
  const settings = await db.shopSettings.upsert({ where: { shopId }, update: {}, create: { shopId } });
  return { enabled: settings.greetingEnabled, template: settings.greetingTemplate, repeatAfterHours: settings.greetingRepeatAfterHours, autoSendThreshold: settings.autoSendThreshold, chatbotEnabled: settings.chatbotEnabled };
}

/** Every proactive status, stored or default (off). Bounded: at most one row per status. */
export async function readProactiveTemplates(db: Pick<Database, "proactiveTemplate">, shopId: string): Promise<ProactiveTemplateDto[]> {
  const rows = await db.proactiveTemplate.findMany({
    where: { shopId, status: { in: [...PROACTIVE_STATUSES] } },
    select: { status: true, enabled: true, template: true },
    take: PROACTIVE_STATUSES.length,
  });
  return withDefaultTemplates(rows.map((row) => ({ ...row, status: row.status as ProactiveStatus })));
}

export async function getGreetingSettings(db: Database, input: { actor: MemberContext }): Promise<GreetingSettingsDto> {
  assertCan(input.actor, "automation:update");
  const { autoSendThreshold: _ignored, chatbotEnabled: _alsoIgnored, ...greeting } = await readGreeting(db, input.actor.shopId);
  return greeting;
}

export async function updateGreetingSettings(db: Database, input: { actor: MemberContext; greeting: TGreetingSettingsInput }): Promise<GreetingSettingsDto> {
  assertCan(input.actor, "automation:update");
  const greeting = parseInput(ZGreetingSettingsSchema, input.greeting);
  const data = { greetingEnabled: greeting.enabled, greetingTemplate: greeting.template, greetingRepeatAfterHours: greeting.repeatAfterHours };
  const settings = await db.shopSettings.upsert({ where: { shopId: input.actor.shopId }, update: data, create: { shopId: input.actor.shopId, ...data } });
  return { enabled: settings.greetingEnabled, template: settings.greetingTemplate, repeatAfterHours: settings.greetingRepeatAfterHours };
}

export async function getProactiveTemplates(db: Database, input: { actor: MemberContext }): Promise<ProactiveTemplateDto[]> {
  assertCan(input.actor, "automation:update");
  return readProactiveTemplates(db, input.actor.shopId);
}

/** Saves the templates sent (one per status); statuses not sent keep what they had. */
export async function updateProactiveTemplates(db: Database, input: { actor: MemberContext; templates: TProactiveTemplatesInput }): Promise<ProactiveTemplateDto[]> {
  assertCan(input.actor, "automation:update");
  const { templates } = parseInput(ZProactiveTemplatesSchema, input.templates);
  const shopId = input.actor.shopId;
  await db.$transaction(
    templates.map((row) =>
      db.proactiveTemplate.upsert({
        where: { shopId_status: { shopId, status: row.status } },
        update: { enabled: row.enabled, template: row.template },
        create: { shopId, status: row.status, enabled: row.enabled, template: row.template },
      }),
    ),
  );
  return readProactiveTemplates(db, shopId);
}

export async function getAutomationOverview(db: Database, input: { actor: MemberContext }): Promise<AutomationOverviewDto> {
  assertCan(input.actor, "automation:update");
  const { autoSendThreshold, chatbotEnabled, ...greeting } = await readGreeting(db, input.actor.shopId);
  const proactive = await readProactiveTemplates(db, input.actor.shopId);
  return { greeting, proactive, autoSendThreshold, tools: automationTools({ greeting, proactive, autoSendThreshold, chatbotEnabled }) };
}

/** The six tools of the seed's "Automation Tools" page, in its order. */
function automationTools(input: { greeting: GreetingSettingsDto; proactive: ProactiveTemplateDto[]; autoSendThreshold: number | null; chatbotEnabled: boolean }): AutomationToolDto[] {
  const proactiveOn = input.proactive.filter((row) => row.enabled).length;
  return [
    { id: "greeting", name: "Greeting", description: "Welcomes a buyer who starts a chat, with their name and the shop's.", state: input.greeting.enabled ? "On" : "Off", href: "/settings/automation/greeting" },
    { id: "saved_replies", name: "Saved replies", description: "Shop-wide and personal replies agents insert with / in the composer.", state: "Manage", href: "/settings/saved-replies" },
    { id: "faq", name: "FAQ library", description: "Questions, their other phrasings and answers, by category.", state: "Manage", href: "/settings/faq" },
    {
      id: "recommendation",
      name: "Reply recommendation & auto-send",
      description: "The best FAQ answers beside the composer; sent automatically above the threshold.",
      state: input.autoSendThreshold === null ? "Auto-send off" : `Auto-send at ${input.autoSendThreshold}`,
      href: "/settings/faq",
    },
    { id: "chatbot", name: "Chatbot", description: "Answers general questions from the FAQ and hands over to a person.", state: input.chatbotEnabled ? "On" : "Off", href: "/settings/automation/chatbot" },
    {
      id: "proactive",
      name: "Proactive order messages",
      description: "Tells the buyer when an order ships, is out for delivery, is delayed or is delivered.",
      state: proactiveOn === 0 ? "Off" : `${proactiveOn} of ${input.proactive.length} on`,
      href: "/settings/automation/proactive",
    },
  ];
}
