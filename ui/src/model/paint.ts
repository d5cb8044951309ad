// Draws a preview page (the core's display list: glyph outlines placed by
// the same layout as the PDF) onto a 2D canvas, and finds the link under
// a point. No DOM besides the canvas context, so it is unit-tested with a
// recording context.
import type { PagePaint, PaintLink } from "../bindings/ipc";

/** What `paintPage` needs of a canvas context (CanvasRenderingContext2D has it all). */
export interface PaintTarget {
  fillStyle: string | CanvasGradient | CanvasPattern;
  strokeStyle: string | CanvasGradient | CanvasPattern;
  lineWidth: number;
  setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void;
  fillRect(x: number, y: number, w: number, h: number): void;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  stroke(): void;
  fill(path: Path2D): void;
}

/** Glyph outlines already built, by `font name/glyph id`: shared by every page and layout. */
export type OutlineCache = Map<string, Path2D>;

const shared: OutlineCache = new Map();

/**
 * Paints `page` scaled by `pxPerPt` (device pixels per point), white
 * background first, then rectangles, lines and text, as the PDF does.
 * Returns the number of glyphs drawn.
 */
export function paintPage(
  ctx: PaintTarget,
  page: PagePaint,
  pxPerPt: number,
  widthPx: number,
  heightPx: number,
  cache: OutlineCache = shared,
  makePath: (d: string) => Path2D = (d) => new Path2D(d),
): number {
  for (const o of page.outlines) {
    const key = `${page.fonts[o.font]}/${o.glyph}`;
    if (!cache.has(key)) cache.set(key, makePath(o.path));
  }
  const s = pxPerPt;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, widthPx, heightPx);
  ctx.setTransform(s, 0, 0, s, 0, 0);
  for (const r of page.rects) {
    ctx.fillStyle = r.color;
    ctx.fillRect(r.rect[0], r.rect[1], r.rect[2], r.rect[3]);
  }
  for (const l of page.lines) {
    ctx.strokeStyle = l.color;
    ctx.lineWidth = l.width;
    ctx.beginPath();
    ctx.moveTo(l.from[0], l.from[1]);
    ctx.lineTo(l.to[0], l.to[1]);
    ctx.stroke();
  }
  let drawn = 0;
  for (const run of page.runs) {
    ctx.fillStyle = run.color;
    // translate(x, y) · rotate(-angle) (y points down) · scale(k), in pixels.
    const rad = (-run.angle * Math.PI) / 180;
    const k = run.scale * s;
    const a = Math.cos(rad) * k;
    const b = Math.sin(rad) * k;
    const c = -b;
    const d = a;
    const e = run.x * s;
    const f = run.y * s;
    const prefix = `${page.fonts[run.font]}/`;
    for (let i = 0; i < run.glyphs.length; i++) {
      const path = cache.get(prefix + run.glyphs[i]);
      if (!path) continue;
      const x = run.xs[i];
      const y = run.ys.length > i ? run.ys[i] : 0;
      ctx.setTransform(a, b, c, d, e + a * x + c * y, f + b * x + d * y);
      ctx.fill(path);
      drawn++;
    }
  }
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  return drawn;
}

/** The link at (x, y) in points, the last drawn winning. */
export function linkAt(page: PagePaint, x: number, y: number): PaintLink | null {
  for (let i = page.links.length - 1; i >= 0; i--) {
    const l = page.links[i];
    const [lx, ly, w, h] = l.rect;
    if (x >= lx && x <= lx + w && y >= ly && y <= ly + h) return l;
  }
  return null;
}
