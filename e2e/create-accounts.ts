// Run by e2e/global-setup.ts under tsx: creates the browser tests' accounts in one process (idempotent).
import { getDb } from "@/lib/data/db";
import { createFirstAdmin, createMemberAsOperator, isSetupOpen } from "@/lib/server/accounts";
import { E2E_ROLES, e2eAccount } from "./accounts";

async function main() {
  const accounts = [
    ...E2E_ROLES.map((role) => ({ role, ...e2eAccount(role) })),
    { role: "coder", ...e2eAccount("coder", 2) },
  ];
  for (const a of accounts) {
    if (await getDb().user.findUnique({ where: { email: a.email }, select: { id: true } })) continue;
    if (await isSetupOpen()) {
      if (a.role !== "admin") throw new Error("the first browser-test account must be the admin");
      await createFirstAdmin(a);
    } else {
      await createMemberAsOperator(a);
    }
  }
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => getDb().$disconnect());
