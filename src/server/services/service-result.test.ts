// Issue 9: the shape every changing service returns, built the same way everywhere.
import { describe, expect, it } from "vitest";
import { refreshConnections, revokeConnections, serviceResult } from "@/server/services/service-result";

describe("issue 9: serviceResult", () => {
  it.each([
    { drain: undefined, expected: [] },
    { drain: [null, undefined, ""], expected: [] },
    { drain: ["shop-a", null, "shop-b", "shop-a"], expected: ["shop-a", "shop-b"] },
  ])("issue 9: drains each named shop once, in order, skipping none-values ($drain)", ({ drain, expected }) => {
    expect(serviceResult("x", [], drain).drain).toEqual(expected);
  });

  it("issue 9: keeps the events in the order the service gave them", () => {
    const events = [revokeConnections("m1", "bye", "removed"), refreshConnections("m2")];
    expect(serviceResult(null, events)).toEqual({ data: null, events, drain: [] });
    expect(events[0]).toEqual({ target: "connections", memberId: "m1", action: "revoke", message: "bye", reason: "removed" });
  });
});
