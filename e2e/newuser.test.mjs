// The scripted new user (issue 10 item 9): from the start screen to a
// complete SLA for a payroll service, in the real window, as someone who
// never saw the code would do it: the interview, then what each step says
// is still missing, to a Review with no findings, saved. Every click and
// every field typed counts as one interaction; the count is printed and
// written up in BENCHMARKS.md (339 before the interview, pickers and
// "still to do" line existed).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, existsSync } from "node:fs";
import { browser, startApp, $, withShot, waitText, E2E_DIR, useDriver } from "./harness.mjs";
import { join } from "node:path";

useDriver();

let interactions = 0;
async function click(sel) {
  const el = await $(sel);
  await el.waitForClickable({ timeout: 15000 });
  await el.scrollIntoView({ block: "center" });
  await el.click();
  interactions += 1;
}
/** Types into an empty field (one interaction: clicking into it and typing). */
async function fill(sel, text) {
  const el = await $(sel);
  await el.waitForExist({ timeout: 10000 });
  await el.scrollIntoView({ block: "center" });
  await el.click();
  await el.addValue(text);
  interactions += 1;
  await browser.waitUntil(async () => (await el.getValue()) === text, { timeout: 5000, timeoutMsg: `${sel} did not take ${text}` });
}
/** The still-to-do line's links, as the step shows them. */
async function stillToDo() {
  return browser.execute(() => Array.from(document.querySelectorAll("#still-missing a")).map((a) => a.textContent));
}
/** Follows the still-to-do link named `name` (one interaction) and types `text` there. */
async function doNext(name, text) {
  const links = await stillToDo();
  assert.ok(links.includes(name), `"${name}" is not in the still-to-do line: ${JSON.stringify(links)}`);
  let link;
  for (const a of await browser.$$("#still-missing a")) if ((await a.getText()) === name) link = a;
  await link.click();
  interactions += 1;
  let id = "";
  await browser.waitUntil(async () => (id = await browser.execute(() => document.activeElement?.id ?? "")).startsWith("f-"), {
    timeout: 5000,
    timeoutMsg: `the link "${name}" did not reach a field (focus on "${id}")`,
  });
  await (await $(`#${id}`)).addValue(text);
  interactions += 1;
}

test("a new user writes a complete payroll SLA from the start screen to a Review with no findings", withShot("new user", async () => {
  await startApp();
  await click("#start-interview");
  await fill("#q-service", "Payroll");
  await fill("#q-description", "Pays every Northwind Retail employee correctly and on time, and answers their pay questions.");
  await fill("#q-provider", "Northwind Shared Services");
  await fill("#q-consumer", "Northwind Retail");
  await fill("#q-owner", "Priya Shah");
  await fill("#q-sponsor", "Tom O'Brien");
  // Hours, time zone, availability and the P1 clock: the offered answers are kept.
  await click("#interview-start");
  await waitText("#step-title", (t) => t === "Basics");
  // Nothing is missing on Basics: the interview named the parties, the
  // owner, the approver, the reference and the date.
  await waitText("#still-missing", (t) => t === "Nothing is missing here.");

  // The sidebar marks the steps with something to do; the first is the offering.
  const marked = await browser.execute(() =>
    Array.from(document.querySelectorAll(".sidebar .step")).filter((b) => ["warning", "error"].includes(b.getAttribute("data-state") ?? "")).map((b) => b.id),
  );
  assert.deepEqual(marked, ["step-offering", "step-levels"], `steps marked: ${marked}`);
  await click("#step-offering");
  await doNext("Service, outcomes", "Every employee is paid the right amount on the right day");
  // "No goods, access or service actions": the one thing users ask the desk for.
  await click("#f-offering-actions");
  await fill("#f-offering-actions-0-action", "Correct a wrong or missing payment");
  await waitText("#still-missing", (t) => t === "Nothing is missing here.", 15000);

  await click("#step-levels");
  await doNext("Service level 1, data source", "Payroll system availability monitoring");
  await waitText("#still-missing", (t) => t === "Nothing is missing here.", 15000);

  // Review: one suggestion left, followed from its link.
  await click("#step-review");
  const improvement = await $("a.finding-link[data-pointer='/relationship/improvement']");
  await improvement.waitForClickable({ timeout: 10000 });
  await improvement.click();
  interactions += 1;
  await browser.waitUntil(async () => (await browser.execute(() => document.activeElement?.id)) === "f-relationship-improvement", { timeout: 5000 });
  await (await $("#f-relationship-improvement")).addValue("Cut payroll queries by 20% in the first year");
  interactions += 1;
  await click("#step-review");
  await waitText("#findings-count", (t) => t.trim() === "No findings", 15000);

  // Saved, and the file holds the SLA as written.
  await click("#save");
  await waitText("#toast", (t) => t.startsWith("Saved"));
  const file = join(E2E_DIR, "payroll-service-level-agreement.agreement.json");
  assert.ok(existsSync(file), `${file} was not written`);
  const saved = JSON.parse(readFileSync(file, "utf8"));
  assert.equal(saved.parties.consumer.name, "Northwind Retail");
  assert.equal(saved.service_levels[0].target, "99.5%");
  assert.equal(saved.document.approver, saved.stakeholders.find((p) => p.name === "Tom O'Brien").id);
  console.log(`interactions from the start screen to a saved SLA with no findings: ${interactions}`);
  assert.ok(interactions <= 40, `${interactions} interactions`);
}));
