import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { e2eAccount } from "./accounts";
import { XSS_PAYLOADS } from "./fixtures/xss-payloads";
import { signInAs } from "./helpers";

const CLAUSE_ID = "us-28-2025-11-20#21";
const CLAUSE_PAGE = "/clauses/us-28-2025-11-20/21";

/** What a note may contain once rendered: the sanitiser's allow-list (render-note.ts) plus the wrapper. */
const ALLOWED_TAGS = new Set(
  "div p br strong em del code pre blockquote ul ol li a hr table thead tbody tr th td".toUpperCase().split(" "),
);

/** Issues a personal API token for the e2e coder through the admin page and reads the one-time secret. */
async function issueCoderToken(page: Page): Promise<string> {
  await signInAs(page, "admin");
  await page.getByRole("link", { name: "Project administration" }).click();
  const row = page.getByRole("row", { name: new RegExp(e2eAccount("coder").email) });
  await row.getByRole("textbox", { name: "Token name" }).fill(`xss test ${Date.now()}`);
  await row.getByRole("button", { name: "Issue token" }).click();
  const secret = row.locator('[data-testid="one-time-secret"]');
  await expect(secret).toHaveText(/^rl_/);
  return (await secret.textContent())!.trim();
}

async function createNote(request: APIRequestContext, token: string, data: Record<string, unknown>) {
  const response = await request.post("/api/annotations", { headers: { authorization: `Bearer ${token}` }, data });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()).data as { id: string; version: number };
}

test("a corpus of XSS payloads saved as notes executes nothing on the clause page, and is refused as tags", async ({
  page,
  request,
}) => {
  expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(50);
  const token = await issueCoderToken(page);
  const auth = { authorization: `Bearer ${token}` };
  const clause = (await (await request.get(`/api/clauses/us-28-2025-11-20/21`)).json()).data as { text: string };
  const start = clause.text.indexOf("Crimea");
  const selection = { start, end: start + "Crimea".length };
  const run = `xss-${Date.now()}`;

  // As tags the payloads are not dimension ids: each is refused with 400 naming `tags`, and nothing is written.
  for (const payload of XSS_PAYLOADS) {
    const response = await request.post("/api/annotations", {
      headers: auth,
      data: { clauseId: CLAUSE_ID, body: `${run} tag`, purpose: "commenting", selection, tags: [payload.markdown] },
    });
    expect(response.status(), payload.name).toBe(400);
    const body = await response.json();
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe("BAD_REQUEST");
    expect(Object.keys(body.error.fieldErrors), payload.name).toContain("tags");
  }
  const listed = await (await request.get(`/api/annotations?clause=${encodeURIComponent(CLAUSE_ID)}`)).json();
  expect(JSON.stringify(listed.data)).not.toContain(`${run} tag`);

  // As notes (shared, so every reader would get them), and as replies.
  const created: { id: string; version: number }[] = [];
  try {
    for (const [i, payload] of XSS_PAYLOADS.entries()) {
      created.push(
        await createNote(request, token, {
          clauseId: CLAUSE_ID,
          body: `${run} #${i}\n\n${payload.markdown}`,
          purpose: "commenting",
          visibility: "shared",
          tags: ["territory"],
          selection,
        }),
      );
    }
    for (const [i, payload] of XSS_PAYLOADS.slice(0, 10).entries()) {
      created.push(await createNote(request, token, { parentId: created[i].id, body: payload.markdown }));
    }

    const dialogs: string[] = [];
    page.on("dialog", async (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      await dialog.dismiss();
    });
    await page.goto(CLAUSE_PAGE);
    await expect(page.locator("[data-annotatable-text]")).toHaveAttribute("data-ready", "true");
    for (const { id } of created) {
      await expect(page.locator(`#annotation-${id} [data-note="rendered"]`)).toHaveCount(1);
    }
    await page.waitForLoadState("networkidle");
    await page.locator(".note-body").first().hover();

    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    const problems = await page.locator(".note-body").evaluateAll(
      (notes, allowed) => {
        const found: string[] = [];
        for (const note of notes) {
          for (const element of [note, ...Array.from(note.querySelectorAll("*"))]) {
            if (!allowed.includes(element.tagName)) found.push(`element ${element.tagName}`);
            for (const attribute of Array.from(element.attributes)) {
              if (/^on/i.test(attribute.name)) found.push(`${element.tagName} ${attribute.name}`);
              if (attribute.name === "style" || attribute.name === "srcdoc")
                found.push(`${element.tagName} ${attribute.name}`);
            }
            if (element.tagName === "A") {
              const href = element.getAttribute("href");
              if (href !== null && !/^(https?:|mailto:)/i.test(href)) found.push(`href ${href}`);
              if (element.getAttribute("rel") !== "noopener noreferrer nofollow") found.push("link without rel");
              if (element.hasAttribute("target")) found.push("link with target");
            }
          }
        }
        return found;
      },
      [...ALLOWED_TAGS],
    );
    expect(problems).toEqual([]);
    expect(await page.locator('.note-body a[href^="javascript" i]').count()).toBe(0);

    // Markup a note quotes is shown as text rather than dropped.
    await expect(page.locator(`#annotation-${created[0].id} .note-body`)).toContainText(
      "<script>window.__xss=1</script>",
    );
  } finally {
    for (const { id, version } of created.reverse()) {
      await request.delete(`/api/annotations/${id}?version=${version}`, { headers: auth });
    }
  }
});
