export {
  ACTION_NAMES,
  ACTIONS,
  DEFAULT_CHAT_ACCESS_ROLES,
  ROLES,
  allowedActions,
  assertCan,
  can,
  isAction,
  isChatAccessAction,
  normalizeChatAccessRoles,
  renderPermissionsMarkdown,
  rolesAllowed,
} from "./matrix";
export type { Action, ActionRule, Actor, ChatAccessRule, FixedRule, Role } from "./matrix";
