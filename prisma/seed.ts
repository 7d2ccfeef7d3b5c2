/**
 * Seeds the database named by DATABASE_URL with the shipped reference dataset (release 2026-03). Idempotent.
 * Run by scripts/setup-db.mjs after the migrations.
 */
import { createDb } from "@/lib/data/db";
import { BASE_RELEASE } from "./seed/reference";
import { seedReferenceDataset } from "./seed/load";

async function main() {
  const db = createDb();
  try {
    const result = await seedReferenceDataset(db);
    if (!result.loaded) {
      console.log(`seed: release ${BASE_RELEASE.id} is already loaded; nothing to do`);
      return;
    }
    const { rows } = result;
    console.log(
      `seed: loaded release ${BASE_RELEASE.id}: ${rows.documents.length} documents, ${rows.clauses.length} clauses, ` +
        `${rows.alignments.length} alignments, ${rows.parties.length} parties, ${rows.dimensions.length} dimensions, ` +
        `${rows.positions.length} positions, ${rows.assessments.length} assessments, ${rows.sources.length} sources`,
    );
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
