// NF-3: database errors a client's value causes become BAD_INPUT; our own failures stay INTERNAL.
import { describe, expect, it } from "vitest";
import { badInputFromDatabaseError, postgresCodeOf } from "./pg-error-codes";

/** The shape Prisma 7's pg driver adapter throws (observed: P2039/P2010/P2020 wrapping SQLSTATE). */
const prismaError = (prismaCode: string, originalCode: string) =>
  Object.assign(new Error("Invalid `db.buyer.create()` invocation"), {
    code: prismaCode,
    meta: { modelName: "Buyer", driverAdapterError: { name: "DriverAdapterError", cause: { originalCode, kind: "postgres", code: originalCode } } },
  });

describe("NF-3 PostgreSQL data errors map to BAD_INPUT", () => {
  it.each([
    ["22021", "NUL in text"],
    ["22008", "year 0000"],
    ["22007", "an unreadable date-time"],
    ["22009", "year 10000"],
    ["22003", "seq above int4"],
  ])("NF-3 SQLSTATE %s (%s) is BAD_INPUT", (code) => {
    expect(postgresCodeOf(prismaError("P2039", code))).toBe(code);
    expect(badInputFromDatabaseError(prismaError("P2039", code))?.code).toBe("BAD_INPUT");
  });

  it("NF-3 a pg error with a cause chain is found too", () => {
    const error = new Error("outer", { cause: Object.assign(new Error("pg"), { code: "22021" }) });
    expect(badInputFromDatabaseError(error)?.httpStatus).toBe(400);
  });

  it("NF-3 unique violations, deadlocks and plain errors are not the client's input", () => {
    expect(badInputFromDatabaseError(prismaError("P2002", "23505"))).toBeNull();
    expect(badInputFromDatabaseError(prismaError("P2034", "40P01"))).toBeNull();
    expect(badInputFromDatabaseError(new Error("boom"))).toBeNull();
    expect(badInputFromDatabaseError(null)).toBeNull();
  });
});
