import "server-only";

/**
 * The response of a file download: the body as given (streamed or whole), its type, a Content-Disposition that
 * names the file, Content-Length when the size is known (the browser's progress bar uses it), no caching.
 */
export function toDownloadResponse({
  body,
  contentType,
  filename,
  headers = {},
}: {
  body: ReadableStream<Uint8Array> | Uint8Array;
  contentType: string;
  filename: string;
  headers?: Record<string, string>;
}): Response {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return new Response(body instanceof Uint8Array ? new Blob([body as Uint8Array<ArrayBuffer>]) : body, {
    status: 200,
    headers: {
      "content-type": contentType,
      "content-disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
      ...(body instanceof Uint8Array ? { "content-length": String(body.byteLength) } : {}),
      ...headers,
    },
  });
}

/**
 * The site's origin as the client reached it, for permalinks and citations: the proxy's forwarded host and
 * protocol when present (as the dataset page reads them), else the request URL's.
 */
export function getRequestOrigin(request: Request): string {
  const url = new URL(request.url);
  const host = request.headers.get("x-forwarded-host")?.split(",")[0].trim();
  const proto = request.headers.get("x-forwarded-proto")?.split(",")[0].trim();
  if (!host || !/^[A-Za-z0-9.-]+(:\d+)?$/.test(host)) return url.origin;
  return `${proto === "https" || proto === "http" ? proto : url.protocol.slice(0, -1)}://${host}`;
}
