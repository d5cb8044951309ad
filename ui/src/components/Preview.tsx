// The live preview: the pages exactly as the PDF lays them out (the core's
// display list of the same layout, painted on a canvas), fetched only for
// the pages in view, and scrolled to the section of the step being edited.
// Links in the pages (the table of contents, cross-references) jump to
// their page.
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import { useStore } from "../context";
import { stepById } from "../model/steps";
import { linkAt, paintPage } from "../model/paint";
import type { PagePaint } from "../bindings/ipc";
import { PREVIEW_MAX, PREVIEW_MIN } from "../store";

interface Shown {
  revision: number;
  paint: PagePaint;
}

/** One page: paints its display list at the canvas's device-pixel size, again when resized. */
function PageCanvas(props: { index: number; shown: Shown; onShown: (revision: number) => void; onJump: (page: number) => void }) {
  const { index, shown, onShown, onJump } = props;
  const ref = useRef<HTMLCanvasElement>(null);
  useLayoutEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const draw = () => {
      const cssWidth = canvas.clientWidth;
      if (cssWidth === 0) return;
      const ratio = window.devicePixelRatio || 1;
      const pxPerPt = (cssWidth * ratio) / shown.paint.width;
      const w = Math.round(shown.paint.width * pxPerPt);
      const h = Math.round(shown.paint.height * pxPerPt);
      if (canvas.width !== w) canvas.width = w;
      if (canvas.height !== h) canvas.height = h;
      const ctx = canvas.getContext("2d");
      if (!ctx) return;
      paintPage(ctx, shown.paint, pxPerPt, w, h);
      canvas.dataset.revision = String(shown.revision);
    };
    draw();
    const frame = requestAnimationFrame(() => onShown(shown.revision));
    const ro = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(() => draw());
    ro?.observe(canvas);
    return () => {
      cancelAnimationFrame(frame);
      ro?.disconnect();
    };
  }, [shown]);
  // A canvas's pixels are freed with it only when it is collected; free them now.
  useEffect(() => {
    const canvas = ref.current;
    return () => {
      if (canvas) canvas.width = canvas.height = 0;
    };
  }, []);
  const click = (e: MouseEvent) => {
    const canvas = ref.current;
    if (!canvas || canvas.clientWidth === 0) return;
    const ptPerCss = shown.paint.width / canvas.clientWidth;
    const link = linkAt(shown.paint, e.offsetX * ptPerCss, e.offsetY * ptPerCss);
    if (link?.page != null) onJump(link.page);
  };
  return <canvas ref={ref} class="page-canvas" role="img" aria-label={`Page ${index + 1}`} onClick={click} />;
}

/** The form keeps at least this much width when the preview is dragged wider. */
const FORM_MIN = 440;

/**
 * The preview's left edge: drag it (or use the arrow keys on it) to make
 * the preview wider or narrower; the width is remembered.
 */
function ResizeHandle() {
  const store = useStore();
  const start = (e: PointerEvent) => {
    e.preventDefault();
    const el = e.currentTarget as HTMLElement;
    const aside = el.parentElement;
    const right = aside ? aside.getBoundingClientRect().right : window.innerWidth;
    const sidebar = document.querySelector(".sidebar")?.getBoundingClientRect().width ?? 200;
    const max = Math.max(PREVIEW_MIN, window.innerWidth - sidebar - FORM_MIN);
    el.setPointerCapture(e.pointerId);
    document.body.classList.add("resizing");
    const move = (m: PointerEvent) => store.setPreviewWidth(Math.min(max, right - m.clientX), false);
    const up = () => {
      el.removeEventListener("pointermove", move);
      el.removeEventListener("pointerup", up);
      document.body.classList.remove("resizing");
      store.setPreviewWidth(store.state.previewWidth);
    };
    el.addEventListener("pointermove", move);
    el.addEventListener("pointerup", up);
  };
  return (
    <div
      class="resize-handle"
      id="preview-resize"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize the preview"
      aria-valuenow={store.state.previewWidth}
      aria-valuemin={PREVIEW_MIN}
      aria-valuemax={PREVIEW_MAX}
      tabIndex={0}
      title="Drag to resize the preview"
      onPointerDown={start}
      onKeyDown={(e) => {
        if (e.key === "ArrowLeft") store.setPreviewWidth(store.state.previewWidth + 20);
        else if (e.key === "ArrowRight") store.setPreviewWidth(store.state.previewWidth - 20);
        else return;
        e.preventDefault();
      }}
    />
  );
}

export function Preview() {
  const store = useStore();
  const info = store.state.preview;
  const step = store.state.step;
  const scroller = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState<Set<number>>(new Set([0, 1]));
  const [pages, setPages] = useState<Map<number, Shown>>(new Map());
  const pagesRef = useRef(pages);
  pagesRef.current = pages;

  // Which pages are in view.
  useEffect(() => {
    const root = scroller.current;
    if (!root || !info || typeof IntersectionObserver === "undefined") return;
    const io = new IntersectionObserver(
      (entries) => {
        setVisible((prev) => {
          const next = new Set(prev);
          for (const e of entries) {
            const i = Number((e.target as HTMLElement).dataset.index);
            if (e.isIntersecting) next.add(i);
            else next.delete(i);
          }
          return next;
        });
      },
      { root, rootMargin: "200px 0px" },
    );
    root.querySelectorAll(".page").forEach((el) => io.observe(el));
    return () => io.disconnect();
  }, [info?.page_count, store.state.previewOpen]);

  // Fetch the visible pages of the current layout; let go of the others (a
  // painted page holds megabytes of canvas: a long agreement scrolled
  // through would otherwise keep them all).
  useEffect(() => {
    if (!info) return;
    setPages((prev) => {
      const keep = new Map([...prev].filter(([i]) => visible.has(i) && i < info.page_count));
      return keep.size === prev.size ? prev : keep;
    });
    let cancelled = false;
    for (const index of visible) {
      if (index >= info.page_count) continue;
      const have = pagesRef.current.get(index);
      if (have && have.revision === info.revision) continue;
      store.host
        .previewPage(info.revision, index)
        .then((paint) => {
          if (cancelled) return;
          setPages((prev) => new Map(prev).set(index, { revision: info.revision, paint }));
        })
        .catch(() => {
          /* a newer layout replaced this one; its pages come next */
        });
    }
    return () => {
      cancelled = true;
    };
  }, [info?.revision, visible]);

  const scrollToPage = (page: number) => {
    const el = scroller.current?.querySelector<HTMLElement>(`[data-index="${page}"]`);
    if (el && scroller.current) scroller.current.scrollTo({ top: el.offsetTop - 16, behavior: "smooth" });
  };

  // Follow the section being edited.
  useEffect(() => {
    if (!info || !scroller.current) return;
    const re = stepById(step).headings;
    const hit = info.outline.find((o) => re.test(o.title));
    if (hit) scrollToPage(hit.page);
  }, [step, info?.page_count, info !== null, store.state.previewOpen]);

  const ratio = info ? info.height / info.width : 297 / 210;
  if (!store.state.previewOpen) {
    return (
      <aside class="preview closed" aria-label="Preview of the pages (hidden)">
        <button type="button" class="preview-reopen" id="preview-toggle" title="Show the preview (Ctrl+P)" aria-expanded="false" onClick={() => store.togglePreview(true)}>
          <span>Preview</span>
        </button>
      </aside>
    );
  }
  return (
    <aside class="preview" aria-label="Preview of the pages">
      <ResizeHandle />
      <div class="preview-head">
        <span class="preview-title">Preview</span>
        <span class="preview-meta" id="preview-meta" data-pages={info?.page_count ?? 0} data-revision={info?.revision ?? 0}>
          {info ? `${info.page_count} page${info.page_count === 1 ? "" : "s"}` : "Laying out…"}
          {store.state.previewMs !== null && ` · updated in ${Math.round(store.state.previewMs)} ms`}
        </span>
        <button type="button" class="icon preview-hide" id="preview-toggle" title="Hide the preview (Ctrl+P)" aria-label="Hide the preview" aria-expanded="true" onClick={() => store.togglePreview(false)}>
          ⟩
        </button>
      </div>
      {store.state.previewError && <p class="notice warning preview-error">{store.state.previewError}</p>}
      <div class="pages" ref={scroller}>
        {info &&
          Array.from({ length: info.page_count }, (_, i) => {
            const shown = pages.get(i);
            return (
              <div class="page" data-index={i} key={i} style={{ aspectRatio: `1 / ${ratio}` }}>
                {shown ? (
                  <PageCanvas index={i} shown={shown} onShown={(r) => store.pageShown(r)} onJump={scrollToPage} />
                ) : (
                  <div class="page-loading" />
                )}
                <span class="page-no">{i + 1}</span>
              </div>
            );
          })}
      </div>
    </aside>
  );
}
