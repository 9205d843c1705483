// The secret that signs session JWTs. NEXTAUTH_SECRET wins; otherwise one is generated on first
// start and kept in DATA_DIR so sessions survive restarts of a demo or development install.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export function getAuthSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.resolve(process.env.DATA_DIR ?? ".data", "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  const secret = fs.readFileSync(file, "utf8").trim();
  // Publish it so next-auth's middleware and the socket server read the same value.
  process.env.NEXTAUTH_SECRET = secret;
  return secret;
}
