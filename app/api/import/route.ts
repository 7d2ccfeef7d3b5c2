import { AppError } from "@/lib/domain/errors";
import { requirePermission } from "@/lib/server/authz";
import { handle, jsonOk } from "@/lib/server/http";
import { assertCanRead } from "@/lib/server/reading-gate";
import { dryRunImport, importDocument, parseImportRequest, readBodyText } from "@/lib/server/import";

export const dynamic = "force-dynamic";

/**
 * POST /api/import {text, baseDocumentId, provenance, corrections?, dryRun?}: imports a new version of a plan.
 * With dryRun it writes nothing and answers the parsed clauses, the proposed alignment and (with provenance) the
 * checked plan, for anyone who may read; otherwise it needs the document:import permission (401/403) and answers 201 with the
 * new document's id. 413 over 1 MB; 400 naming the problem for any bad input; 409 when the id is taken.
 */
export const POST = handle(async (request: Request) => {
  const raw = await readBodyText(request);
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    throw new AppError(
      "BAD_REQUEST",
      "The request body must be JSON: {text, baseDocumentId, provenance, corrections?}",
    );
  }
  const dryRun = typeof body === "object" && body !== null && (body as { dryRun?: unknown }).dryRun === true;
  if (dryRun) {
    // A dry run shows the base document's clauses: it is a read, behind the reading gate like every GET.
    await assertCanRead(request.headers);
    return jsonOk(await dryRunImport(parseImportRequest(body)));
  }
  const actor = await requirePermission(request.headers, "document:import");
  const saved = await importDocument(
    parseImportRequest(body),
    { actorId: actor.userId, action: "document:import" },
    new Date(),
  );
  return jsonOk(saved, { status: 201 });
});
