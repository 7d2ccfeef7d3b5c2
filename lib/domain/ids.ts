/**
 * Stable identifiers. Ids of documents, parties, dimensions and positions are slugs that appear in URLs; a clause
 * is referred to as "documentId#number" (its `number` is a label such as "21", "r3" or "I-1").
 */
const SLUG = /^[a-z0-9][a-z0-9-]{0,119}$/;
const CLAUSE_NUMBER = /^[A-Za-z0-9][A-Za-z0-9.-]{0,31}$/;

export function isSlug(value: string): boolean {
  return SLUG.test(value);
}

export function isClauseNumber(value: string): boolean {
  return CLAUSE_NUMBER.test(value);
}

export function toClauseId(documentId: string, number: string): string {
  return `${documentId}#${number}`;
}

export type TClauseRef = { documentId: string; number: string };

/** Parses "documentId#number"; returns null when the text is not a well-formed clause reference. */
export function parseClauseRef(ref: string): TClauseRef | null {
  const hash = ref.indexOf("#");
  if (hash <= 0 || hash !== ref.lastIndexOf("#")) return null;
  const documentId = ref.slice(0, hash);
  const number = ref.slice(hash + 1);
  if (!isSlug(documentId) || !isClauseNumber(number)) return null;
  return { documentId, number };
}

/**
 * A short deterministic id for a source, from what identifies it (url, outlet, date). cyrb53: not
 * cryptographic, 53 bits, ample for tens of thousands of sources; collisions are caught by the primary key.
 */
export function toSourceId(url: string, outlet: string, date: string | null): string {
  const text = `${url}\u0000${outlet}\u0000${date ?? ""}`;
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const hash = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return `src-${hash.toString(36).padStart(11, "0")}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}
