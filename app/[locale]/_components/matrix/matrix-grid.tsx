"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import {
  columnPinningFeature,
  columnVisibilityFeature,
  createColumnHelper,
  flexRender,
  tableFeatures,
  useTable,
} from "@tanstack/react-table";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useRouter } from "@/i18n/navigation";
import type { TMatrix, TMatrixCell, TMatrixRow } from "@/lib/domain/matrix/build";
import { LocalizedText } from "../localized-text";
import { EvidencePanel } from "./evidence-panel";
import "../../../dataset.css";
import "@/app/compare.css";

const features = tableFeatures({ columnVisibilityFeature, columnPinningFeature });
const columnHelper = createColumnHelper<typeof features, TMatrixRow>();

type TItem =
  { kind: "group"; key: string; dimensionId: string | null } | { kind: "row"; key: string; rowIndex: number };

export type TMatrixGridProps = {
  documentId: string;
  documentTitle: string;
  rows: TMatrixRow[];
  parties: TMatrix["parties"];
  groups: TMatrix["groups"];
  dimensionLabels: Record<string, string>;
  asOf: string | null;
  coder: string;
};

const ROW_ESTIMATE = 76;

/**
 * The clause × party grid: TanStack Table v9 for the columns (clause column pinned at the start, one per visible
 * party), TanStack Virtual so that only the rows in view (plus a small overscan) are in the DOM at any size, and
 * the WAI-ARIA grid pattern (one tab stop, arrow keys between cells, Enter opens a cell's evidence).
 */
export function MatrixGrid(props: TMatrixGridProps) {
  const { documentId, documentTitle, rows, parties, groups, dimensionLabels, asOf, coder } = props;
  const t = useTranslations("Matrix");
  const tr = useTranslations("Releases");
  const tb = useTranslations("Coding");
  const ti = useTranslations("Import");
  const lang = useLocale();
  const router = useRouter();
  const untranslated = useTranslations("Site")("untranslated");

  const columns = useMemo(
    () => [
      columnHelper.display({
        id: "clause",
        header: () => t("clauseColumn"),
        cell: ({ row }) => (
          <ClauseCellContent row={row.original} dimensionLabels={dimensionLabels} untranslated={untranslated} />
        ),
      }),
      ...parties.map((party, index) =>
        columnHelper.display({
          id: party.id,
          header: () => <LocalizedText value={party.name} untranslatedLabel={untranslated} />,
          cell: ({ row }) => (
            <PartyCellContent
              prefix={t("cellPrefix", { number: row.original.number, party: party.name.text })}
              cell={row.original.cells[index]}
              dimensionLabels={dimensionLabels}
              notAssessed={t("notAssessed")}
              blindText={tb("blindCell")}
              laterTitle={asOf ? t("laterEvidence", { date: asOf }) : null}
              inherited={{ text: ti("inheritedMark"), title: ti("inheritedTitle") }}
              newEvidenceText={
                row.original.cells[index].newEvidence
                  ? tr("newEvidenceMark", { release: row.original.cells[index].newEvidence!.releaseId })
                  : null
              }
            />
          ),
        }),
      ),
    ],
    [parties, dimensionLabels, untranslated, asOf, t, tr, tb, ti],
  );

  const table = useTable({
    features,
    columns,
    data: rows,
    getRowId: (row) => row.clauseId,
    initialState: { columnPinning: { start: ["clause"], end: [] } },
  });
  const tableRows = table.getRowModel().rows;

  const items = useMemo<TItem[]>(() => {
    if (!groups) return rows.map((r, rowIndex) => ({ kind: "row", key: r.clauseId, rowIndex }));
    const indexById = new Map(rows.map((r, i) => [r.clauseId, i]));
    return groups.flatMap((g): TItem[] => [
      { kind: "group", key: `group:${g.dimensionId ?? ""}`, dimensionId: g.dimensionId },
      ...g.clauseIds.map((id): TItem => ({
        kind: "row",
        key: `${g.dimensionId ?? ""}:${id}`,
        rowIndex: indexById.get(id)!,
      })),
    ]);
  }, [rows, groups]);

  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer's functions are used in this component only
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (items[i]?.kind === "group" ? 40 : ROW_ESTIMATE),
    overscan: 6,
    getItemKey: (i) => items[i].key,
  });

  const firstRowItem = items.findIndex((i) => i.kind === "row");
  const [active, setActive] = useState<{ item: number; col: number }>({ item: Math.max(firstRowItem, 0), col: 1 });
  const [pendingFocus, setPendingFocus] = useState(false);
  const [open, setOpen] = useState<{ item: number; col: number } | null>(null);
  const columnCount = parties.length + 1;

  // Keep the active cell on a row that exists after the filters change.
  const activeItem =
    active.item < items.length && items[active.item]?.kind === "row" ? active.item : Math.max(firstRowItem, 0);

  const moveTo = useCallback(
    (item: number, col: number) => {
      setActive({ item, col });
      setPendingFocus(true);
      virtualizer.scrollToIndex(item, { align: "auto" });
    },
    [virtualizer],
  );

  // Runs after every render until the target cell exists: a row scrolled into view mounts a render later.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (!pendingFocus) return;
    const el = scrollRef.current?.querySelector<HTMLElement>(`[data-cell="${activeItem}:${active.col}"]`);
    if (el) {
      el.focus({ preventScroll: true });
      setPendingFocus(false);
    }
  });

  const rowItemIndexes = useMemo(() => items.flatMap((it, i) => (it.kind === "row" ? [i] : [])), [items]);

  const openCell = (item: number, col: number) => {
    if (col === 0) {
      const it = items[item];
      if (it.kind === "row") router.push(`/clauses/${documentId}/${rows[it.rowIndex].number}`);
      return;
    }
    setOpen({ item, col });
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    if (rowItemIndexes.length === 0) return;
    const position = rowItemIndexes.indexOf(activeItem);
    const toRow = (p: number) => rowItemIndexes[Math.min(Math.max(p, 0), rowItemIndexes.length - 1)];
    let next: { item: number; col: number } | null = null;
    switch (event.key) {
      case "ArrowDown":
        next = { item: toRow(position + 1), col: active.col };
        break;
      case "ArrowUp":
        next = { item: toRow(position - 1), col: active.col };
        break;
      case "ArrowRight":
        next = { item: activeItem, col: Math.min(active.col + 1, columnCount - 1) };
        break;
      case "ArrowLeft":
        next = { item: activeItem, col: Math.max(active.col - 1, 0) };
        break;
      case "PageDown":
        next = { item: toRow(position + 10), col: active.col };
        break;
      case "PageUp":
        next = { item: toRow(position - 10), col: active.col };
        break;
      case "Home":
        next = event.ctrlKey ? { item: toRow(0), col: 0 } : { item: activeItem, col: 0 };
        break;
      case "End":
        next = event.ctrlKey
          ? { item: toRow(rowItemIndexes.length - 1), col: columnCount - 1 }
          : { item: activeItem, col: columnCount - 1 };
        break;
      case "Enter":
      case " ":
        event.preventDefault();
        openCell(activeItem, active.col);
        return;
      default:
        return;
    }
    event.preventDefault();
    moveTo(next.item, next.col);
  };

  const closePanel = () => {
    if (open) moveTo(open.item, open.col);
    setOpen(null);
  };

  const openRow = open ? items[open.item] : null;
  const openMatrixRow = openRow?.kind === "row" ? rows[openRow.rowIndex] : null;
  const openParty = open ? parties[open.col - 1] : null;
  const headerGroup = table.getHeaderGroups()[0];
  // Fixed column widths: every row is its own CSS grid (rows are virtualised), so fr units would not line up.
  const template = `20rem repeat(${parties.length}, 9.5rem)`;

  return (
    <div className="matrix-layout">
      <div
        className="matrix-scroll"
        ref={scrollRef}
        role="grid"
        aria-label={t("gridLabel", { title: documentTitle })}
        aria-rowcount={items.length + 1}
        aria-colcount={columnCount}
        onKeyDown={onKeyDown}
      >
        <div
          className="matrix-row matrix-header"
          role="row"
          aria-rowindex={1}
          style={{ gridTemplateColumns: template }}
        >
          {headerGroup.headers.map((header) => (
            <div
              key={header.id}
              role="columnheader"
              className={header.column.getIsPinned() ? "matrix-cell matrix-pinned" : "matrix-cell"}
            >
              {flexRender(header.column.columnDef.header, header.getContext())}
            </div>
          ))}
        </div>
        <div className="matrix-body" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((virtual) => {
            const item = items[virtual.index];
            const style = { transform: `translateY(${virtual.start}px)`, gridTemplateColumns: template };
            if (item.kind === "group") {
              return (
                <div
                  key={virtual.key}
                  role="row"
                  aria-rowindex={virtual.index + 2}
                  className="matrix-row matrix-group"
                  data-index={virtual.index}
                  ref={virtualizer.measureElement}
                  style={style}
                >
                  <div role="gridcell" aria-colspan={columnCount} className="matrix-cell matrix-pinned">
                    {item.dimensionId ? (dimensionLabels[item.dimensionId] ?? item.dimensionId) : t("ungrouped")}
                  </div>
                </div>
              );
            }
            const row = tableRows[item.rowIndex];
            return (
              <div
                key={virtual.key}
                role="row"
                aria-rowindex={virtual.index + 2}
                className="matrix-row"
                data-index={virtual.index}
                data-clause={row.original.number}
                ref={virtualizer.measureElement}
                style={style}
              >
                {row.getVisibleCells().map((cell, col) => {
                  const isActive = activeItem === virtual.index && active.col === col;
                  const common = {
                    "data-cell": `${virtual.index}:${col}`,
                    tabIndex: isActive ? 0 : -1,
                    onFocus: () => {
                      if (!isActive) setActive({ item: virtual.index, col });
                    },
                    onClick: () => {
                      setActive({ item: virtual.index, col });
                      if (col > 0) setOpen({ item: virtual.index, col });
                    },
                  };
                  if (col === 0) {
                    return (
                      <div
                        key={cell.id}
                        role="rowheader"
                        className="matrix-cell matrix-pinned matrix-clause"
                        {...common}
                      >
                        {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      </div>
                    );
                  }
                  const matrixCell = row.original.cells[col - 1];
                  const party = parties[col - 1];
                  return (
                    <div
                      key={cell.id}
                      role="gridcell"
                      className={`matrix-cell matrix-score score-${matrixCell.key}`}
                      aria-haspopup="dialog"
                      data-party={party.id}
                      {...common}
                    >
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </div>
                  );
                })}
              </div>
            );
          })}
        </div>
        {items.length === 0 ? <p className="matrix-empty">{t("noRows")}</p> : null}
      </div>
      {open && openMatrixRow && openParty ? (
        <EvidencePanel
          key={`${openMatrixRow.clauseId}:${openParty.id}`}
          documentId={documentId}
          clauseNumber={openMatrixRow.number}
          partyId={openParty.id}
          partyName={openParty.name.text}
          coder={coder}
          asOf={asOf}
          lang={lang}
          dimensionLabels={dimensionLabels}
          inherited={openMatrixRow.cells[open.col - 1]?.status === "inherited"}
          onClose={closePanel}
        />
      ) : null}
    </div>
  );
}

function ClauseCellContent({
  row,
  dimensionLabels,
  untranslated,
}: {
  row: TMatrixRow;
  dimensionLabels: Record<string, string>;
  untranslated: string;
}) {
  return (
    <>
      <span className="clause-number">{row.number}</span>{" "}
      <span className="matrix-clause-title">
        <LocalizedText value={row.title} untranslatedLabel={untranslated} />
      </span>
      {row.topics.length ? (
        <span className="matrix-topics">
          {row.topics.map((id) => (
            <span key={id} className="chip">
              {dimensionLabels[id] ?? id}
            </span>
          ))}
        </span>
      ) : null}
    </>
  );
}

/**
 * A cell's content is also its accessible name ("Clause 21 × Ukraine: Crosses red line (Territory)"): the clause and
 * party are said by a visually hidden prefix, symbols are hidden from screen readers, and nothing else names the
 * cell, so the visible words are always part of the name (WCAG 2.5.3).
 */
function PartyCellContent({
  prefix,
  cell,
  dimensionLabels,
  notAssessed,
  blindText,
  laterTitle,
  newEvidenceText,
  inherited,
}: {
  prefix: string;
  cell: TMatrixCell;
  dimensionLabels: Record<string, string>;
  notAssessed: string;
  /** "Hidden until you code this cell" (blind coding). */
  blindText: string;
  laterTitle: string | null;
  /** "✚ New evidence since 2026-06": visible text, also in the cell's accessible name. */
  newEvidenceText: string | null;
  /** "inherited, needs review": shown on cells carried from an earlier version (also in the accessible name). */
  inherited: { text: string; title: string };
}) {
  return (
    <>
      <span className="matrix-score-label">
        <span className="visually-hidden">{prefix} </span>
        {cell.key === "unassessed" ? notAssessed : cell.key === "blind" ? blindText : cell.label}
        {cell.laterEvidenceIds.length > 0 && laterTitle ? (
          <span className="later-mark" title={laterTitle} aria-hidden="true">
            {" "}
            †
          </span>
        ) : null}
      </span>
      {cell.redLines.length > 0 ? (
        <span className="matrix-red-line">
          <span aria-hidden="true">▲ </span>
          <span className="visually-hidden"> (</span>
          {cell.redLines.map((r) => dimensionLabels[r.dimensionId] ?? r.dimensionId).join(", ")}
          <span className="visually-hidden">)</span>
        </span>
      ) : null}
      {cell.status === "inherited" ? (
        <span className="inherited-mark" title={inherited.title}>
          <span className="visually-hidden">; </span>
          {inherited.text}
        </span>
      ) : null}
      {newEvidenceText ? (
        <span className="new-evidence-mark">
          <span className="visually-hidden">; </span>
          {newEvidenceText}
        </span>
      ) : null}
    </>
  );
}
