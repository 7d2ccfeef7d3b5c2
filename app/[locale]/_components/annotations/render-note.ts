/**
 * Annotation notes are Markdown written by researchers and shown to everyone the note is shared with, so they are
 * untrusted. Two layers keep them inert:
 * 1. marked renders Markdown with raw HTML turned into visible text (a note that says `<b>` shows `<b>`), headings
 *    demoted to bold paragraphs (notes do not take part in the page outline), images turned into plain links, task
 *    checkboxes into ☐/☑ characters;
 * 2. DOMPurify then keeps only an allow-list of tags with `href` and `title` as the only attributes, links only to
 *    http(s) and mailto (which also drops javascript:, data:, vbscript: and relative links), and marks every link
 *    rel="noopener noreferrer nofollow". No style, no forms, no frames, no SVG or MathML, no images, no scripts.
 *
 * DOMPurify needs a DOM, so notes become HTML in the browser only; without one, `renderNote` returns null and the
 * caller shows the Markdown source as text. e2e/xss.e2e.ts renders a corpus of attacks through this in Chromium.
 */
import DOMPurify, { type Config } from "dompurify";
import { Marked } from "marked";

const ALLOWED_TAGS = [
  "p",
  "br",
  "strong",
  "em",
  "del",
  "code",
  "pre",
  "blockquote",
  "ul",
  "ol",
  "li",
  "a",
  "hr",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
];

/** Only absolute http(s) and mailto links (DOMPurify strips whitespace and control characters before testing). */
export const NOTE_URI_PATTERN = /^(?:https?:|mailto:)/i;

export const NOTE_SANITIZE_CONFIG: Config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR: ["href", "title"],
  ALLOWED_URI_REGEXP: NOTE_URI_PATTERN,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  KEEP_CONTENT: true,
};

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

const markdown = new Marked({
  async: false,
  gfm: true,
  breaks: true,
  renderer: {
    html(token) {
      const text = escapeHtml(token.text);
      return "block" in token && token.block ? `<p>${text}</p>\n` : text;
    },
    heading({ tokens }) {
      return `<p><strong>${this.parser.parseInline(tokens)}</strong></p>\n`;
    },
    image({ href, text }) {
      return `<a href="${escapeHtml(href)}">${escapeHtml(text || href)}</a>`;
    },
    checkbox({ checked }) {
      return checked ? "☑ " : "☐ ";
    },
  },
});

/** Markdown to HTML before sanitising: raw HTML already escaped, but links not yet filtered. */
export function toNoteHtml(source: string): string {
  return markdown.parse(source, { async: false });
}

let purifier: ReturnType<typeof DOMPurify> | null = null;

function getPurifier(): ReturnType<typeof DOMPurify> | null {
  if (typeof window === "undefined") return null;
  if (!purifier) {
    const instance = DOMPurify(window);
    if (!instance.isSupported) return null;
    instance.addHook("afterSanitizeAttributes", (node) => {
      if (node.nodeName === "A") node.setAttribute("rel", "noopener noreferrer nofollow");
    });
    purifier = instance;
  }
  return purifier;
}

/** Sanitised HTML for a note, or null where there is no DOM to sanitise with (the server). */
export function renderNote(source: string): string | null {
  const instance = getPurifier();
  if (!instance) return null;
  return instance.sanitize(toNoteHtml(source), { ...NOTE_SANITIZE_CONFIG, RETURN_TRUSTED_TYPE: false }) as string;
}
