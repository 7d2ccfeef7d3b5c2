import { handle } from "@/lib/server/http";
import { createDatasetExport } from "@/lib/server/export/dataset";
import { getRequestOrigin, toDownloadResponse } from "@/lib/server/export/download";
import { allowOnlyParams } from "@/lib/server/params";

export const dynamic = "force-dynamic";

/** GET /api/dataset/export: the whole dataset as a Frictionless Data Package (zip), streamed. */
export const GET = handle(async (request: Request) => {
  const url = new URL(request.url);
  allowOnlyParams(url, []);
  const file = await createDatasetExport({ now: new Date(), baseUrl: getRequestOrigin(request) });
  return toDownloadResponse({
    body: file.body,
    contentType: "application/zip",
    filename: file.filename,
    headers: { "x-dataset-release": file.releaseId },
  });
});
