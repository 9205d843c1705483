// Applies pending migrations with the ordinary Prisma CLI (`prisma migrate deploy`), which
// prisma.config.ts points at the WASM schema engine shipped in scripts/prisma.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);

export async function applyMigrations(databaseUrl: string, cwd = process.cwd()): Promise<string> {
  const prismaCli = path.join(cwd, "node_modules", "prisma", "build", "index.js");
  try {
    const { stdout } = await execFileAsync(process.execPath, [prismaCli, "migrate", "deploy"], {
      cwd,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      maxBuffer: 10 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    const details = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`Applying migrations failed:\n${details.stdout ?? ""}${details.stderr ?? details.message}`);
  }
}
