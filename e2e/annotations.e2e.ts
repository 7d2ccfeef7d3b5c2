import { expect, test, type Locator, type Page } from "@playwright/test";
import { signInAs } from "./helpers";

const CLAUSE_PAGE = "/clauses/us-28-2025-11-20/21";
const CLAUSE_ID = "us-28-2025-11-20#21";

const clauseText = (page: Page) => page.locator(`[data-annotatable-text="${CLAUSE_ID}"]`);

/** Opens the clause page and waits until it is interactive (the text marks itself ready once hydrated). */
async function openClause(page: Page): Promise<void> {
  await page.goto(CLAUSE_PAGE);
  await expect(clauseText(page)).toHaveAttribute("data-ready", "true");
}

/** Selects `phrase` in the clause text as a reader's mouse would: a DOM Range over the text nodes holding it. */
async function selectPhrase(text: Locator, phrase: string): Promise<void> {
  await text.evaluate((container, wanted) => {
    const at = (container.textContent ?? "").indexOf(wanted);
    if (at < 0) throw new Error(`'${wanted}' is not in the clause text`);
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let offset = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const length = node.textContent?.length ?? 0;
      if (at >= offset && at <= offset + length) range.setStart(node, at - offset);
      if (at + wanted.length >= offset && at + wanted.length <= offset + length) {
        range.setEnd(node, at + wanted.length - offset);
        break;
      }
      offset += length;
    }
    const selection = document.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  }, phrase);
}

/** Annotates `phrase` with a shared question tagged Territory; `shown` is the note's text once rendered. */
async function annotate(page: Page, phrase: string, note: string, shown = note): Promise<Locator> {
  await selectPhrase(clauseText(page), phrase);
  const form = page.getByRole("form", { name: "Annotate the selected words" });
  await expect(form.locator("blockquote")).toHaveText(phrase);
  await form.getByLabel("Note (Markdown)").fill(note);
  await form.getByLabel("Purpose").selectOption("questioning");
  await form.getByRole("checkbox", { name: "Territory", exact: true }).check();
  await form.getByRole("radio", { name: "Everyone in the project" }).check();
  await form.getByRole("button", { name: "Save annotation" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Annotation saved." })).toBeVisible();
  const article = page.locator("article.annotation", { hasText: shown });
  await expect(article).toBeVisible();
  return page.locator(`#${await article.getAttribute("id")}`);
}

async function deleteArticle(article: Locator): Promise<void> {
  await article.getByRole("button", { name: "Delete" }).click();
  await article.getByRole("button", { name: "Yes, delete" }).click();
  await expect(article).toBeHidden();
}

test("a coder selects a phrase of clause 21, annotates it, and replies in the thread", async ({ page }) => {
  const run = Date.now();
  const note = `Recognised by whom, and binding on whom? (e2e ${run})`;
  const replyText = `Only the US says so in this draft (e2e ${run}).`;
  await signInAs(page, "coder");
  await openClause(page);
  await expect(page.getByText("Select words in the clause text to annotate them.")).toBeVisible();

  const article = await annotate(page, "current line of contact", `**${note}**`, note);
  await expect(article.locator("blockquote")).toHaveText("current line of contact");
  await expect(article.getByRole("heading", { level: 3 })).toContainText("Question");
  await expect(article.locator(".note-body strong")).toHaveText(note);
  await expect(article.getByRole("list", { name: "Tags from the codebook" })).toHaveText("Territory");
  const id = (await article.getAttribute("id"))!.replace(/^annotation-/, "");
  await expect(page.locator(`mark[data-annotations~="${id}"]`)).toHaveText("current line of contact");

  const thread = page.locator(".annotation-threads > li").filter({ has: page.locator(`#annotation-${id}`) });
  await thread.getByRole("button", { name: "Reply" }).click();
  await thread.getByLabel("Your reply (Markdown)").fill(replyText);
  await thread.getByRole("button", { name: "Send reply" }).click();
  const reply = thread.getByRole("list", { name: "Replies" }).locator("article", { hasText: replyText });
  await expect(reply).toBeVisible();
  await expect(reply.getByRole("heading", { level: 3 })).toContainText("Reply");

  await page.reload();
  await expect(clauseText(page)).toHaveAttribute("data-ready", "true");
  await expect(page.locator(`#annotation-${id}`)).toContainText(note);
  await expect(thread.locator("article", { hasText: replyText })).toBeVisible();
  const history = page.getByRole("region", { name: "History" });
  await expect(history.locator(".timeline-entry").first()).toContainText("added an annotation");
  await expect(history.locator(".timeline-entry").first()).toContainText("E2E coder");

  // Clean up through the interface: the reply, then the annotation, which then leaves no placeholder.
  await deleteArticle(thread.locator("article", { hasText: replyText }));
  await deleteArticle(page.locator(`#annotation-${id}`));
  await expect(page.locator(`mark[data-annotations~="${id}"]`)).toHaveCount(0);
});

test("a stale edit is not saved silently: the page offers to reload or keep one's text", async ({ browser }) => {
  const context = await browser.newContext();
  const first = await context.newPage();
  await signInAs(first, "coder");
  await openClause(first);
  const note = `Conflict check (e2e ${Date.now()})`;
  const article = await annotate(first, "buffer zone", note);

  const second = await context.newPage();
  await openClause(second);
  await article.getByRole("button", { name: "Edit" }).click();
  await article.getByLabel("Note (Markdown)").fill(`${note} — edited in tab one`);

  const other = second.locator(`#${await article.getAttribute("id")}`);
  await other.getByRole("button", { name: "Edit" }).click();
  await other.getByLabel("Note (Markdown)").fill(`${note} — edited in tab two`);
  await other.getByRole("button", { name: "Save changes" }).click();
  await expect(second.locator("article.annotation", { hasText: "edited in tab two" })).toBeVisible();

  await article.getByRole("button", { name: "Save changes" }).click();
  const conflict = article.getByRole("alert");
  await expect(conflict).toContainText("Someone changed this while you were editing it.");
  await expect(conflict).toContainText("edited in tab two");
  await expect(conflict.getByRole("button", { name: "Reload" })).toBeVisible();
  await conflict.getByRole("button", { name: "Keep my text" }).click();
  await expect(article.locator(".note-body")).toHaveText(`${note} — edited in tab one`);
  await expect(article.getByRole("alert")).toHaveCount(0);

  await deleteArticle(article);
  await context.close();
});

test("a signed-out reader sees shared annotations read-only and a way to sign in", async ({ browser, page }) => {
  const context = await browser.newContext();
  const coder = await context.newPage();
  await signInAs(coder, "coder");
  await openClause(coder);
  const note = `Visible to readers (e2e ${Date.now()})`;
  await annotate(coder, "neutral demilitarised buffer zone", note);

  await openClause(page);
  const article = page.locator("article.annotation", { hasText: note });
  await expect(article).toBeVisible();
  await expect(article.getByRole("button")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Reply" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Sign in to annotate" })).toHaveAttribute(
    "href",
    /\/sign-in\?next=%2Fclauses%2Fus-28-2025-11-20%2F21/,
  );

  await deleteArticle(coder.locator("article.annotation", { hasText: note }));
  await context.close();
});
