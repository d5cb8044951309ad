// The installed Debian package, started as a user would start it: the
// app from the unpacked package opens a sample from the package's own
// samples folder. Checks that the draft is open (its title in the Basics
// step, its pages in the preview) and saves screenshots.
// Under Xvfb with tauri-driver on port 4444:
//   node installed.mjs APP DRAFT OUTDIR
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import assert from "node:assert/strict";
import { remote } from "webdriverio";

const [app, draft, out] = process.argv.slice(2);
const title = JSON.parse(readFileSync(draft, "utf8")).document.title;
const b = await remote({
  hostname: "127.0.0.1",
  port: 4444,
  logLevel: "warn",
  capabilities: { "tauri:options": { application: app, args: [draft] } },
});
try {
  await b.waitUntil(async () => (await (await b.$("#step-title")).isExisting()), {
    timeout: 20000,
    timeoutMsg: "the installed app did not open the draft's steps",
  });
  const shown = await (await b.$("#f-document-title")).getValue();
  assert.equal(shown, title, "the Basics step shows the sample's title");
  await b.waitUntil(
    async () => Number((await (await b.$("#preview-meta")).getAttribute("data-pages")) || 0) > 0,
    { timeout: 20000, timeoutMsg: "the preview shows no pages" },
  );
  // A page painted on screen (the UI records when the first one was).
  await b.waitUntil(async () => (await b.execute(() => window.__pactwright.firstPageAt)) > 0, {
    timeout: 20000,
    timeoutMsg: "no preview page was painted",
  });
  await b.pause(1500);
  await b.saveScreenshot(`${out}/installed-window.png`);
  execFileSync("import", ["-window", "root", `${out}/installed-screen.png`]);
  console.log(`installed app shows "${title}"`);
} finally {
  await b.deleteSession();
}
