/**
 * The interface catalogues, one file per area and language (messages/en/*.json, messages/ja/*.json), so that work
 * on one area never touches another's strings. Each file's top-level keys are next-intl namespaces; the files of a
 * language are merged, and a namespace may live in one file only (a test checks that).
 */
import enAnnotations from "./en/annotations.json";
import enCoding from "./en/coding.json";
import enCompare from "./en/compare.json";
import enCore from "./en/core.json";
import enDataset from "./en/dataset.json";
import enExport from "./en/export.json";
import enImport from "./en/import.json";
import enMatrix from "./en/matrix.json";
import enWorkspace from "./en/workspace.json";
import jaAnnotations from "./ja/annotations.json";
import jaCoding from "./ja/coding.json";
import jaCompare from "./ja/compare.json";
import jaCore from "./ja/core.json";
import jaDataset from "./ja/dataset.json";
import jaExport from "./ja/export.json";
import jaImport from "./ja/import.json";
import jaMatrix from "./ja/matrix.json";
import jaWorkspace from "./ja/workspace.json";

type TCatalogue = Record<string, unknown>;

export const CATALOGUE_FILES: Record<"en" | "ja", Record<string, TCatalogue>> = {
  en: {
    core: enCore,
    matrix: enMatrix,
    compare: enCompare,
    import: enImport,
    export: enExport,
    dataset: enDataset,
    workspace: enWorkspace,
    annotations: enAnnotations,
    coding: enCoding,
  },
  ja: {
    core: jaCore,
    matrix: jaMatrix,
    compare: jaCompare,
    import: jaImport,
    export: jaExport,
    dataset: jaDataset,
    workspace: jaWorkspace,
    annotations: jaAnnotations,
    coding: jaCoding,
  },
};

export function getMessages(locale: "en" | "ja"): TCatalogue {
  return Object.assign({}, ...Object.values(CATALOGUE_FILES[locale]));
}
