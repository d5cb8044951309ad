// Whole-app measurements for BENCHMARKS.md (not a test). Run by
// scripts/bench-app.sh under Xvfb with tauri-driver on port 4444:
//   node bench.mjs BIN [DRAFT]
// Prints launch-to-first-paint, launch-to-first-page, resident memory of
// the app and its WebKit processes, edit-to-preview latencies, and memory
// after scrolling through every page and back.
import { readFileSync, readdirSync, readlinkSync, rmSync } from "node:fs";
import { remote } from "webdriverio";

const [bin, draft] = process.argv.slice(2);
const marker = process.env.PACTWRIGHT_BENCH;

function procStartMs(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const startTicks = Number(fields[19]);
  const btime = Number(/btime (\d+)/.exec(readFileSync("/proc/stat", "utf8"))[1]);
  return btime * 1000 + (startTicks * 1000) / 100;
}
function appPid() {
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      if (!readlinkSync(`/proc/${pid}/exe`).endsWith("pactwright-app")) continue;
      if (readFileSync(`/proc/${pid}/environ`, "utf8").includes(`PACTWRIGHT_BENCH=${marker}\0`)) return Number(pid);
    } catch {
      /* not ours */
    }
  }
  return null;
}
function rssKb(pid) {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))[1]);
  } catch {
    return 0;
  }
}
function children(pid) {
  const out = [];
  for (const p of readdirSync("/proc").filter((x) => /^\d+$/.test(x))) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) out.push(Number(p), ...children(Number(p)));
    } catch {
      /* gone */
    }
  }
  return out;
}
const memory = (pid) => {
  const app = rssKb(pid);
  const total = [pid, ...children(pid)].reduce((n, p) => n + rssKb(p), 0);
  return { app_mb: +(app / 1024).toFixed(1), with_webkit_mb: +(total / 1024).toFixed(1) };
};

// Each run starts clean: no recovery copy left by the previous run's edits.
if (process.env.XDG_DATA_HOME) rmSync(`${process.env.XDG_DATA_HOME}/dev.pactwright.app/recovery.json`, { force: true });

const b = await remote({
  hostname: "127.0.0.1",
  port: 4444,
  logLevel: "error",
  capabilities: { "tauri:options": { application: bin, args: draft ? [draft] : [] } },
});
const pid = appPid();
const started = procStartMs(pid);
await b.waitUntil(async () => (await b.execute(() => window.__pactwrightFirstPaint ?? 0)) > 0, { timeout: 30000 });
const paint = await b.execute(() => window.__pactwrightFirstPaint);
const origin = await b.execute(() => performance.timeOrigin);
const timing = await b.execute(() => { const n = performance.getEntriesByType("navigation")[0]; return n ? { response_end: n.responseEnd, dom_interactive: n.domInteractive, dom_content_loaded: n.domContentLoadedEventEnd } : null; });
const result = { draft: draft ?? null, launch_to_first_paint_ms: Math.round(paint - started), launch_to_navigation_ms: Math.round(origin - started), navigation: timing };
if (draft) {
  await b.waitUntil(async () => (await b.execute(() => window.__pactwright.firstPageAt)) > 0, { timeout: 60000 });
  result.launch_to_first_page_ms = Math.round((await b.execute(() => window.__pactwright.firstPageAt)) - started);
  result.pages = await b.execute(() => window.__pactwright.state.preview?.page_count);
}
await b.pause(3000);
result.idle = memory(pid);
if (draft) {
  // Edit the title ten times, a keystroke every 600 ms, sampling memory.
  const title = await b.$("#f-document-title");
  await title.click();
  let peak = result.idle;
  const rust = [];
  for (let i = 0; i < 10; i++) {
    await b.keys("x");
    await b.pause(300);
    rust.push(Math.round(await b.execute(() => window.__pactwright.state.preview?.millis ?? 0)));
    for (let t = 0; t < 3; t++) {
      await b.pause(100);
      const m = memory(pid);
      if (m.with_webkit_mb > peak.with_webkit_mb) peak = m;
    }
  }
  result.previewing_peak = peak;
  const lat = (await b.execute(() => window.__pactwright.latencies.slice())).map(Math.round).sort((x, y) => x - y);
  result.layout_in_rust_ms = rust;
  result.edit_to_page_ms = { all: lat, median: lat[Math.floor(lat.length / 2)], max: lat[lat.length - 1] };
  // Scroll through every page and back: pages out of view must let go of their canvases.
  const scroll = async (dir) => {
    for (let i = 0; i < 400; i++) {
      const moved = await b.execute((d) => {
        const s = document.querySelector(".pages");
        const before = s.scrollTop;
        s.scrollTop += d * s.clientHeight;
        return s.scrollTop !== before;
      }, dir);
      if (!moved) break;
      await b.pause(120);
    }
    await b.pause(2000);
  };
  await scroll(1);
  result.after_scrolling_to_the_end = memory(pid);
  await scroll(-1);
  result.after_scrolling_back = memory(pid);
  result.canvases_alive = await b.execute(() => document.querySelectorAll(".page-canvas").length);
}
console.log(JSON.stringify(result));
await b.deleteSession();
