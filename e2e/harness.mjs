// The shared harness of the end-to-end tests: the real app window (a debug
// build with the `e2e` feature), driven through tauri-driver and
// WebKitWebDriver under Xvfb. Each *.test.mjs file imports it and calls
// `useDriver()` once; node --test runs the files one after another.
// Dialogs are replaced by PACTWRIGHT_E2E_DIR (save picks the suggested name
// there, open picks the newest draft there).
import { before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, existsSync, readdirSync, readlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import net from "node:net";
import { remote } from "webdriverio";

export const root = resolve(import.meta.dirname, "..");
export const BIN = process.env.PACTWRIGHT_APP ?? join(process.env.CARGO_TARGET_DIR ?? join(root, "target"), "debug", "pactwright-app");
export const work = mkdtempSync(join(tmpdir(), "pactwright-e2e-"));
export const E2E_DIR = join(work, "files");
export const DATA = join(work, "data");
execFileSync("mkdir", ["-p", E2E_DIR, DATA]);

// tauri-driver's port and its WebKitWebDriver's (E2E_PORT, and the next
// one), so a run can share a machine with another that uses the defaults.
const PORT = Number(process.env.E2E_PORT ?? 4444);
const NATIVE_PORT = PORT + 1;


let driver;
/** The WebdriverIO session of the running app (undefined when stopped). */
export let browser;
export const timings = [];

function waitForPort(port, ms = 20000) {
  const end = Date.now() + ms;
  return new Promise((ok, fail) => {
    const tryOnce = () => {
      const s = net.connect(port, "127.0.0.1", () => {
        s.end();
        ok();
      });
      s.on("error", () => (Date.now() > end ? fail(new Error("tauri-driver did not start")) : setTimeout(tryOnce, 200)));
    };
    tryOnce();
  });
}

export async function startApp() {
  browser = await remote({
    hostname: "127.0.0.1",
    port: PORT,
    logLevel: "warn",
    capabilities: { "tauri:options": { application: BIN } },
  });
  await browser.setTimeout({ implicit: 0 });
}

export async function stopApp() {
  if (!browser) return;
  try {
    await browser.deleteSession();
  } catch {
    /* the app may already be gone */
  }
  browser = undefined;
}

/** The pids of app processes started for this test run (by their environment). */
export function appPids() {
  const pids = [];
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      if (!readlinkSync(`/proc/${pid}/exe`).endsWith("pactwright-app")) continue;
      const env = readFileSync(`/proc/${pid}/environ`, "utf8");
      if (env.includes(`PACTWRIGHT_E2E_DIR=${E2E_DIR}\0`)) pids.push(Number(pid));
    } catch {
      /* gone, or not ours */
    }
  }
  return pids;
}

export const $ = (sel) => browser.$(sel);
export const SHOTS = process.env.E2E_SHOTS;

/** Wraps a test body: on failure, saves a screenshot (when E2E_SHOTS is a folder). */
export function withShot(name, body) {
  return async () => {
    try {
      await body();
    } catch (e) {
      if (SHOTS && browser) {
        await browser.saveScreenshot(join(SHOTS, `${name.replace(/\W+/g, "-")}.png`)).catch(() => {});
        const st = await browser
          .execute(() => { const s = window.__pactwright?.state; return JSON.stringify(s && { screen: s.screen, start: s.start, startError: s.startError, modal: s.modal?.title, path: s.path }); })
          .catch((x) => String(x));
        console.log(`state at failure of ${name}: ${st}`);
      }
      throw e;
    }
  };
}

export async function waitText(sel, pred, ms = 10000) {
  let last = "";
  await browser.waitUntil(
    async () => {
      const el = await $(sel);
      if (!(await el.isExisting())) return false;
      last = await el.getText();
      return pred(last);
    },
    { timeout: ms, timeoutMsg: `${sel}: text was ${JSON.stringify(last)}` },
  );
  return last;
}

export async function value(sel) {
  return (await $(sel)).getValue();
}

/** Replaces a field's text by typing, as a user would. */
export async function type(sel, text) {
  const el = await $(sel);
  await el.waitForExist({ timeout: 10000 });
  await el.scrollIntoView({ block: "center" });
  await el.click();
  await browser.keys(["Control", "a"]);
  await browser.keys("Backspace");
  if (text) await el.addValue(text);
  await browser.waitUntil(async () => (await el.getValue()) === text, { timeout: 5000, timeoutMsg: `${sel} did not take ${text}` });
}

export async function step(id) {
  await (await $(`#step-${id}`)).click();
  await browser.waitUntil(async () => (await (await $(`#step-${id}`)).getAttribute("aria-current")) === "step");
}

export async function cardCount() {
  return (await browser.$$(".form .card")).length;
}

/** Starts tauri-driver before the file's tests and stops it (and the app) after. */
export function useDriver() {
  before(async () => {
    assert.ok(existsSync(BIN), `build the app first: ${BIN}`);
    driver = spawn("tauri-driver", ["--port", String(PORT), "--native-port", String(NATIVE_PORT)], {
      // WebKit's GL compositor on Mesa's software rasterizer (Xvfb has no
      // GPU) crashes the web process now and then (a segfault in
      // swrast_dri.so, "page crash"): draw without it, as on a machine
      // without GL.
      env: { ...process.env, WEBKIT_DISABLE_COMPOSITING_MODE: "1", PACTWRIGHT_E2E_DIR: E2E_DIR, XDG_DATA_HOME: DATA, XDG_CONFIG_HOME: join(work, "config") },
      stdio: ["ignore", "inherit", "inherit"],
    });
    await waitForPort(PORT);
  });

  after(async () => {
    await stopApp();
    driver?.kill();
    // An app the driver lost (a crashed session) would keep the run alive.
    for (const pid of appPids()) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        /* gone meanwhile */
      }
    }
    if (timings.length) console.log(`preview latency (edit -> page shown), ms: ${JSON.stringify(timings.map(Math.round))}`);
  });
}
