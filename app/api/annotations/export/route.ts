import { getSharedAnnotationCollection } from "@/lib/server/annotations";
import { handle } from "@/lib/server/http";
import { allowOnlyParams } from "@/lib/server/params";

export const dynamic = "force-dynamic";

/** GET /api/annotations/export: every shared annotation with its replies as a W3C AnnotationCollection (JSON-LD). */
export const GET = handle(async (request: Request) => {
  const url = new URL(request.url);
  allowOnlyParams(url, []);
  return new Response(`${JSON.stringify(await getSharedAnnotationCollection(url.origin), null, 2)}\n`, {
    headers: {
      "content-type": 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"; charset=utf-8',
      "cache-control": "no-store",
    },
  });
});
