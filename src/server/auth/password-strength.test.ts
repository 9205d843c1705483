import { describe, expect, it } from "vitest";
import { newPasswordProblems } from "./password-strength";

describe("newPasswordProblems (TEAM-1, issue 15 item 4)", () => {
  it.each([["password123"], ["qwertyuiop12"], ["Password1234"], ["iloveyou2024"], ["1234567890"], ["counterpart1"], ["abcdefghijk"]])("TEAM-1 %j is too easy to guess", (password) => {
    expect(newPasswordProblems(password, { email: "ava@example.test" })).toEqual([expect.stringMatching(/too easy to guess/)]);
  });

  it.each([["lantern orbit pickle 84"], ["correct horse battery staple"], ["Tr0ub4dor&3x!q"], ["k7#pQ2!zmV"]])("TEAM-1 %j is accepted", (password) => {
    expect(newPasswordProblems(password, { email: "ava@example.test" })).toEqual([]);
  });

  it("TEAM-1 the person's own nickname counts as a guess", () => {
    expect(newPasswordProblems("Quixzel1999", { email: "z@example.test" })).toEqual([]);
    expect(newPasswordProblems("Quixzel1999", { email: "z@example.test", otherInputs: ["Quixzel"] })).toEqual([expect.stringMatching(/too easy/)]);
  });
});
