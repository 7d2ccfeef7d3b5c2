/**
 * Operator command: create an account with a role (for example the first admin on a server without a browser, or
 * test accounts). Uses the same service as the admin page, so the password is hashed by better-auth.
 *
 *   npm run account:create -- --name "Ada" --email ada@example.org --password '…' --role admin
 */
import { parseArgs } from "node:util";
import { AppError } from "@/lib/domain/errors";
import { createFirstAdmin, createMemberAsOperator, isSetupOpen } from "@/lib/server/accounts";
import { getDb } from "@/lib/data/db";

async function main() {
  const { values } = parseArgs({
    options: {
      name: { type: "string" },
      email: { type: "string" },
      password: { type: "string" },
      role: { type: "string", default: "coder" },
      "if-missing": { type: "boolean", default: false },
    },
  });
  const db = getDb();
  if (values["if-missing"] && values.email && (await db.user.findUnique({ where: { email: values.email } }))) {
    console.log(`account ${values.email} exists; nothing to do`);
    return;
  }
  const input = { name: values.name ?? "", email: values.email ?? "", password: values.password ?? "" };
  if (await isSetupOpen()) {
    if (values.role !== "admin") throw new AppError("BAD_REQUEST", "The first account must be an admin (--role admin)");
    await createFirstAdmin(input);
  } else {
    await createMemberAsOperator({ ...input, role: values.role });
  }
  console.log(`created ${values.role} account ${input.email}`);
}

main()
  .catch((error: unknown) => {
    const fields = error instanceof AppError && error.fieldErrors ? ` ${JSON.stringify(error.fieldErrors)}` : "";
    console.error(error instanceof Error ? `${error.message}${fields}` : error);
    process.exitCode = 1;
  })
  .finally(() => getDb().$disconnect());
