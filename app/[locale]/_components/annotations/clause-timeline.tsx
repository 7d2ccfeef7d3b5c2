import { getFormatter, getTranslations } from "next-intl/server";
import type { TChange } from "@/lib/domain/annotation/threads";
import type { TActor } from "@/lib/domain/permissions";
import { getClauseTimeline } from "@/lib/server/annotations";
import { TIME_FORMAT } from "./time-format";

const FIELDS = [
  "body",
  "purpose",
  "visibility",
  "tags",
  "exact",
  "start",
  "end",
  "anchorStatus",
  "deleted",
  "carriedFrom",
] as const;
const PURPOSES = ["commenting", "questioning", "assessing", "replying"] as const;
const VISIBILITIES = ["private", "shared"] as const;
const ANCHOR_STATUSES = ["anchored", "needs-review"] as const;
const ACTIONS = ["create", "update", "delete", "reanchor", "carry"] as const;

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

/**
 * The history of a clause, newest first: who did what and when, with a compact before → after of what changed
 * (lib/server/annotations.ts#getClauseTimeline decides which events the reader may see).
 */
export async function ClauseTimeline({ clauseId, actor }: { clauseId: string; actor: TActor | null }) {
  const [t, format, entries] = await Promise.all([
    getTranslations("Annotations"),
    getFormatter(),
    getClauseTimeline(actor, clauseId),
  ]);

  const actionLabel = (action: string) => {
    const [entity, verb] = action.split(":");
    return entity === "annotation" && verb && isOneOf(ACTIONS, verb)
      ? t(`timeline.actions.annotation.${verb}`)
      : action;
  };
  const fieldLabel = (field: string) => (isOneOf(FIELDS, field) ? t(`timeline.fields.${field}`) : field);
  const valueLabel = (field: string, value: string) => {
    if (field === "purpose" && isOneOf(PURPOSES, value)) return t(`purposes.${value}`);
    if (field === "visibility" && isOneOf(VISIBILITIES, value)) return t(`visibilities.${value}`);
    if (field === "anchorStatus" && isOneOf(ANCHOR_STATUSES, value)) return t(`timeline.anchorStatuses.${value}`);
    return value;
  };
  const changeText = (change: TChange) => {
    if (change.field === "deleted") return fieldLabel("deleted");
    if (change.before === undefined && change.after === undefined) {
      return t("timeline.changed", { field: fieldLabel(change.field) });
    }
    const after = change.after === undefined ? "—" : valueLabel(change.field, change.after);
    if (change.before === undefined) return `${fieldLabel(change.field)}: ${after}`;
    return `${fieldLabel(change.field)}: ${valueLabel(change.field, change.before)} → ${after}`;
  };

  return (
    <section aria-labelledby="timeline-heading" className="clause-timeline">
      <h2 id="timeline-heading">{t("timeline.heading")}</h2>
      {entries.length === 0 ? (
        <p className="muted">{t("timeline.empty")}</p>
      ) : (
        <ol className="timeline">
          {entries.map((entry) => (
            <li key={entry.id} className="timeline-entry" data-action={entry.action}>
              <p>
                <time dateTime={entry.at}>{format.dateTime(new Date(entry.at), TIME_FORMAT)}</time>{" "}
                <span className="timeline-actor">{entry.actor?.name ?? t("timeline.system")}</span>{" "}
                <span>{actionLabel(entry.action)}</span>
              </p>
              {entry.changes.length > 0 ? (
                <ul className="timeline-changes">
                  {entry.changes.map((change) => (
                    <li key={change.field}>{changeText(change)}</li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
