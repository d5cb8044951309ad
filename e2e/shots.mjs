// Screenshots of every step (not a test), under Xvfb with tauri-driver on
// port E2E_PORT (default 4444): PACTWRIGHT_APP=BIN SAMPLE=DRAFT node shots.mjs OUTDIR.
// screen-warranty.png is docs/screenshot.png.
import { execFileSync } from "node:child_process";
import { remote } from "webdriverio";
const out = process.argv[2];
const b = await remote({ hostname: "127.0.0.1", port: Number(process.env.E2E_PORT ?? 4444), logLevel: "warn", capabilities: { "tauri:options": { application: process.env.PACTWRIGHT_APP, args: [process.env.SAMPLE] } } });
await b.pause(2500);
await b.saveScreenshot(`${out}/00-open.png`);
for (const id of ["basics", "stakeholders", "offering", "utility", "warranty", "support", "cocreation", "levels", "terms", "review", "export"]) {
  await (await b.$(`#step-${id}`)).click();
  await b.pause(1200);
  await b.saveScreenshot(`${out}/${id}.png`);
  // The whole Xvfb screen, as the README shows it.
  if (id === "warranty") execFileSync("import", ["-window", "root", `${out}/screen-warranty.png`]);
}
await b.execute(() => window.__pactwright.goHome());
await b.pause(800);
await b.saveScreenshot(`${out}/start.png`);
await b.deleteSession();
