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
export type Topic = "build" | "app" | "queue";
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
      if (subscriptions > 0) setTimeout(() => void keepListening(), RECONNECT_MS).unref();
    };
    connection.on("error", reset);
    connection.on("end", reset);
    await connection.connect();
    await connection.query(`LISTEN ${CHANNEL}`);
    return connection;
  })();
  return client;
}

const RECONNECT_MS = 1_000;
let subscriptions = 0;

/** Keeps the listening connection up while onEvent subscriptions exist. */
async function keepListening(): Promise<void> {
  if (subscriptions === 0) return;
  try {
    await connect();
  } catch {
    client = undefined;
    setTimeout(() => void keepListening(), RECONNECT_MS).unref();
  }
}

/**
 * Calls `listener` at every notification for (topic, id) until the returned function is called;
 * also after the listening connection was lost (something may have been missed). For processes
 * that react to events for their whole life, like the worker to new jobs.
 */
export function onEvent(topic: Topic, id: string, listener: Listener): () => void {
  const key = `${topic}:${id}`;
  const set = listeners.get(key) ?? new Set<Listener>();
  listeners.set(key, set);
  const entry = () => listener();
  set.add(entry);
  subscriptions += 1;
  void keepListening();
  return () => {
    if (!set.delete(entry)) return;
    subscriptions -= 1;
    if (set.size === 0) listeners.delete(key);
  };
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
