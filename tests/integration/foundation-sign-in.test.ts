import { beforeEach, describe, expect, it } from "vitest";
import { signIn, SignInError } from "../../src/server/services/sign-in";
import { hashPassword } from "../../src/server/auth/password";
import { createMember, createShop, TEST_PASSWORD } from "../factories";
import { useTestDatabase } from "../support/test-database";

const { db, reset } = await useTestDatabase();
beforeEach(reset);

async function expectSignInError(input: unknown, code: string) {
  await expect(signIn(db, input)).rejects.toSatisfy((error) => error instanceof SignInError && error.code === code);
}

describe("sign-in (issue 2, TEAM-3, NF-3)", () => {
  it("signs a member in with email and password and starts in their shop", async () => {
    const shop = await createShop(db);
    const member = await createMember(db, { shopId: shop.id, email: "ava@example.test" });
    const user = await signIn(db, { email: "ava@example.test", password: TEST_PASSWORD });
    expect(user).toMatchObject({ userId: member.userId, shopId: shop.id, email: "ava@example.test" });
  });

  it("treats the email case-insensitively", async () => {
    const shop = await createShop(db);
    await createMember(db, { shopId: shop.id, email: "ben@example.test" });
    await expect(signIn(db, { email: "  BEN@Example.TEST ", password: TEST_PASSWORD })).resolves.toMatchObject({ shopId: shop.id });
  });

  it("NF-3 stores argon2id hashes, never the password", async () => {
    const shop = await createShop(db);
    const member = await createMember(db, { shopId: shop.id });
    const user = await db.user.findUniqueOrThrow({ where: { id: member.userId } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.passwordHash).not.toContain(TEST_PASSWORD);
  });

  it("gives the same answer for a wrong password and an unknown email", async () => {
    const shop = await createShop(db);
    await createMember(db, { shopId: shop.id, email: "chloe@example.test" });
    await expectSignInError({ email: "chloe@example.test", password: "wrong" }, "invalid_credentials");
    await expectSignInError({ email: "nobody@example.test", password: TEST_PASSWORD }, "invalid_credentials");
    await expectSignInError({ email: "not-an-email", password: "" }, "invalid_credentials");
  });

  it("TEAM-3 refuses a deactivated member, and says so only after the right password", async () => {
    const shop = await createShop(db);
    await createMember(db, { shopId: shop.id, email: "dan@example.test", status: "deactivated" });
    await expectSignInError({ email: "dan@example.test", password: TEST_PASSWORD }, "deactivated");
    await expectSignInError({ email: "dan@example.test", password: "wrong" }, "invalid_credentials");
  });

  it("TEAM-3 refuses a deleted user like an unknown one", async () => {
    const shop = await createShop(db);
    const member = await createMember(db, { shopId: shop.id, email: "eve@example.test" });
    await db.user.update({ where: { id: member.userId }, data: { deletedAt: new Date() } });
    await expectSignInError({ email: "eve@example.test", password: TEST_PASSWORD }, "invalid_credentials");
  });

  it("refuses an invited user who has not set a password yet", async () => {
    const shop = await createShop(db);
    const user = await db.user.create({ data: { email: "new@example.test", name: "New" } });
    await db.member.create({ data: { shopId: shop.id, userId: user.id, role: "agent", nickname: "New" } });
    await expectSignInError({ email: "new@example.test", password: "" }, "invalid_credentials");
    await expectSignInError({ email: "new@example.test", password: "anything" }, "invalid_credentials");
  });

  it("a member of several shops signs into an active one, skipping a deactivated membership", async () => {
    const first = await createShop(db);
    const second = await createShop(db);
    const member = await createMember(db, { shopId: first.id, email: "multi@example.test", status: "deactivated" });
    await createMember(db, { shopId: second.id, userId: member.userId });
    await expect(signIn(db, { email: "multi@example.test", password: TEST_PASSWORD })).resolves.toMatchObject({ shopId: second.id });
  });

  it("verifies against a real hash made by hashPassword", async () => {
    const shop = await createShop(db);
    const user = await db.user.create({ data: { email: "hash@example.test", name: "Hash", passwordHash: await hashPassword("s3cret-pass") } });
    await db.member.create({ data: { shopId: shop.id, userId: user.id, role: "owner", status: "active", nickname: "Hash" } });
    await expect(signIn(db, { email: "hash@example.test", password: "s3cret-pass" })).resolves.toMatchObject({ userId: user.id });
  });
});
