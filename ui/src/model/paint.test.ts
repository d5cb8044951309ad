import { describe, expect, it } from "vitest";
import { linkAt, paintPage, type PaintTarget } from "./paint";
import type { PagePaint } from "../bindings/ipc";

/** A canvas context that records what is drawn. */
function recorder() {
  const calls: string[] = [];
  const ctx: PaintTarget = {
    fillStyle: "",
    strokeStyle: "",
    lineWidth: 1,
    setTransform: (...m) => calls.push(`transform ${m.map((v) => +v.toFixed(3)).join(" ")}`),
    fillRect: (...r) => calls.push(`rect ${ctx.fillStyle} ${r.join(" ")}`),
    beginPath: () => {},
    moveTo: (x, y) => calls.push(`move ${x} ${y}`),
    lineTo: (x, y) => calls.push(`line ${x} ${y}`),
    stroke: () => calls.push(`stroke ${ctx.strokeStyle} ${ctx.lineWidth}`),
    fill: (p) => calls.push(`fill ${ctx.fillStyle} ${(p as unknown as { d: string }).d}`),
  };
  return { ctx, calls };
}

const page = (over: Partial<PagePaint> = {}): PagePaint => ({
  width: 100,
  height: 200,
  fonts: ["Serif#0"],
  outlines: [
    { font: 0, glyph: 7, path: "M0 0L10 0Z" },
    { font: 0, glyph: 9, path: "M0 0L0 -10Z" },
  ],
  runs: [{ x: 10, y: 20, angle: 0, scale: 0.01, color: "#112233", font: 0, glyphs: [7, 9, 7], xs: [0, 500, 1000], ys: [] }],
  lines: [{ from: [10, 30], to: [90, 30], width: 0.5, color: "#cccccc" }],
  rects: [{ rect: [0, 0, 100, 10], color: "#eeeeee" }],
  links: [],
  ...over,
});

const fakePath = (d: string) => ({ d }) as unknown as Path2D;

describe("painting a preview page", () => {
  it("draws background, rectangles, rules, then each glyph where the layout put it", () => {
    const { ctx, calls } = recorder();
    const drawn = paintPage(ctx, page(), 2, 200, 400, new Map(), fakePath);
    expect(drawn).toBe(3);
    expect(calls).toEqual([
      "transform 1 0 0 1 0 0",
      "rect #ffffff 0 0 200 400",
      "transform 2 0 0 2 0 0",
      "rect #eeeeee 0 0 100 10",
      "move 10 30",
      "line 90 30",
      "stroke #cccccc 0.5",
      // Scale 0.01 pt per unit at 2 px per pt; glyphs 500 units apart = 10 px.
      "transform 0.02 0 0 0.02 20 40",
      "fill #112233 M0 0L10 0Z",
      "transform 0.02 0 0 0.02 30 40",
      "fill #112233 M0 0L0 -10Z",
      "transform 0.02 0 0 0.02 40 40",
      "fill #112233 M0 0L10 0Z",
      "transform 1 0 0 1 0 0",
    ]);
  });

  it("rotates runs counter-clockwise and applies vertical glyph offsets", () => {
    const { ctx, calls } = recorder();
    const run = { x: 50, y: 100, angle: 90, scale: 0.01, color: "#000000", font: 0, glyphs: [7, 9], xs: [0, 100], ys: [0, -50] };
    paintPage(ctx, page({ runs: [run], rects: [], lines: [] }), 1, 100, 200, new Map(), fakePath);
    // Up the page: x along the run moves y up (negative), offsets move x.
    expect(calls.filter((c) => c.startsWith("transform 0"))).toEqual([
      "transform 0 -0.01 0.01 0 50 100",
      "transform 0 -0.01 0.01 0 49.5 99",
    ]);
  });

  it("builds each outline once across pages and skips glyphs it has no outline for", () => {
    const made: string[] = [];
    const cache = new Map<string, Path2D>();
    const make = (d: string) => {
      made.push(d);
      return fakePath(d);
    };
    paintPage(recorder().ctx, page(), 1, 100, 200, cache, make);
    const second = page({ outlines: [{ font: 0, glyph: 7, path: "M0 0L10 0Z" }] });
    second.runs[0].glyphs = [7, 8];
    second.runs[0].xs = [0, 10];
    const drawn = paintPage(recorder().ctx, second, 1, 100, 200, cache, make);
    expect(made).toEqual(["M0 0L10 0Z", "M0 0L0 -10Z"]);
    expect(drawn).toBe(1);
    // Another face with the same glyph id is a different outline.
    paintPage(recorder().ctx, page({ fonts: ["Sans#0"] }), 1, 100, 200, cache, make);
    expect(made).toHaveLength(4);
  });
});

describe("links in a preview page", () => {
  const p = page({
    links: [
      { rect: [10, 10, 50, 10], page: 3, y: 100, url: null },
      { rect: [40, 12, 20, 5], page: null, y: null, url: "https://example.org" },
    ],
  });
  it("finds the link under a point, the topmost first", () => {
    expect(linkAt(p, 15, 15)?.page).toBe(3);
    expect(linkAt(p, 45, 14)?.url).toBe("https://example.org");
    expect(linkAt(p, 5, 5)).toBeNull();
    expect(linkAt(p, 70, 15)).toBeNull();
  });
});
