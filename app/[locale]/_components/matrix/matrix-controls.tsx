"use client";

import { useRef, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { usePathname, useRouter } from "@/i18n/navigation";
import {
  parseMatrixQuery,
  toMatrixSearchParams,
  type TMatrixQuery,
  type TMatrixVocabulary,
} from "@/lib/domain/matrix/query";
import { SCALE } from "@/lib/domain/scale";

type TOption = { id: string; label: string };

/**
 * The matrix's filters as a plain GET form (it works without JavaScript through its Apply button). With
 * JavaScript each change navigates at once to the canonical address of the new view, so the URL always holds the
 * whole view state and can be copied.
 */
export function MatrixControls(props: {
  query: TMatrixQuery;
  vocabulary: TMatrixVocabulary;
  dimensions: (TOption & { count: number })[];
  parties: TOption[];
  coders: TOption[];
  lang: "en" | "ja";
}) {
  const { query, vocabulary, dimensions, parties, coders, lang } = props;
  const t = useTranslations("Matrix");
  const router = useRouter();
  const pathname = usePathname();
  const formRef = useRef<HTMLFormElement>(null);
  const [pending, startTransition] = useTransition();
  const [q, setQ] = useState(query.q);
  const [copied, setCopied] = useState(false);
  const searchTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  // The URL can change under the form (reset, back button): take its search text then.
  const [urlQ, setUrlQ] = useState(query.q);
  if (urlQ !== query.q) {
    setUrlQ(query.q);
    setQ(query.q);
  }

  const navigate = () => {
    const form = formRef.current;
    if (!form) return;
    const data = new URLSearchParams();
    for (const [key, value] of new FormData(form))
      if (typeof value === "string" && value !== "") data.append(key, value);
    let next: TMatrixQuery;
    try {
      next = parseMatrixQuery(data, vocabulary, false);
    } catch {
      return; // an incomplete date while typing: wait for a valid one
    }
    const search = toMatrixSearchParams(next, vocabulary).toString();
    startTransition(() => router.replace(search ? `${pathname}?${search}` : pathname, { scroll: false }));
  };

  const onSearchChange = (value: string) => {
    setQ(value);
    if (searchTimer.current) clearTimeout(searchTimer.current);
    searchTimer.current = setTimeout(navigate, 350);
  };

  const copyLink = async () => {
    await navigator.clipboard.writeText(window.location.href);
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  };

  const visible = new Set(query.parties);
  return (
    <form
      ref={formRef}
      className="matrix-controls"
      method="get"
      aria-label={t("filters")}
      aria-busy={pending}
      onChange={(event) => {
        if ((event.target as HTMLElement).getAttribute("name") !== "q") navigate();
      }}
      onSubmit={(event) => {
        event.preventDefault();
        navigate();
      }}
    >
      <div className="control-row">
        <label className="control">
          <span>{t("search")}</span>
          <input
            type="search"
            name="q"
            value={q}
            maxLength={200}
            placeholder={t("searchPlaceholder")}
            onChange={(e) => onSearchChange(e.target.value)}
          />
        </label>
        <label className="control">
          <span>{t("asOf")}</span>
          <input type="date" name="asOf" defaultValue={query.asOf ?? ""} key={query.asOf ?? ""} title={t("asOfHelp")} />
        </label>
        <label className="control">
          <span>{t("sort")}</span>
          <select name="sort" defaultValue={query.sort} key={query.sort}>
            <option value="order">{t("sortOrder")}</option>
            <option value="conflict">{t("sortConflict")}</option>
          </select>
        </label>
        <label className="control">
          <span>{t("group")}</span>
          <select name="group" defaultValue={query.group} key={query.group}>
            <option value="none">{t("groupNone")}</option>
            <option value="dimension">{t("groupDimension")}</option>
          </select>
        </label>
        {coders.length > 1 ? (
          <label className="control">
            <span>{t("coder")}</span>
            <select name="coder" defaultValue={query.coder} key={query.coder}>
              {coders.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>

      <fieldset className="control-group">
        <legend>{t("parties")}</legend>
        {parties.map((p) => (
          <label key={p.id} className="check">
            <input
              type="checkbox"
              name="party"
              value={p.id}
              defaultChecked={visible.has(p.id)}
              key={`${p.id}:${visible.has(p.id)}`}
              disabled={visible.has(p.id) && visible.size === 1}
            />{" "}
            {p.label}
          </label>
        ))}
      </fieldset>

      <fieldset className="control-group">
        <legend>{t("scores")}</legend>
        {SCALE.map((level) => {
          const value = level.score === null ? "none" : String(level.score);
          const checked = (query.scores as string[]).includes(value);
          return (
            <label key={value} className="check">
              <input type="checkbox" name="score" value={value} defaultChecked={checked} key={`${value}:${checked}`} />{" "}
              <span className={`score score-${level.key}`}>{lang === "ja" ? level.labelJa : level.label}</span>
            </label>
          );
        })}
      </fieldset>

      <fieldset className="control-group facets">
        <legend>{t("dimensions")}</legend>
        {dimensions.map((d) => {
          const checked = query.dimensions.includes(d.id);
          return (
            <label key={d.id} className={d.count === 0 && !checked ? "check facet-empty" : "check"}>
              <input
                type="checkbox"
                name="dimension"
                value={d.id}
                defaultChecked={checked}
                key={`${d.id}:${checked}`}
              />{" "}
              {d.label} <span className="facet-count">({d.count})</span>
            </label>
          );
        })}
      </fieldset>

      <div className="control-row">
        <noscript>
          <button type="submit">{t("apply")}</button>
        </noscript>
        <button type="button" onClick={() => startTransition(() => router.replace(pathname, { scroll: false }))}>
          {t("reset")}
        </button>
        <button type="button" onClick={copyLink}>
          {t("copyLink")}
        </button>
        <span role="status" className="muted">
          {copied ? t("copied") : ""}
        </span>
      </div>
    </form>
  );
}
