import { handle } from "@/lib/server/http";
import { getAnnotationCollection } from "@/lib/server/export/dataset";
import { getRequestOrigin } from "@/lib/server/export/download";
import { allowOnlyParams } from "@/lib/server/params";

export const dynamic = "force-dynamic";

/** GET /api/dataset/annotations: the shared annotations as a W3C Web Annotation AnnotationCollection (JSON-LD). */
export const GET = handle(async (request: Request) => {
  const url = new URL(request.url);
  allowOnlyParams(url, []);
  const collection = await getAnnotationCollection({ baseUrl: getRequestOrigin(request) });
  return new Response(`${JSON.stringify(collection, null, 2)}\n`, {
    headers: {
      "content-type": 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"; charset=utf-8',
      "cache-control": "no-store",
    },
  });
});
