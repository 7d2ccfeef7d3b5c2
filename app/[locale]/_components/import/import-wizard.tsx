"use client";

import { useState, useTransition } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "@/i18n/navigation";
import { importDocumentAction } from "@/app/[locale]/import/import.actions";
import type { TImportLink, TImportPreview } from "@/lib/domain/import/plan-import";
import { PARSE_CLAUSES_LIMITS } from "@/lib/domain/import/parse-clauses";
import "@/app/compare.css";

type TOption = { id: string; label: string };
type TRelation = "unchanged" | "modified" | "moved" | "merged" | "split" | "added";
type TRowLink = { fromNumber: string | null; relation: TRelation };
type TBaseClause = { number: string; heading: string };
type TProblem = { message: string; fieldErrors?: Record<string, string[]> };
type TSource = { outlet: string; url: string; date: string };

const PAIR_RELATIONS: TRelation[] = ["unchanged", "modified", "moved", "merged", "split"];

/** The proposal's links of one new point, as the rows of the table start. */
function toRowLinks(proposed: readonly TImportLink[], toNumber: string): TRowLink[] {
  return proposed
    .filter((l) => l.toNumber === toNumber)
    .map((l) => ({ fromNumber: l.fromNumber, relation: l.relation as TRelation }));
}

const linkKey = (l: { fromNumber: string | null; relation: string }) => `${l.fromNumber ?? "-"}:${l.relation}`;
const sameLinks = (a: readonly TRowLink[], b: readonly TRowLink[]) =>
  a.length === b.length && [...a.map(linkKey)].sort().join() === [...b.map(linkKey)].sort().join();

async function postJson(url: string, body: unknown): Promise<{ ok: boolean; data?: unknown; error?: TProblem }> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return response.json();
}

/**
 * The import wizard: the text (pasted or uploaded), its points as parsed, the proposed alignment to a base
 * document with a correction control for every pair, the provenance, and Save. The reading and the proposal come
 * from POST /api/import as a dry run, so the preview is exactly what the server will plan; Save calls the server
 * action, which checks the permission and plans again before writing anything.
 */
export function ImportWizard({
  documents,
  initialBase,
  access,
}: {
  documents: TOption[];
  initialBase: string;
  access: "anonymous" | "forbidden" | "allowed";
}) {
  const t = useTranslations("Import");
  const tr = useTranslations("Clause.relation");
  const lang = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  const [text, setText] = useState("");
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [baseId, setBaseId] = useState(initialBase);
  const [preview, setPreview] = useState<TImportPreview | null>(null);
  /** The text and base the preview was made from: if either changed since, the preview is out of date. */
  const [previewOf, setPreviewOf] = useState<{ text: string; baseId: string } | null>(null);
  const [baseClauses, setBaseClauses] = useState<TBaseClause[]>([]);
  const [rows, setRows] = useState<Record<string, TRowLink[]>>({});
  const [problem, setProblem] = useState<TProblem | null>(null);
  const [saveProblem, setSaveProblem] = useState<TProblem | null>(null);
  const [title, setTitle] = useState("");
  const [titleJa, setTitleJa] = useState("");
  const [date, setDate] = useState("");
  const [origin, setOrigin] = useState("");
  const [completeness, setCompleteness] = useState<"full" | "partial">("full");
  const [note, setNote] = useState("");
  const [sources, setSources] = useState<TSource[]>([{ outlet: "", url: "", date: "" }]);

  const proposed = preview?.proposed ?? null;
  const current = previewOf !== null && previewOf.text === text && previewOf.baseId === baseId;

  const readPoints = (base: string) =>
    startTransition(async () => {
      setProblem(null);
      setSaveProblem(null);
      try {
        const [result, document] = await Promise.all([
          postJson("/api/import", { text, baseDocumentId: base || null, dryRun: true }),
          base ? fetch(`/api/documents/${base}`).then((r) => r.json()) : Promise.resolve(null),
        ]);
        if (!result.ok) {
          setPreview(null);
          setPreviewOf(null);
          setProblem(result.error ?? { message: t("requestFailed") });
          return;
        }
        const next = (result.data as { preview: TImportPreview }).preview;
        setPreview(next);
        setPreviewOf({ text, baseId: base });
        const clauses = (document?.data?.clauses ?? []) as {
          number: string;
          heading: string;
          headingJa: string | null;
        }[];
        setBaseClauses(
          clauses.map((c) => ({ number: c.number, heading: (lang === "ja" && c.headingJa) || c.heading })),
        );
        setRows(
          Object.fromEntries(next.parsed.clauses.map((c) => [c.number, toRowLinks(next.proposed ?? [], c.number)])),
        );
      } catch {
        setProblem({ message: t("requestFailed") });
      }
    });

  const onFile = async (file: File | undefined) => {
    setFileProblem(null);
    if (!file) return;
    if (file.size > PARSE_CLAUSES_LIMITS.maxBytes) {
      setFileProblem(t("fileTooLarge", { size: file.size, limit: PARSE_CLAUSES_LIMITS.maxBytes }));
      return;
    }
    try {
      setText(new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer()));
    } catch {
      setFileProblem(t("fileNotText"));
    }
  };

  const setRow = (toNumber: string, links: TRowLink[]) => setRows((r) => ({ ...r, [toNumber]: links }));
  const setLink = (toNumber: string, index: number, change: Partial<TRowLink>) => {
    const links = rows[toNumber].map((l, k) => (k === index ? { ...l, ...change } : l));
    setRow(toNumber, links);
  };
  const onCounterpart = (toNumber: string, index: number, value: string) => {
    const link = rows[toNumber][index];
    if (value === "") setLink(toNumber, index, { fromNumber: null, relation: "added" });
    else
      setLink(toNumber, index, { fromNumber: value, relation: link.relation === "added" ? "modified" : link.relation });
  };
  const addCounterpart = (toNumber: string) => {
    const links = rows[toNumber].filter((l) => l.fromNumber !== null);
    const used = new Set(Object.values(rows).flatMap((ls) => ls.map((l) => l.fromNumber)));
    const next = baseClauses.find((c) => !used.has(c.number))?.number ?? baseClauses[0]?.number ?? null;
    if (next === null) return;
    setRow(
      toNumber,
      [...links, { fromNumber: next, relation: "merged" }].map((l) => ({ ...l, relation: "merged" })),
    );
  };
  const removeCounterpart = (toNumber: string, index: number) => {
    const links = rows[toNumber].filter((_, k) => k !== index);
    setRow(
      toNumber,
      links.length === 1 && links[0].relation === "merged" ? [{ ...links[0], relation: "modified" }] : links,
    );
  };

  const used = new Set(Object.values(rows).flatMap((links) => links.map((l) => l.fromNumber)));
  const removed = baseClauses.filter((c) => !used.has(c.number));
  const corrections = preview
    ? preview.parsed.clauses.flatMap((c) => {
        const links = rows[c.number] ?? [];
        return sameLinks(links, toRowLinks(proposed ?? [], c.number))
          ? []
          : links.map((l) => ({ toNumber: c.number, fromNumber: l.fromNumber, relation: l.relation }));
      })
    : [];

  const save = () =>
    startTransition(async () => {
      setSaveProblem(null);
      if (!current || !proposed) {
        setSaveProblem({ message: t("checkFirst") });
        return;
      }
      try {
        const result = await importDocumentAction({
          text,
          baseDocumentId: baseId,
          provenance: { title, titleJa, date, origin, completeness, note, sources },
          corrections,
        });
        if (result.status === "ok") {
          router.push(`/compare?from=${result.baseDocumentId}&to=${result.documentId}`);
          return;
        }
        setSaveProblem(result);
      } catch {
        setSaveProblem({ message: t("requestFailed") });
      }
    });

  const fieldError = (path: string) =>
    saveProblem?.fieldErrors?.[path]?.map((m) => (
      <span key={m} className="field-error" id={`error-${path}`}>
        {m}
      </span>
    ));
  const described = (path: string) => (saveProblem?.fieldErrors?.[path] ? `error-${path}` : undefined);
  const confidenceOf = (toNumber: string, link: TRowLink) =>
    proposed?.find((p) => p.toNumber === toNumber && linkKey(p) === linkKey(link))?.confidence ?? null;
  const proposedFor = (toNumber: string) => toRowLinks(proposed ?? [], toNumber);

  return (
    <div className="import-wizard" aria-busy={pending}>
      {access !== "allowed" ? (
        <p className="compare-proposed-note">{access === "anonymous" ? t("needAccount") : t("notAllowed")}</p>
      ) : null}

      <section className="import-step" aria-labelledby="import-text">
        <h2 id="import-text">{t("textStep")}</h2>
        <label htmlFor="import-text-input">{t("textLabel")}</label>
        <p className="muted" id="import-text-help">
          {t("textHelp")}
        </p>
        <textarea
          id="import-text-input"
          name="text"
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-describedby="import-text-help"
          spellCheck={false}
        />
        <p>
          <label>
            {t("upload")} <input type="file" accept=".txt,text/plain" onChange={(e) => onFile(e.target.files?.[0])} />
          </label>
        </p>
        {fileProblem ? (
          <p role="alert" className="import-error">
            {fileProblem}
          </p>
        ) : null}
        <p>
          <button type="button" onClick={() => readPoints(baseId)} disabled={pending}>
            {pending ? t("working") : t("parse")}
          </button>
        </p>
        {problem ? (
          <div role="alert" className="import-error">
            <p>{problem.message}</p>
          </div>
        ) : null}
        {preview ? (
          <>
            <p role="status">{t("parsedCount", { count: preview.parsed.clauses.length })}</p>
            {preview.parsed.preamble ? (
              <p className="muted">
                {t("preamble")} <q>{preview.parsed.preamble}</q>
              </p>
            ) : null}
            <div className="table-scroll import-parsed">
              <table className="data-table import-points">
                <thead>
                  <tr>
                    <th scope="col">{t("colNumber")}</th>
                    <th scope="col">{t("colHeading")}</th>
                    <th scope="col">{t("colText")}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.parsed.clauses.map((c) => (
                    <tr key={c.number} data-number={c.number}>
                      <th scope="row">{c.number}</th>
                      <td>{c.heading}</td>
                      <td className="diff-text">{c.text}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        ) : null}
      </section>

      <section className="import-step" aria-labelledby="import-base">
        <h2 id="import-base">{t("baseStep")}</h2>
        <p>
          <label className="control">
            <span>{t("base")}</span>
            <select
              name="base"
              value={baseId}
              onChange={(e) => {
                setBaseId(e.target.value);
                if (preview && e.target.value) readPoints(e.target.value);
              }}
            >
              <option value="">{t("chooseBase")}</option>
              {documents.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.label}
                </option>
              ))}
            </select>
          </label>{" "}
          <button type="button" onClick={() => readPoints(baseId)} disabled={pending || !baseId || text === ""}>
            {t("propose")}
          </button>
        </p>
        {preview && proposed ? (
          <>
            <p>{t("alignmentCaption")}</p>
            <div className="table-scroll">
              <table className="data-table import-alignment">
                <thead>
                  <tr>
                    <th scope="col">{t("colPoint")}</th>
                    <th scope="col">{t("colCounterpart")}</th>
                    <th scope="col">{t("colConfidence")}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.parsed.clauses.map((c) => {
                    const links = rows[c.number] ?? [];
                    const changed = !sameLinks(links, proposedFor(c.number));
                    return (
                      <tr key={c.number} data-number={c.number}>
                        <th scope="row">
                          {c.number} <span className="muted">{c.heading}</span>
                          {changed ? <div className="import-corrected">{t("corrected")}</div> : null}
                        </th>
                        <td>
                          {links.map((link, k) => (
                            <div key={k} className="import-link-row">
                              <select
                                aria-label={`${t("colCounterpart")} (${t("colPoint")} ${c.number})`}
                                value={link.fromNumber ?? ""}
                                onChange={(e) => onCounterpart(c.number, k, e.target.value)}
                              >
                                <option value="">{t("noCounterpart")}</option>
                                {baseClauses.map((b) => (
                                  <option key={b.number} value={b.number}>
                                    {b.number} — {b.heading}
                                  </option>
                                ))}
                              </select>
                              <select
                                aria-label={`${t("colRelation")} (${t("colPoint")} ${c.number})`}
                                value={link.relation}
                                disabled={link.fromNumber === null}
                                onChange={(e) => setLink(c.number, k, { relation: e.target.value as TRelation })}
                              >
                                {(link.fromNumber === null ? (["added"] as TRelation[]) : PAIR_RELATIONS).map((r) => (
                                  <option key={r} value={r}>
                                    {tr(r)}
                                  </option>
                                ))}
                              </select>
                              {links.length > 1 ? (
                                <button type="button" onClick={() => removeCounterpart(c.number, k)}>
                                  {t("removeCounterpart")}
                                </button>
                              ) : null}
                            </div>
                          ))}
                          {links.some((l) => l.fromNumber !== null) ? (
                            <button type="button" onClick={() => addCounterpart(c.number)}>
                              {t("addCounterpart")}
                            </button>
                          ) : null}
                        </td>
                        <td>
                          {links.map((link, k) => {
                            const confidence = confidenceOf(c.number, link);
                            return (
                              <div key={k}>
                                {confidence === null ? (
                                  <span className="muted">{t("researcher")}</span>
                                ) : (
                                  <span className={confidence < 0.5 ? "import-low-confidence" : undefined}>
                                    {Math.round(confidence * 100)}%{confidence < 0.5 ? ` · ${t("lowConfidence")}` : ""}
                                  </span>
                                )}
                              </div>
                            );
                          })}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            <h3>{t("removedHeading")}</h3>
            {removed.length === 0 ? <p className="muted">{t("noneRemoved")}</p> : null}
            <ul className="import-removed">
              {removed.map((c) => (
                <li key={c.number}>
                  {c.number} — {c.heading}
                </li>
              ))}
            </ul>
            <p className="muted">{t("inheritNote")}</p>
          </>
        ) : null}
      </section>

      <section className="import-step" aria-labelledby="import-provenance">
        <h2 id="import-provenance">{t("provenanceStep")}</h2>
        <div className="import-form">
          <label>
            {t("docTitle")}
            <input
              type="text"
              name="title"
              value={title}
              required
              onChange={(e) => setTitle(e.target.value)}
              aria-describedby={described("provenance.title")}
            />
            {fieldError("provenance.title")}
          </label>
          <label>
            {t("docTitleJa")}
            <input type="text" name="titleJa" value={titleJa} lang="ja" onChange={(e) => setTitleJa(e.target.value)} />
          </label>
          <label>
            {t("date")}
            <input
              type="date"
              name="date"
              value={date}
              required
              onChange={(e) => setDate(e.target.value)}
              aria-describedby={described("provenance.date")}
            />
            {fieldError("provenance.date")}
          </label>
          <label>
            {t("origin")} <span className="muted">({t("originHelp")})</span>
            <textarea
              name="origin"
              value={origin}
              required
              onChange={(e) => setOrigin(e.target.value)}
              aria-describedby={described("provenance.origin")}
            />
            {fieldError("provenance.origin")}
          </label>
          <fieldset className="compare-mode">
            <legend>{t("completeness")}</legend>
            <label className="check">
              <input
                type="radio"
                name="completeness"
                value="full"
                checked={completeness === "full"}
                onChange={() => setCompleteness("full")}
              />{" "}
              {t("full")}
            </label>
            <label className="check">
              <input
                type="radio"
                name="completeness"
                value="partial"
                checked={completeness === "partial"}
                onChange={() => setCompleteness("partial")}
              />{" "}
              {t("partial")}
            </label>
          </fieldset>
          <label>
            {t("note")}
            <textarea name="note" value={note} onChange={(e) => setNote(e.target.value)} />
          </label>
          <fieldset className="control-group">
            <legend>{t("sources")}</legend>
            <p className="muted">{t("sourcesHelp")}</p>
            {fieldError("provenance.sources")}
            {sources.map((s, k) => {
              const update = (change: Partial<TSource>) =>
                setSources((list) => list.map((x, i) => (i === k ? { ...x, ...change } : x)));
              return (
                <div key={k} className="import-source">
                  <label>
                    {t("outlet")}
                    <input type="text" value={s.outlet} onChange={(e) => update({ outlet: e.target.value })} />
                    {fieldError(`provenance.sources.${k}.outlet`)}
                  </label>
                  <label>
                    {t("url")}
                    <input type="url" value={s.url} onChange={(e) => update({ url: e.target.value })} />
                    {fieldError(`provenance.sources.${k}.url`)}
                  </label>
                  <label>
                    {t("sourceDate")}
                    <input type="date" value={s.date} onChange={(e) => update({ date: e.target.value })} />
                    {fieldError(`provenance.sources.${k}.date`)}
                  </label>
                  {sources.length > 1 ? (
                    <button
                      type="button"
                      onClick={() => setSources((list) => list.filter((_, i) => i !== k))}
                      aria-label={t("removeSource", { number: k + 1 })}
                    >
                      ×
                    </button>
                  ) : (
                    <span />
                  )}
                </div>
              );
            })}
            <p>
              <button type="button" onClick={() => setSources((list) => [...list, { outlet: "", url: "", date: "" }])}>
                {t("addSource")}
              </button>
            </p>
          </fieldset>
        </div>
      </section>

      <section className="import-step" aria-labelledby="import-save">
        <h2 id="import-save">{t("saveStep")}</h2>
        <p className="muted">{t("saveHelp")}</p>
        {saveProblem ? (
          <div role="alert" className="import-error">
            <p>
              {t("failed")} {saveProblem.message}
            </p>
            {saveProblem.fieldErrors && Object.keys(saveProblem.fieldErrors).length > 1 ? (
              <ul>
                {Object.entries(saveProblem.fieldErrors).map(([field, messages]) => (
                  <li key={field}>
                    {field}: {messages.join("; ")}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        <p>
          <button type="button" onClick={save} disabled={pending || access !== "allowed"}>
            {pending ? t("working") : t("save")}
          </button>
        </p>
      </section>
    </div>
  );
}
