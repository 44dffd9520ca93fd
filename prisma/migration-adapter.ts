/**
 * The driver adapter Prisma's WebAssembly schema engine uses for migrations.
 *
 * Prisma's CLI would download a native schema engine at first use; that host is not always
 * reachable, so Slipway runs migrations through the JS engine over `pg`. Two gaps of
 * @prisma/adapter-pg 6.19 are closed here (see README, "Database"):
 *  1. the engine reads pg_catalog columns of types "char" (OID 18) and name (OID 19), which the
 *     adapter refuses to deserialize: we report them as text (OID 25);
 *  2. `migrate dev` needs a shadow database: the stock one lets the connection string override
 *     the database name and drops the database while its own pool is still connected.
 */
import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

const TEXT_OID = 25;
const CATALOG_OIDS = new Set([18, 19]);

type QueryResultLike = { fields?: { dataTypeID: number }[] };

function asText<T>(result: T): T {
  const fields = (result as QueryResultLike | undefined)?.fields;
  if (fields) for (const field of fields) if (CATALOG_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
  return result;
}

class CatalogFriendlyPool extends pg.Pool {
  // pg's overloads make a precise signature noisy; the adapter only uses the promise form.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const result = (super.query as any)(...args);
    return result && typeof result.then === "function" ? result.then(asText) : result;
  }
}

function withDatabase(connectionString: string, database: string): string {
  const url = new URL(connectionString);
  url.pathname = `/${database}`;
  return url.toString();
}

class MigrationAdapterFactory extends PrismaPg {
  constructor(private readonly connectionString: string) {
    super(new CatalogFriendlyPool({ connectionString }));
  }

  override async connectToShadowDb() {
    const database = `prisma_shadow_${randomUUID().replaceAll("-", "")}`;
    const admin = new pg.Client({ connectionString: this.connectionString });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${database}"`);
    await admin.end();

    const shadowPool = new CatalogFriendlyPool({ connectionString: withDatabase(this.connectionString, database) });
    const shadow = await new PrismaPg(shadowPool, { disposeExternalPool: false }).connect();
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await shadowPool.end();
      const cleanup = new pg.Client({ connectionString: this.connectionString });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await cleanup.end();
    };
    return shadow;
  }
}

export function createMigrationAdapter(connectionString: string) {
  return new MigrationAdapterFactory(connectionString);
}
