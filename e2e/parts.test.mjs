// Every part of the agreement edited in the real window (issue 10 items 1
// and 3), on a blank SLA: people created and chosen by name in the
// pickers, party address and registration, a glossary term, the change
// history entry a new version adds, a signature with its date, a clause
// with the formatting bar, a dependency, the public holidays of the
// service's country, a target's unit; saved, and the file holds them all.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { browser, startApp, $, withShot, waitText, type, step, useDriver } from "./harness.mjs";

useDriver();

const draft = () => browser.execute(() => window.__pactwright?.state.draft);

/** Types `text` into a picker and takes the first option (Enter). */
async function pick(sel, text) {
  const el = await $(sel);
  await el.waitForExist({ timeout: 10000 });
  await el.scrollIntoView({ block: "center" });
  await el.click();
  await el.addValue(text);
  await (await $(`${sel}-options`)).waitForExist({ timeout: 5000 });
  await browser.keys("Enter");
}

async function add(sel) {
  const el = await $(sel);
  await el.waitForClickable({ timeout: 10000 });
  await el.scrollIntoView({ block: "center" });
  await el.click();
}

test("every part of a blank SLA is edited in the window, people by name, and saved", withShot("parts", async () => {
  await startApp();
  await (await $("#new-sla")).waitForClickable({ timeout: 15000 });
  await (await $("#new-sla")).click();
  await waitText("#step-title", (t) => t === "Basics");

  // People are created in place by name; ids are never typed.
  await pick("#f-document-owner", "Priya Shah");
  await browser.waitUntil(async () => (await draft()).document.owner === "priya-shah", { timeout: 5000, timeoutMsg: "the owner was not created by name" });
  await pick("#f-document-approver", "Tom O'Brien");
  await browser.waitUntil(async () => (await draft()).document.approver === "tom-obrien", { timeout: 5000, timeoutMsg: "the approver was not created by name" });
  // Choosing someone who is there already: typeahead on part of the name.
  await add("#f-document-approver");
  await pick("#f-document-approver", "priya");
  await browser.waitUntil(async () => (await draft()).document.approver === "priya-shah", { timeout: 5000, timeoutMsg: "typeahead did not choose Priya" });
  assert.equal(await browser.execute(() => document.getElementById("f-document-approver")?.value), "Priya Shah");

  await type("#f-document-effective_date", "2027-01-01");
  await type("#f-parties-provider-address", "1 Quay Street, Bristol BS1 4DJ");
  await type("#f-parties-provider-registration", "Company no. 01234567");

  // A new version adds its change-history entry, prefilled.
  await type("#f-document-version", "0.2");
  await (await $("#f-document-title")).click();
  await browser.waitUntil(async () => (await draft()).document.change_history.some((c) => c.version === "0.2" && c.author === "Priya Shah"), {
    timeout: 5000,
    timeoutMsg: "no change entry for version 0.2",
  });

  await add("#f-glossary");
  await type("#f-glossary-0-term", "Business day");
  await type("#f-glossary-0-definition", "Monday to Friday, except public holidays in England");

  // Signatures: the signer chosen by name, the date typed.
  await step("stakeholders");
  await add("#f-signatures");
  await pick("#f-signatures-0-stakeholder", "Tom");
  await type("#f-signatures-0-date", "2027-01-05");

  // A dependency of the service.
  await step("offering");
  await add("#f-service-dependencies");
  await type("#f-service-dependencies-0-name", "Payroll database cluster");

  // The public holidays of the service's country for the term.
  await step("warranty");
  await type("#f-service_hours-time_zone", "Europe/London");
  await add("#holidays-open");
  let said = "";
  await browser.waitUntil(
    async () => /public holidays of England and Wales from 1 January 2027 to 31 December 2027/.test((said = await browser.execute(() => document.getElementById("holidays-panel")?.textContent ?? ""))),
    { timeout: 20000, timeoutMsg: `the holidays offer says: ${JSON.stringify(said)}` },
  );
  await add("#holidays-add");
  await browser.waitUntil(async () => ((await draft()).service_hours.holidays ?? []).length >= 8, { timeout: 5000, timeoutMsg: "the holidays were not added" });

  // A target's unit.
  await step("levels");
  await type("#f-service_levels-0-unit", "minutes");

  // A clause in Markdown, with the formatting bar.
  await step("terms");
  await add("#f-clauses");
  await type("#f-clauses-0-title", "Governing law");
  await type("#f-clauses-0-body", "This agreement is governed by ");
  await add("#f-clauses-0-body ~ * button[data-tool='Bold'], button[data-tool='Bold']");
  await browser.waitUntil(async () => /\*\*.+\*\*/.test((await draft()).clauses[0].body ?? ""), { timeout: 5000, timeoutMsg: "the bold button did nothing" });

  await (await $("#save")).click();
  await waitText("#toast", (t) => t.startsWith("Saved"));
  const path = (await (await $("#doc-head")).getAttribute("title")).match(/(\/\S+\.agreement\.json)$/)[1];
  const saved = JSON.parse(readFileSync(path, "utf8"));
  const names = Object.fromEntries(saved.stakeholders.map((s) => [s.id, s.name]));
  assert.equal(names[saved.document.owner], "Priya Shah");
  assert.equal(names[saved.document.approver], "Priya Shah");
  assert.ok(Object.values(names).includes("Tom O'Brien"));
  assert.equal(saved.parties.provider.address, "1 Quay Street, Bristol BS1 4DJ");
  assert.equal(saved.parties.provider.registration, "Company no. 01234567");
  assert.deepEqual(saved.glossary[0], { term: "Business day", definition: "Monday to Friday, except public holidays in England" });
  assert.ok(saved.document.change_history.some((c) => c.version === "0.2"));
  assert.equal(names[saved.signatures[0].stakeholder], "Tom O'Brien");
  assert.equal(saved.signatures[0].date, "2027-01-05");
  assert.equal(saved.service.dependencies[0].name, "Payroll database cluster");
  assert.ok(saved.service_hours.holidays.some((h) => h.date === "2027-12-27" || h.date === "2027-12-25"), JSON.stringify(saved.service_hours.holidays));
  assert.equal(saved.service_levels[0].unit, "minutes");
  assert.equal(saved.clauses[0].title, "Governing law");
  assert.match(saved.clauses[0].body, /^This agreement is governed by \*\*.+\*\*/);
}));
