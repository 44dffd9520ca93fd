import PgBoss from "pg-boss";
import { env } from "@/server/env";
import { publish } from "@/server/events/pg-events";

/**
 * The job queue lives in Postgres (pg-boss, schema "pgboss"): any number of web processes
 * enqueue, any number of workers take jobs, and nothing is kept only in one process's memory.
 */
let boss: Promise<PgBoss> | undefined;
const createdQueues = new Set<string>();

export function queue(): Promise<PgBoss> {
  boss ??= (async () => {
    const instance = new PgBoss({ connectionString: env().DATABASE_URL, schema: "pgboss" });
    instance.on("error", (error) => console.error("[queue]", error));
    await instance.start();
    return instance;
  })();
  return boss;
}

export async function stopQueue(): Promise<void> {
  if (!boss) return;
  const instance = await boss;
  boss = undefined;
  createdQueues.clear();
  await instance.stop({ graceful: true, timeout: 20_000 });
}

/**
 * Puts a job on queue `name` and tells the workers at once (registerJobHandlers listens for it),
 * so a job someone is watching for starts without waiting for the next poll.
 */
export async function sendJob(name: string, data: object, options: PgBoss.SendOptions): Promise<void> {
  const boss = await queue();
  // Creating a queue is a round trip (and a lock) in pg-boss: once per queue and process.
  if (!createdQueues.has(name)) {
    await boss.createQueue(name);
    createdQueues.add(name);
  }
  await boss.send(name, data, options);
  await publish("queue", name);
}
