import { AppError } from "@/lib/domain/errors";
import { jsonError } from "@/lib/server/http";

/** Any other /api path: the error shape with 404, not an HTML page. */
function unknownRoute(request: Request): Response {
  return jsonError(new AppError("NOT_FOUND", `No API route at ${new URL(request.url).pathname}`));
}

export const GET = unknownRoute;
export const POST = unknownRoute;
export const PUT = unknownRoute;
export const PATCH = unknownRoute;
export const DELETE = unknownRoute;
