import {
  deleteAnnotation,
  getAnnotation,
  parseVersionParameter,
  readJsonRequest,
  updateAnnotation,
} from "@/lib/server/annotations";
import { getActor, requirePermission } from "@/lib/server/authz";
import { handle, jsonOk } from "@/lib/server/http";
import { allowOnlyParams } from "@/lib/server/params";

export const dynamic = "force-dynamic";

type TContext = { params: Promise<{ id: string }> };

/** GET /api/annotations/{id}: one annotation or reply the caller may see; 404 otherwise. */
export const GET = handle(async (request: Request, { params }: TContext) => {
  allowOnlyParams(new URL(request.url), []);
  const { id } = await params;
  return jsonOk(await getAnnotation(await getActor(request.headers), decodeURIComponent(id)));
});

/**
 * PATCH /api/annotations/{id} {version, body?, purpose?, visibility?, tags?}: edits one's own annotation. 401/403 by
 * role or ownership; 409 with `error.current` (the copy as it stands, null once deleted) when `version` is stale.
 */
export const PATCH = handle(async (request: Request, { params }: TContext) => {
  const actor = await requirePermission(request.headers, "annotation:update");
  allowOnlyParams(new URL(request.url), []);
  const { id } = await params;
  return jsonOk(await updateAnnotation(actor, decodeURIComponent(id), await readJsonRequest(request), new Date()));
});

/**
 * DELETE /api/annotations/{id}?version=N: soft-deletes one's own annotation (admins: anyone's shared one). Same
 * 401/403/409 rules as PATCH; answers {id, deleted: true}.
 */
export const DELETE = handle(async (request: Request, { params }: TContext) => {
  const actor = await requirePermission(request.headers, "annotation:delete");
  const url = new URL(request.url);
  allowOnlyParams(url, ["version"]);
  const { id } = await params;
  const annotationId = decodeURIComponent(id);
  await deleteAnnotation(actor, annotationId, parseVersionParameter(url.searchParams.get("version")), new Date());
  return jsonOk({ id: annotationId, deleted: true });
});
