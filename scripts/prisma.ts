/** `npm run db:*`: the Prisma CLI, run offline (see scripts/lib/prisma-cli.ts). */
import { runPrisma } from "./lib/prisma-cli";

runPrisma(process.argv.slice(2)).catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
