import { handle } from "@/lib/server/http";
import { getRequestOrigin, toDownloadResponse } from "@/lib/server/export/download";
import { createExportFile } from "@/lib/server/export/table-export";

export const dynamic = "force-dynamic";

/**
 * GET /api/export?view=matrix|compare&format=csv|xlsx|json|md|tex&...: the table a view shows, as a file, with the
 * view's own parameters (see lib/domain/export/export-query.ts). CSV streams; over the cell cap answers 413.
 */
export const GET = handle(async (request: Request) => {
  const url = new URL(request.url);
  const file = await createExportFile(url.searchParams, { now: new Date(), baseUrl: getRequestOrigin(request) });
  return toDownloadResponse({ ...file, headers: { "x-export-rows": String(file.rows) } });
});
