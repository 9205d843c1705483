// AUTO-2: the variables a saved reply's body may hold, and filling them in for one chat.
// A variable is a name in braces: `{buyer}`, `{agent}`, `{order_id}`, `{shop}`. Any other
// `{name}` is refused when the reply is saved (a typo such as `{buyr}` would otherwise reach a
// buyer). A variable without a value in this chat (no order in the chat's context) is left as
// it is, braces and all, so the agent sees what to fill in before sending; the picker says so.
// Pure: no framework imports.

export const SAVED_REPLY_VARIABLES = {
  buyer: "the buyer's nickname",
  agent: "your nickname (the agent sending)",
  order_id: "the id of the order the chat is about",
  shop: "the shop's name",
} as const;

export type SavedReplyVariable = keyof typeof SAVED_REPLY_VARIABLES;
export type VariableValues = Partial<Record<SavedReplyVariable, string | null>>;

/** `{name}` where name looks like an identifier; other braces (`{ }`, `{1}`, JSON) are plain text. */
const VARIABLE = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

export function isSavedReplyVariable(name: string): name is SavedReplyVariable {
  return Object.hasOwn(SAVED_REPLY_VARIABLES, name);
}

/** The variable names a body uses, in order of first use. */
export function variablesIn(body: string): string[] {
  return [...new Set([...body.matchAll(VARIABLE)].map((match) => match[1]!))];
}

/** Names in the body that are not variables, for the save-time error; empty when all are known. */
export function unknownVariables(body: string): string[] {
  return variablesIn(body).filter((name) => !isSavedReplyVariable(name));
}

export function unknownVariablesMessage(names: string[]): string {
  const known = Object.keys(SAVED_REPLY_VARIABLES).map((name) => `{${name}}`).join(", ");
  return `Unknown variable${names.length > 1 ? "s" : ""} ${names.map((name) => `{${name}}`).join(", ")}. Use ${known}.`;
}

export interface FilledBody {
  text: string;
  /** Variables used by the body that had no value here and were left in place. */
  missing: SavedReplyVariable[];
}

/**
 * Replaces each known variable with its value. A value is inserted as written: it never becomes a
 * variable itself (a buyer named "{agent}" stays "{agent}"), because the body is scanned once.
 */
export function fillVariables(body: string, values: VariableValues): FilledBody {
  const missing = new Set<SavedReplyVariable>();
  const text = body.replace(VARIABLE, (whole, name: string) => {
    if (!isSavedReplyVariable(name)) return whole;
    const value = values[name];
    if (value === undefined || value === null || value === "") {
      missing.add(name);
      return whole;
    }
    return value;
  });
  return { text, missing: [...missing] };
}
