// DATA_DIR as the running server resolved it (server.ts writes it back to process.env).
import { getConfig } from "@/server/config";

export function appDataDir(): string {
  return process.env.DATA_DIR ?? getConfig().DATA_DIR;
}
