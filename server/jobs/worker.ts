/**
 * The worker process: takes jobs from the Postgres queue (builds, rollouts, clean-ups).
 * Started by `npm start` next to the web process; run more of them to build more at once.
 */
import { queue, stopQueue } from "@/server/jobs/queue";
import { registerJobHandlers } from "@/server/jobs/register-job-handlers";

async function main() {
  const boss = await queue();
  const stopHandlers = await registerJobHandlers(boss);
  console.log("Slipway worker is ready.");

  const stop = async () => {
    stopHandlers();
    await stopQueue();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
