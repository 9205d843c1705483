import { describe, expect, it } from "vitest";
import { transferNote } from "./transfer-note";

const ava = { memberId: "ava", nickname: "Ava" };
const ben = { memberId: "ben", nickname: "Ben" };
const olivia = { memberId: "olivia", nickname: "Olivia" };

describe("CHAT-6 TEAM-5 transfer notes", () => {
  it("the holder's own transfer names the holder and the target", () => {
    expect(transferNote({ holder: "Ava", holderId: "ava", actor: ava, target: ben })).toBe("Ava transferred the chat to Ben");
  });
  it("a chat manager taking a chat says so", () => {
    expect(transferNote({ holder: "Ava", holderId: "ava", actor: olivia, target: olivia })).toBe("Olivia took over the chat from Ava");
  });
  it("a chat manager moving someone else's chat names all three", () => {
    expect(transferNote({ holder: "Ava", holderId: "ava", actor: olivia, target: ben })).toBe("Olivia transferred the chat from Ava to Ben");
  });
  it("a holder that is gone reads as an agent", () => {
    expect(transferNote({ holder: null, holderId: null, actor: olivia, target: ben })).toBe("Olivia transferred the chat from An agent to Ben");
  });
});
