import { useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import { toCompareSearchParams, type TCompareQuery } from "@/lib/domain/compare";

type TOption = { id: string; label: string };

/**
 * The documents, party filter and display mode as a plain GET form: it works without JavaScript, and the address
 * it leads to is the permalink of the view (the JSON twin takes the same parameters).
 */
export function ComparePickers({
  query,
  documents,
  parties,
}: {
  query: TCompareQuery;
  documents: TOption[];
  parties: TOption[];
}) {
  const t = useTranslations("Compare");
  const swapped = toCompareSearchParams({ ...query, from: query.to, to: query.from }).toString();
  return (
    <form className="matrix-controls compare-pickers" method="get" aria-label={t("pickers")}>
      <div className="control-row">
        <label className="control">
          <span>{t("from")}</span>
          <select name="from" defaultValue={query.from ?? ""} required>
            <option value="" disabled>
              {t("chooseDocument")}
            </option>
            {documents.map((d) => (
              <option key={d.id} value={d.id}>
                {d.label}
              </option>
            ))}
          </select>
        </label>
        <label className="control">
          <span>{t("to")}</span>
          <select name="to" defaultValue={query.to ?? ""} required>
            <option value="" disabled>
              {t("chooseDocument")}
            </option>
            {documents.map((d) => (
              <option key={d.id} value={d.id}>
                {d.label}
              </option>
            ))}
          </select>
        </label>
        <label className="control">
          <span>{t("party")}</span>
          <select name="party" defaultValue={query.party ?? ""}>
            <option value="">{t("allParties")}</option>
            {parties.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="control compare-mode">
          <legend>{t("mode")}</legend>
          <label className="check">
            <input type="radio" name="mode" value="side" defaultChecked={query.mode === "side"} /> {t("modeSide")}
          </label>
          <label className="check">
            <input type="radio" name="mode" value="inline" defaultChecked={query.mode === "inline"} /> {t("modeInline")}
          </label>
        </fieldset>
      </div>
      <div className="control-row">
        <button type="submit">{t("submit")}</button>
        {query.from && query.to ? <Link href={`/compare?${swapped}`}>{t("swap")}</Link> : null}
      </div>
    </form>
  );
}
