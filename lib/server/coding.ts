import "server-only";
import crypto from "node:crypto";
import {
  canSeeAllCodes,
  canSeeCode,
  canSeeOthersCodes,
  CONSENSUS_CODER_ID,
  parseCode,
  toCellKey,
  type TCode,
} from "@/lib/domain/coding";
import { toAssessmentId } from "@/lib/domain/dataset/rows";
import { AppError, badParameter, notFound, type FieldErrors } from "@/lib/domain/errors";
import { toClauseId } from "@/lib/domain/ids";
import { can, type TActor } from "@/lib/domain/permissions";
import { findTimeline, recordAudit } from "@/lib/data/audit.repository";
import {
  createCode,
  ensureCoder,
  findCellCodes,
  findCellPositionOptions,
  findCodedCells,
  findCodeTargets,
  findDocumentCodes,
  getCode,
  getCoder,
  hasCodedCell,
  updateCodeAtVersion,
  type TCodeRow,
} from "@/lib/data/codes.repository";
import { getDb } from "@/lib/data/db";
import { documentExists } from "@/lib/data/import.repository";
import { findPositionsByIds, type TPositionView } from "@/lib/data/positions.repository";
import { assertCan } from "./authz";

/** A code as the API and the panel show it. `own`: the viewer's own code. */
export type TCodeView = {
  assessmentId: string;
  clauseId: string;
  partyId: string;
  coder: { id: string; name: string; kind: string };
  own: boolean;
  score: number | null;
  rationale: string;
  confidence: string;
  evidence: string[];
  status: string;
  version: number;
  updatedAt: string;
};

export type TSaveCodeResult = { code: TCodeView; created: boolean };

/**
 * The coder of an account: a slug (it appears in matrix links as `coder=`) derived from the account id, which
 * better-auth makes in mixed case.
 */
export function toResearcherCoderId(userId: string): string {
  return `coder-${crypto.createHash("sha256").update(userId).digest("hex").slice(0, 16)}`;
}

function toCodeView(row: TCodeRow, viewer: TActor | null): TCodeView {
  return {
    assessmentId: row.id,
    clauseId: row.clauseId,
    partyId: row.partyId,
    coder: { id: row.coder.id, name: row.coder.name, kind: row.coder.kind },
    own: viewer !== null && row.coder.kind === "researcher" && row.coder.userId === viewer.userId,
    score: row.score,
    rationale: row.rationale,
    confidence: row.confidence,
    evidence: row.evidence,
    status: row.status,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What the audit trail keeps of a code, before and after a change. */
function toSnapshot(row: {
  coderId: string;
  clauseId: string;
  partyId: string;
  score: number | null;
  rationale: string;
  confidence: string;
  evidence: string[];
  status: string;
  version: number;
}) {
  return {
    coderId: row.coderId,
    clauseId: row.clauseId,
    partyId: row.partyId,
    score: row.score,
    rationale: row.rationale,
    confidence: row.confidence,
    evidence: row.evidence,
    status: row.status,
    version: row.version,
  };
}

/** The account behind a code, for the blind rule: null for codes that are not a researcher's. */
function ownerOf(row: TCodeRow): string | null {
  return row.coder.kind === "researcher" ? row.coder.userId : null;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

function conflict(current: TCodeView | null): AppError {
  return new AppError(
    "CONFLICT",
    current
      ? `This code changed since you loaded it (now at version ${current.version}): reload it, or send yours again with version ${current.version}`
      : "The code you were changing no longer exists",
    { version: [current ? `must be ${current.version}` : "must be left out to create the code"] },
    current,
  );
}

/** Checks what the code refers to: the clause, the party, and that every evidence position is that party's. */
async function assertTargets(code: TCode): Promise<void> {
  const targets = await findCodeTargets({
    clauseId: code.clauseId,
    partyId: code.partyId,
    positionIds: code.evidence,
  });
  const fieldErrors: FieldErrors = {};
  if (!targets.clause) fieldErrors.clauseId = [`there is no clause '${code.clauseId}'`];
  if (!targets.partyExists) fieldErrors.partyId = [`there is no party '${code.partyId}'`];
  const partyOf = new Map(targets.positions.map((p) => [p.id, p.partyId]));
  const evidenceErrors = code.evidence.flatMap((id) => {
    const party = partyOf.get(id);
    if (party === undefined) return [`there is no position '${id}'`];
    if (party !== code.partyId) return [`'${id}' is a position of '${party}', not of '${code.partyId}'`];
    return [];
  });
  if (evidenceErrors.length) fieldErrors.evidence = evidenceErrors;
  const fields = Object.keys(fieldErrors);
  if (fields.length) throw new AppError("BAD_REQUEST", `The code is not valid (${fields.join(", ")})`, fieldErrors);
}

type TCoderRef = { id: string; name: string; kind: "researcher" | "consensus"; userId: string | null };

/**
 * Creates or changes one coder's assessment of a cell, with exactly one audit event, in one transaction.
 * Optimistic concurrency: changing an existing code needs the version it was read at; a missing or stale version
 * is a CONFLICT carrying the current copy, and nothing is written. Two first saves racing on the same cell meet
 * the unique key, and the loser gets the same CONFLICT.
 */
async function saveAssessment(
  actor: TActor,
  coder: TCoderRef,
  input: unknown,
  actions: { create: string; update: string },
): Promise<TSaveCodeResult> {
  const code = parseCode(input);
  await assertTargets(code);
  const key = { clauseId: code.clauseId, partyId: code.partyId, coderId: coder.id };
  const write = { score: code.score, rationale: code.rationale, confidence: code.confidence, evidence: code.evidence };
  const db = getDb();
  try {
    return await db.$transaction(async (tx) => {
      const at = new Date();
      const existing = await getCode(key, tx);
      if (!existing) {
        if (code.version !== undefined) throw conflict(null);
        const id = toAssessmentId(coder.id, code.clauseId, code.partyId);
        await ensureCoder(tx, coder);
        await createCode(tx, { id, ...key, ...write });
        await recordAudit(tx, {
          actorId: actor.userId,
          action: actions.create,
          entityType: "assessment",
          entityId: id,
          before: null,
          after: toSnapshot({ ...code, coderId: coder.id, status: "final", version: 1 }),
          at,
        });
        return { code: toCodeView((await getCode(key, tx))!, actor), created: true };
      }
      if (code.version !== existing.version) throw conflict(toCodeView(existing, actor));
      const updated = await updateCodeAtVersion(tx, { id: existing.id, version: existing.version, ...write });
      if (!updated) {
        const current = await getCode(key, tx);
        throw conflict(current ? toCodeView(current, actor) : null);
      }
      await recordAudit(tx, {
        actorId: actor.userId,
        action: actions.update,
        entityType: "assessment",
        entityId: existing.id,
        before: toSnapshot({ ...existing, coderId: coder.id }),
        after: toSnapshot({ ...code, coderId: coder.id, status: "final", version: existing.version + 1 }),
        at,
      });
      return { code: toCodeView((await getCode(key, tx))!, actor), created: false };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const current = await getCode(key);
    throw conflict(current ? toCodeView(current, actor) : null);
  }
}

/** A researcher's own code of a cell (coders, adjudicators and admins code as themselves). */
export async function saveCode(actor: TActor, input: unknown): Promise<TSaveCodeResult> {
  assertCan(actor, "code:write");
  const coder: TCoderRef = {
    id: toResearcherCoderId(actor.userId),
    name: actor.name,
    kind: "researcher",
    userId: actor.userId,
  };
  return saveAssessment(actor, coder, input, { create: "code:create", update: "code:update" });
}

/** The adjudicated value of a cell, as the `consensus` coder. */
export async function saveConsensus(actor: TActor, input: unknown): Promise<TSaveCodeResult> {
  assertCan(actor, "consensus:write");
  const coder: TCoderRef = { id: CONSENSUS_CODER_ID, name: "Consensus", kind: "consensus", userId: null };
  return saveAssessment(actor, coder, input, { create: "consensus:create", update: "consensus:update" });
}

export const MAX_CODE_BODY_BYTES = 64 * 1024;

/** A code sent to the API: JSON, at most 64 KB (413 beyond), else 400 naming the body. */
export async function readCodeBody(request: Request): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", `The request body is over ${MAX_CODE_BODY_BYTES} bytes`);
  if (Number.isFinite(declared) && declared > MAX_CODE_BODY_BYTES) throw tooLarge();
  const text = await request.text();
  if (new TextEncoder().encode(text).byteLength > MAX_CODE_BODY_BYTES) throw tooLarge();
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "The request body must be a JSON object", { body: ["must be JSON"] });
  }
}

/**
 * The researchers' and consensus codes of a document (optionally one clause and/or party) that the viewer may
 * see under the blind rule: their own, everyone's for adjudicators and admins, others' only on cells they coded.
 */
export async function findVisibleCodes(
  viewer: TActor,
  { documentId, clause, party }: { documentId: string; clause?: string; party?: string },
): Promise<{ codes: TCodeView[] }> {
  if (!(await documentExists(documentId))) throw notFound("document", documentId);
  const [rows, coded] = await Promise.all([
    findDocumentCodes({ documentId, clauseId: clause ? toClauseId(documentId, clause) : undefined, partyId: party }),
    findCodedCells(viewer.userId, documentId),
  ]);
  const codedKeys = new Set(coded.map((c) => toCellKey(c.clauseId, c.partyId)));
  const visible = rows.filter((row) =>
    canSeeCode(viewer, ownerOf(row), codedKeys.has(toCellKey(row.clauseId, row.partyId))),
  );
  return { codes: visible.map((row) => toCodeView(row, viewer)) };
}

/**
 * For the matrix with `coder=<id>`: the cells of that coder's assessments the viewer may see. Null when every
 * cell is visible (the reference and consensus codings, one's own coding, adjudicators and admins); otherwise the
 * cells the viewer has coded, the only ones where another researcher's codes show.
 */
export async function findVisibleCells(
  viewer: TActor | null,
  documentId: string,
  coder: { kind: string; userId: string | null } | null,
): Promise<Set<string> | null> {
  if (!coder || coder.kind !== "researcher" || canSeeCode(viewer, coder.userId, false)) return null;
  if (!viewer) return new Set();
  const coded = await findCodedCells(viewer.userId, documentId);
  return new Set(coded.map((c) => toCellKey(c.clauseId, c.partyId)));
}

/** For one cell's evidence: whether the viewer may see that coder's assessment of it. */
export async function canSeeCellOf(
  viewer: TActor | null,
  { coderId, clauseId, partyId }: { coderId: string; clauseId: string; partyId: string },
): Promise<boolean> {
  const coder = await getCoder(coderId);
  if (!coder || coder.kind !== "researcher" || canSeeCode(viewer, coder.userId, false)) return true;
  return viewer !== null && (await hasCodedCell(viewer.userId, clauseId, partyId));
}

export type TCodeChange = {
  score?: number | null;
  confidence?: string;
  evidence?: string[];
  rationale?: string;
  version?: number;
};

export type TTimelineEntry = {
  id: string;
  at: string;
  action: string;
  actor: string | null;
  coder: { id: string; name: string; kind: string } | null;
  before: TCodeChange | null;
  after: TCodeChange | null;
};

export type TCellCoding = {
  clauseId: string;
  partyId: string;
  viewer: { canCode: boolean; canAdjudicate: boolean; seesAll: boolean };
  mine: TCodeView | null;
  /** Other researchers' codes, empty while they are hidden from the viewer. */
  others: TCodeView[];
  /** True while the blind rule hides other researchers' codes (whether or not there are any). */
  othersHidden: boolean;
  consensus: TCodeView | null;
  /** Positions the viewer may cite: the party's positions on the clause first, then on its topics. */
  positions: TPositionView[];
  /** Changes to the cell's assessments the viewer may see, newest first. */
  timeline: TTimelineEntry[];
};

function toChange(value: unknown): TCodeChange | null {
  if (typeof value !== "object" || value === null) return null;
  const v = value as Record<string, unknown>;
  const change: TCodeChange = {};
  if (v.score === null || typeof v.score === "number") change.score = v.score;
  if (typeof v.confidence === "string") change.confidence = v.confidence;
  if (typeof v.rationale === "string") change.rationale = v.rationale;
  if (typeof v.version === "number") change.version = v.version;
  if (Array.isArray(v.evidence)) change.evidence = v.evidence.filter((e): e is string => typeof e === "string");
  return change;
}

/**
 * Everything the coding part of a cell's panel needs: the viewer's code, the others' (under the blind rule), the
 * consensus, the positions to cite, and the timeline of the assessments the viewer may see.
 */
export async function getCellCoding(
  viewer: TActor,
  { documentId, clause, party }: { documentId: string; clause: string; party: string },
): Promise<TCellCoding> {
  const clauseId = toClauseId(documentId, clause);
  const [targets, rows] = await Promise.all([
    findCodeTargets({ clauseId, partyId: party, positionIds: [] }),
    findCellCodes(clauseId, party),
  ]);
  if (!targets.clause) throw notFound("clause", clauseId);
  if (!targets.partyExists) throw notFound("party", party);
  const mineRow = rows.find((r) => r.coder.kind === "researcher" && r.coder.userId === viewer.userId) ?? null;
  const othersHidden = !canSeeOthersCodes(viewer, mineRow !== null);
  const visible = rows.filter((r) => r === mineRow || canSeeCode(viewer, ownerOf(r), mineRow !== null));
  const consensusRow = rows.find((r) => r.coder.kind === "consensus") ?? null;
  const options = await findCellPositionOptions({
    clauseId,
    documentId,
    partyId: party,
    topics: targets.clause.topics,
  });
  const listed = new Set([...options.concerning, ...options.onTopics].map((p) => p.id));
  const cited = [...new Set([...(mineRow?.evidence ?? []), ...(consensusRow?.evidence ?? [])])].filter(
    (id) => !listed.has(id),
  );
  const citedElsewhere = await findPositionsByIds(cited);
  const codersByAssessment = new Map(visible.map((r) => [r.id, r.coder]));
  const events = await findTimeline(visible.map((r) => ({ entityType: "assessment", entityId: r.id })));
  return {
    clauseId,
    partyId: party,
    viewer: {
      canCode: can(viewer, "code:write"),
      canAdjudicate: can(viewer, "consensus:write"),
      seesAll: canSeeAllCodes(viewer),
    },
    mine: mineRow ? toCodeView(mineRow, viewer) : null,
    others: othersHidden
      ? []
      : visible.filter((r) => r !== mineRow && r.coder.kind === "researcher").map((r) => toCodeView(r, viewer)),
    othersHidden,
    consensus: consensusRow ? toCodeView(consensusRow, viewer) : null,
    positions: [...options.concerning, ...options.onTopics, ...citedElsewhere],
    timeline: events.map((e) => {
      const coder = codersByAssessment.get(e.entityId);
      return {
        id: e.id,
        at: e.at.toISOString(),
        action: e.action,
        actor: e.actor?.name ?? null,
        coder: coder ? { id: coder.id, name: coder.name, kind: coder.kind } : null,
        before: toChange(e.before),
        after: toChange(e.after),
      };
    }),
  };
}

/** Reads a required query parameter, or 400 naming it. */
export function requireParam(url: URL, name: string): string {
  const value = url.searchParams.get(name);
  if (!value) throw badParameter(name, "is required");
  return value;
}
