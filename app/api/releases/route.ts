import { findReleaseHistory } from "@/lib/data/releases.repository";
import { buildReleaseHistory } from "@/lib/domain/dataset/release-history";
import { badParameter } from "@/lib/domain/errors";
import { handle, jsonOk } from "@/lib/server/http";
import { allowOnlyParams } from "@/lib/server/params";

export const dynamic = "force-dynamic";

/** GET /api/releases[?lang=]: every applied release, newest first, with what it changed and how to cite it. */
export const GET = handle(async (request: Request) => {
  const url = new URL(request.url);
  allowOnlyParams(url, ["lang"]);
  const lang = url.searchParams.get("lang") ?? "en";
  if (lang !== "en" && lang !== "ja") throw badParameter("lang", "must be en or ja");
  return jsonOk(
    buildReleaseHistory(await findReleaseHistory(), {
      lang,
      pageUrl: `${url.origin}${lang === "ja" ? "/ja" : ""}/dataset`,
      accessed: new Date().toISOString().slice(0, 10),
    }),
  );
});
