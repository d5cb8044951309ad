// End-to-end tests of the shell around the steps (issue 10, items 4, 5, 7
// and 8): findings in plain words and step state from the core's findings,
// the layout down to 1024 x 700, undo that shows itself, the header, the
// command palette, step keys, dates in the locale and the recent list.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { browser, startApp, $, withShot, waitText, type, step, useDriver } from "./harness.mjs";

useDriver();

/** The element's box, and whether all of it is inside the window. */
async function inWindow(sel) {
  return browser.execute((s) => {
    const el = document.querySelector(s);
    if (!el) return { ok: false, why: "missing" };
    const r = el.getBoundingClientRect();
    const ok = r.width > 0 && r.left >= 0 && r.top >= 0 && r.right <= window.innerWidth && r.bottom <= window.innerHeight;
    return { ok, r: [r.left, r.top, r.right, r.bottom], w: window.innerWidth, h: window.innerHeight };
  }, sel);
}

test("at 1024 x 700 the header's Save and Export are on screen and work", withShot("shell 1024x700 save export", async () => {
  await startApp();
  await browser.setWindowSize(1024, 700);
  await (await $("#sample-it-service-desk")).waitForClickable({ timeout: 15000 });
  await (await $("#sample-it-service-desk")).click();
  await waitText("#step-title", (t) => t === "Basics");
  const inner = await browser.execute(() => [window.innerWidth, window.innerHeight]);
  assert.ok(inner[0] <= 1024 && inner[0] >= 1000, `window is ${inner}`);
  for (const sel of ["#save", "#export", "#menu", "#findings-count"]) {
    const box = await inWindow(sel);
    assert.ok(box.ok, `${sel} is not inside the window: ${JSON.stringify(box)}`);
    assert.ok(await (await $(sel)).isClickable(), `${sel} is not clickable`);
  }
  // The header says the agreement's title and status; the file on hover.
  // (WebKit's driver reads an ellipsised title as empty: ask the page.)
  const head = await browser.execute(() => ({
    title: document.getElementById("doc-name")?.textContent ?? "",
    status: document.getElementById("doc-status")?.textContent ?? "",
    hover: document.getElementById("doc-head")?.getAttribute("title") ?? "",
  }));
  assert.match(head.title, /^IT Service Desk Service Level Agreement/);
  assert.equal(head.status, "Approved");
  assert.match(head.hover, /not saved yet/);
  // The form does not scroll sideways.
  const sideways = await browser.execute(() => { const f = document.getElementById("form"); return f.scrollWidth - f.clientWidth; });
  assert.ok(sideways <= 1, `the form overflows by ${sideways}px`);

  await (await $("#save")).click();
  await waitText("#toast", (t) => t.startsWith("Saved"));
  assert.match(await (await $("#doc-head")).getAttribute("title"), /it-service-desk[\w-]*\.agreement\.json$/);
  await (await $("#export")).click();
  const result = await $("#export-result");
  await result.waitForExist({ timeout: 60000 });
  const pdf = await result.getAttribute("data-path");
  assert.ok(pdf.endsWith(".pdf") && existsSync(pdf), pdf);
}));

test("the first edit of the approved sample asks first; going on returns it to draft", withShot("shell approved edit", async () => {
  await step("basics");
  const title = await $("#f-document-title");
  const before = await title.getValue();
  await title.scrollIntoView({ block: "center" });
  await title.click();
  await title.addValue("!");
  await waitText("#modal-title", (t) => t === "Edit an approved agreement?");
  assert.match(await (await $("#modal-body")).getText(), /^This agreement is approved\. .+ approved version 2\.1 on .+ Editing it returns it to draft/);
  await (await $("button=Cancel")).click();
  await browser.waitUntil(async () => !(await (await $("#modal-title")).isExisting()), { timeout: 5000 });
  assert.equal(await title.getValue(), before);
  assert.equal(await browser.execute(() => document.getElementById("doc-status")?.textContent), "Approved");
  await title.addValue("!");
  await waitText("#modal-title", (t) => t === "Edit an approved agreement?");
  await (await $("button=Edit and return to draft")).click();
  await waitText("#toast", (t) => t.startsWith("Returned to draft"));
  await browser.waitUntil(async () => (await browser.execute(() => document.getElementById("doc-status")?.textContent)) === "Draft", { timeout: 5000, timeoutMsg: "status is not Draft" });
  assert.equal(await (await $("#f-document-status")).getValue(), "draft");
  // Back as it was; the approval on record stays in the history, and Approve is offered again.
  await type("#f-document-title", before);
  await (await $("#approve-open")).waitForExist({ timeout: 10000 });
}));

test("findings name the field in words; pointers only in the details; steps count the core's findings", withShot("shell findings plain", async () => {
  await step("basics");
  await type("#f-document-title", "");
  await step("review");
  await (await $("a.finding-link[data-pointer='/document/title']")).waitForExist({ timeout: 10000 });
  const rows = await browser.execute(() =>
    Array.from(document.querySelectorAll(".findings li")).map((li) => ({
      field: li.querySelector(".finding-field")?.textContent ?? "",
      message: li.querySelector(".finding-message")?.textContent ?? "",
      visible: li.querySelector("a.finding-link")?.innerText ?? "",
      pointer: li.querySelector("details .ptr")?.textContent ?? "",
    })),
  );
  assert.ok(rows.length > 0);
  for (const r of rows) {
    assert.ok(r.field.length > 0, JSON.stringify(r));
    assert.ok(!r.visible.includes("`") && !/\/[a-z_]+\/\d*/.test(r.visible), `pointer or parser text shown: ${JSON.stringify(r)}`);
    assert.ok(r.pointer.startsWith("/") || r.pointer === "/", JSON.stringify(r));
  }
  const title = rows.find((r) => r.pointer === "/document/title");
  assert.equal(title.field, "Title");
  // Basics has an error now: no tick, and it says so.
  const basics = await $("#step-basics");
  assert.equal(await basics.getAttribute("data-state"), "error");
  // The count is the core's: the blank title is the one error on Basics
  // (the earlier approval, now of another text, is a note there).
  const onBasics = rows.filter((r) => r.pointer.startsWith("/document/"));
  assert.deepEqual(onBasics.map((r) => r.pointer).sort(), ["/document/change_history/4/approval", "/document/title"]);
  assert.match(await basics.getText(), /1 to fix/);
  await step("basics");
  await type("#f-document-title", "IT Service Desk SLA");
  await browser.waitUntil(async () => (await basics.getAttribute("data-state")) !== "error", { timeout: 10000, timeoutMsg: "Basics still shows an error" });
}));

test("undo goes to the step and field it changed and says what it undid; Ctrl+Z in a text box stays its own", withShot("shell undo", async () => {
  await step("basics");
  await type("#f-document-version", "9.9");
  await step("support");
  await (await $("#step-title")).click();
  await browser.keys(["Control", "z"]);
  await waitText("#step-title", (t) => t === "Basics");
  await waitText("#toast", (t) => t === "Undid: Version");
  assert.equal(await browser.execute(() => document.activeElement?.id), "f-document-version");
  assert.notEqual(await (await $("#f-document-version")).getValue(), "9.9");
  // Redo from another step comes back here too.
  await step("levels");
  await (await $("#step-title")).click();
  await browser.keys(["Control", "Shift", "z"]);
  await waitText("#step-title", (t) => t === "Basics");
  await waitText("#toast", (t) => t === "Redid: Version");
  // Inside a text box, Ctrl+Z is the box's: the step stays, other fields keep their edits.
  await type("#f-document-reference", "SLA-X");
  await step("stakeholders");
  await step("basics");
  await type("#f-document-owner", "");
  await (await $("#f-document-owner")).addValue("abc");
  await browser.keys(["Control", "z"]);
  assert.equal(await (await $("#step-title")).getText(), "Basics");
  assert.equal(await (await $("#f-document-reference")).getValue(), "SLA-X");
}));

test("Ctrl+K lists every action with its shortcut; step keys move between steps", withShot("shell palette", async () => {
  await (await $("#step-title")).click();
  await browser.keys(["Control", "k"]);
  await (await $("#palette")).waitForDisplayed({ timeout: 5000 });
  assert.equal(await (await $("#cmd-save kbd")).getText(), "Ctrl+S");
  assert.equal(await (await $("#cmd-export kbd")).getText(), "Ctrl+E");
  assert.equal(await (await $("#cmd-next kbd")).getText(), "Alt+→");
  await (await $("#palette-input")).addValue("go to support");
  await browser.keys("Enter");
  await waitText("#step-title", (t) => t === "Support");
  assert.equal(await (await $("#palette")).isExisting(), false);
  await (await $("#step-title")).click();
  await browser.keys(["Alt", "ArrowRight"]);
  await waitText("#step-title", (t) => t === "Co-creation");
  await browser.keys(["Control", "PageUp"]);
  await waitText("#step-title", (t) => t === "Support");
  // The header's menu button opens the same list.
  await (await $("#menu")).click();
  await (await $("#palette")).waitForDisplayed({ timeout: 5000 });
  await browser.keys("Escape");
  await browser.waitUntil(async () => !(await (await $("#palette")).isExisting()), { timeout: 5000 });
}));

test("at 1024 x 700: priorities in stacked rows, cards closed to one line, the preview collapsible and resizable", withShot("shell layout", async () => {
  await step("support");
  const rows = await browser.execute(() =>
    Array.from(document.querySelectorAll(".priority-row")).map((r) => {
      const b = r.getBoundingClientRect();
      const f = document.getElementById("form").getBoundingClientRect();
      const inputs = Array.from(r.querySelectorAll("input, select, button")).map((i) => i.getBoundingClientRect());
      return { inside: b.right <= f.right + 1, narrowest: Math.min(...inputs.map((i) => i.width)) };
    }),
  );
  assert.ok(rows.length >= 4, "the sample's priorities are rows");
  for (const r of rows) {
    assert.ok(r.inside, "a priority row leaves the form");
    assert.ok(r.narrowest >= 28, `a priority field is ${r.narrowest}px wide`);
  }
  await step("stakeholders");
  const people = await browser.execute(() =>
    Array.from(document.querySelectorAll(".form .card")).filter((c) => /^\/stakeholders\/\d+$/.test(c.getAttribute("data-ptr") ?? "")).map((c) => c.classList.contains("closed")),
  );
  assert.ok(people.length > 3);
  assert.ok(people.every(Boolean), "a long list starts closed");
  const tall = await browser.execute(() => document.getElementById("form").scrollHeight);
  assert.ok(tall < 2500, `the closed Stakeholders step is ${tall}px tall`);
  await (await $(".form .card[data-ptr='/stakeholders/0'] .card-toggle")).click();
  assert.equal(await (await $(".form .card[data-ptr='/stakeholders/0']")).getAttribute("class"), "card open");
  assert.ok(await (await $("#f-stakeholders-0-name")).isExisting());

  // The preview: hide it, show it, make it wider from its edge (remembered).
  const formWidth = () => browser.execute(() => document.getElementById("form").clientWidth);
  const before = await formWidth();
  await (await $("#preview-toggle")).click();
  await (await $(".preview.closed")).waitForExist({ timeout: 5000 });
  assert.ok((await formWidth()) > before + 200);
  await (await $("#preview-toggle")).click();
  await (await $("#preview-resize")).waitForExist({ timeout: 5000 });
  const w0 = Number(await (await $("#preview-resize")).getAttribute("aria-valuenow"));
  const shown = () => browser.execute(() => document.querySelector(".preview").getBoundingClientRect().width);
  const shown0 = await shown();
  await browser.execute(() => document.getElementById("preview-resize").focus());
  for (let i = 0; i < 5; i++) await browser.keys("ArrowRight");
  const w1 = Number(await (await $("#preview-resize")).getAttribute("aria-valuenow"));
  assert.equal(w1, w0 - 100);
  assert.ok((await shown()) < shown0 - 10, `the preview is ${await shown()}px, was ${shown0}px`);
  assert.equal(await browser.execute(() => localStorage.getItem("pactwright.previewWidth")), String(w1));
  for (const sel of ["#save", "#export"]) assert.ok((await inWindow(sel)).ok, `${sel} off screen`);
}));

test("dates show as the system locale writes them; an empty date is empty", withShot("shell dates", async () => {
  await step("basics");
  const shown = await (await $("#f-document-effective_date")).getValue();
  // As the locale writes it (the engine's default where the system's
  // locale is one it does not know, as "C" on a bare CI machine).
  const want = await browser.execute(() => {
    const options = { year: "numeric", month: "2-digit", day: "2-digit", timeZone: "UTC" };
    let f;
    try { f = new Intl.DateTimeFormat(navigator.language, options); } catch { f = new Intl.DateTimeFormat(undefined, options); }
    return f.format(new Date(Date.UTC(2026, 0, 1)));
  });
  assert.equal(shown, want);
  assert.notEqual(shown, "2026-01-01");
  assert.equal(await (await $("#f-document-effective_date")).getAttribute("data-iso"), "2026-01-01");
  await step("terms");
  const end = await $("#f-terms-end_date");
  assert.equal(await end.getValue(), "");
  assert.match(await end.getAttribute("placeholder"), /^[dmy]+\W[dmy]+\W[dmy]+$/);
}));

test("recent files are listed by title with kind and date", withShot("shell recent", async () => {
  await browser.keys(["Control", "s"]);
  await waitText("#toast", (t) => t.startsWith("Saved"));
  await (await $("#step-title")).click();
  await browser.keys(["Control", "n"]);
  await (await $("#recent-list")).waitForExist({ timeout: 10000 });
  const first = await $("#recent-list li button");
  assert.equal(await first.$(".file-name").getText(), "IT Service Desk SLA");
  const meta = await first.$(".file-meta").getText();
  assert.match(meta, /^SLA · .+ · it-service-desk[\w-]*\.agreement\.json$/);
  assert.match(await first.getAttribute("title"), /\/it-service-desk[\w-]*\.agreement\.json$/);
}));

test("a changed draft is approved again in the window, through the core, and the record shows where it is", withShot("shell approve", async () => {
  // From the start screen the recent test left (or a fresh start): a fresh copy of the sample.
  if (!browser) await startApp();
  await (await $("#sample-it-service-desk")).waitForClickable({ timeout: 15000 });
  await (await $("#sample-it-service-desk")).click();
  await waitText("#step-title", (t) => t === "Basics");
  await waitText("#approval-state", (t) => /approved version 2\.1 on .+, of the text as it is/.test(t));
  const version = await $("#f-document-version");
  await version.scrollIntoView({ block: "center" });
  await version.click();
  await version.addValue(".");
  await waitText("#modal-title", (t) => t === "Edit an approved agreement?");
  await (await $("button=Edit and return to draft")).click();
  // The keystroke that asked is kept.
  await browser.waitUntil(async () => (await version.getValue()) === "2.1.", { timeout: 5000, timeoutMsg: "the first keystroke was lost" });
  await type("#f-document-version", "2.1.1");
  await (await $("#f-document-title")).click(); // leaving the version adds its change entry
  await (await $("#approve-open")).waitForClickable({ timeout: 10000 });
  await (await $("#approve-open")).click();
  assert.match(await (await $("#approve-by")).getText(), /\S/);
  await (await $("#approve-record")).click();
  await waitText("#toast", (t) => / approved version 2\.1\.1 on /.test(t));
  await waitText("#approval-state", (t) => /approved version 2\.1\.1 on .+, of the text as it is/.test(t));
  assert.equal(await browser.execute(() => document.getElementById("doc-status")?.textContent), "Approved");
  // The change history holds the record, read-only, with the fingerprint.
  const last = await browser.execute(() =>
    Array.from(document.querySelectorAll(".form .card")).map((c) => c.getAttribute("data-ptr") ?? "").filter((p) => /^\/document\/change_history\/\d+$/.test(p)).pop(),
  );
  const card = await $(`.form .card[data-ptr='${last}']`);
  assert.match(await browser.execute((p) => document.querySelector(`.form .card[data-ptr='${p}'] .card-title`)?.textContent ?? "", last), /^2\.1\.1 · Approved$/);
  if ((await card.getAttribute("class")).includes("closed")) await (await card.$(".card-toggle")).click();
  const record = await browser.execute(() => {
    const outs = Array.from(document.querySelectorAll("output[id$='-approval-fingerprint']"));
    const last = outs[outs.length - 1];
    return last ? { text: last.textContent, full: last.getAttribute("title") } : null;
  });
  assert.ok(record, "the approval record is shown");
  assert.match(record.text, /^sha256:[0-9a-f]{12}$/);
  assert.match(record.full, /^sha256:[0-9a-f]{64}$/);
}));

test("the preview follows the field being edited; a click on a page's text goes to its field; zoom and thumbnails", withShot("shell preview follows", async () => {
  await step("basics");
  await browser.execute(() => document.getElementById("form")?.scrollTo({ top: 0 }));
  const title = await $("#f-document-title");
  await title.click();
  // The core finds the title in the step's section (document control) and the preview marks it.
  const mark = await $("#preview-mark[data-ptr='/document/title']");
  await mark.waitForExist({ timeout: 10000, timeoutMsg: "the edited field is not marked in the preview" });
  const spot = await browser.execute(() => {
    const m = document.getElementById("preview-mark");
    const page = m?.parentElement;
    const canvas = page?.querySelector("canvas");
    if (!m || !page || !canvas) return null;
    const r = m.getBoundingClientRect();
    const c = canvas.getBoundingClientRect();
    return { page: page.dataset.index, x: r.left + r.width / 2 - c.left, y: r.top + r.height / 2 - c.top, cw: c.width, ch: c.height };
  });
  assert.ok(spot, "the mark sits on a painted page");

  // Somewhere else, then a click on the title's text in the page: back in the title field.
  await (await $("#f-document-reference")).click();
  // (The preview follows that field too: let its scrolling settle first.)
  let last = -1;
  await browser.waitUntil(async () => {
    const top = await browser.execute(() => document.getElementById("preview-pages")?.scrollTop ?? 0);
    const still = top === last;
    last = top;
    return still;
  }, { timeout: 5000, interval: 400 });
  const canvas = await $(`.page[data-index='${spot.page}'] canvas`);
  await canvas.click({ x: Math.round(spot.x - spot.cw / 2), y: Math.round(spot.y - spot.ch / 2) });
  await browser.waitUntil(async () => (await browser.execute(() => document.activeElement?.id)) === "f-document-title", {
    timeout: 10000,
    timeoutMsg: "the click on the title in the page did not reach the title field",
  });

  // Thumbnails: several pages side by side; a click opens that page at the pane's width.
  await (await $("#preview-zoom")).selectByAttribute("value", "pages");
  await browser.waitUntil(async () => (await (await $("#preview-pages")).getAttribute("class")).includes("zoom-pages"), { timeout: 5000 });
  const row = await browser.execute(() => {
    const pages = Array.from(document.querySelectorAll("#preview-pages .page")).slice(0, 3).map((p) => p.getBoundingClientRect().top);
    return pages;
  });
  assert.ok(row.length === 3 && Math.abs(row[0] - row[1]) < 1, `thumbnails are not side by side: ${row}`);
  await (await $("#preview-zoom")).selectByAttribute("value", "150");
  const wide = await browser.execute(() => {
    const p = document.querySelector("#preview-pages .page");
    const pane = document.getElementById("preview-pages");
    return p && pane ? { page: p.getBoundingClientRect().width, pane: pane.clientWidth } : null;
  });
  assert.ok(wide && wide.page > wide.pane, `150% is wider than the pane: ${JSON.stringify(wide)}`);
  await (await $("#preview-zoom")).selectByAttribute("value", "fit");
}));
