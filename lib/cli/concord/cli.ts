// The `concord` command line (package.json's bin). Subcommands share npm start's database choice.
import { z } from "zod";
import { disconnectDb } from "@/lib/db";
import { migrateDatabase } from "@/lib/server/db/migrate";
import { resolveDatabase } from "@/lib/server/db/resolve-database";
import { createAdmin } from "@/lib/server/users/create-admin";
import { ZEmail, ZName, ZPassword } from "@/lib/schemas/common";
import { parseCliArgs } from "../args";
import { EXPORT_USAGE, exportCommand } from "./export-command";
import { IMPORT_USAGE, importCommand } from "./import-command";

const USAGE = `Usage:
  concord create-admin --email E --password P [--name N]   create (or promote) an admin
  concord migrate                                          apply pending migrations
${EXPORT_USAGE}
${IMPORT_USAGE}
Database (create-admin, migrate): DATABASE_URL when set, else the embedded PostgreSQL in .data/ (as npm start).`;

async function withDatabase<T>(fn: () => Promise<T>): Promise<T> {
  const database = await resolveDatabase({ log: (line) => console.error(line) });
  process.env.DATABASE_URL = database.url;
  try {
    await migrateDatabase(database.url);
    return await fn();
  } finally {
    await disconnectDb();
    await database.stop();
  }
}

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  switch (command) {
    case "create-admin": {
      const args = parseCliArgs(
        rest,
        { email: { type: "string" }, password: { type: "string" }, name: { type: "string" } },
        z.object({ email: ZEmail, password: ZPassword, name: ZName.optional() }).strict(),
      );
      const user = await withDatabase(() =>
        createAdmin({
          email: args.email,
          password: args.password,
          name: args.name ?? args.email.split("@")[0],
        }),
      );
      console.log(`admin ready: ${user.email}`);
      return;
    }
    case "export": {
      // A client of the HTTP API: no database of its own.
      await exportCommand(rest);
      return;
    }
    case "import": {
      // A client of the HTTP API, like export.
      console.log(JSON.stringify(await importCommand(rest), null, 2));
      return;
    }
    case "migrate": {
      await withDatabase(async () => undefined);
      console.log("migrations applied");
      return;
    }
    default:
      console.log(USAGE);
      if (command && command !== "help" && command !== "--help") process.exitCode = 2;
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`concord: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
