import { findDimensions } from "@/lib/data/dimensions.repository";
import { handle, jsonOk } from "@/lib/server/http";
import { allowOnlyParams } from "@/lib/server/params";

export const dynamic = "force-dynamic";

/** GET /api/dimensions: the codebook of dimensions, in order. */
export const GET = handle(async (request: Request) => {
  allowOnlyParams(new URL(request.url), []);
  return jsonOk(await findDimensions());
});
