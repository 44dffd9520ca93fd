import "server-only";
import pg from "pg";
import { db } from "@/server/db";
import { env } from "@/server/env";

/**
 * Change notifications between processes through PostgreSQL LISTEN/NOTIFY: the worker says
 * "build X has new output", and every web process streaming X wakes at once — no polling loop
 * per viewer, and it works with any number of web and worker replicas. Each process keeps one
 * listening connection. A notification is only a hint: readers fetch the data itself from the
 * database, so a missed one costs latency, never data.
 */
export type Topic = "build" | "app";
const CHANNEL = "slipway_events";

type Listener = () => void;
const listeners = new Map<string, Set<Listener>>();
let client: Promise<pg.Client> | undefined;

function connect(): Promise<pg.Client> {
  client ??= (async () => {
    const connection = new pg.Client({ connectionString: env().DATABASE_URL });
    connection.on("notification", (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      for (const listener of listeners.get(message.payload) ?? []) listener();
    });
    const reset = () => {
      client = undefined;
      // Wake everyone so they re-read and re-subscribe on the next wait.
      for (const set of listeners.values()) for (const listener of set) listener();
    };
    connection.on("error", reset);
    connection.on("end", reset);
    await connection.connect();
    await connection.query(`LISTEN ${CHANNEL}`);
    return connection;
  })();
  return client;
}

export async function publish(topic: Topic, id: string): Promise<void> {
  await db.$executeRaw`SELECT pg_notify(${CHANNEL}, ${`${topic}:${id}`})`;
}

/**
 * Resolves at the next notification for (topic, id), or after `timeoutMs` — whichever is first.
 * Callers loop: read, then wait.
 */
export async function waitForEvent(topic: Topic, id: string, timeoutMs: number, signal?: AbortSignal): Promise<void> {
  const key = `${topic}:${id}`;
  try {
    await connect();
  } catch {
    // Without a listening connection, fall back to waiting out the timeout.
  }
  await new Promise<void>((resolve) => {
    const set = listeners.get(key) ?? new Set<Listener>();
    listeners.set(key, set);
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      set.delete(done);
      if (set.size === 0) listeners.delete(key);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    signal?.addEventListener("abort", done, { once: true });
    set.add(done);
  });
}
