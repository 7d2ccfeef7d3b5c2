/**
 * The closed vocabularies of annotations, free of zod so that the browser bundle can use them (the forms).
 * Purposes live in w3c.ts, since they are W3C motivations.
 */
export const ANNOTATION_VISIBILITIES = ["private", "shared"] as const;
export type TAnnotationVisibility = (typeof ANNOTATION_VISIBILITIES)[number];

/** The languages a clause text exists in; a selection is made on one of them. */
export const ANCHOR_LANGUAGES = ["en", "ja"] as const;
export type TAnchorLanguage = (typeof ANCHOR_LANGUAGES)[number];
