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
import { PREVIEW_MAX, PREVIEW_MIN, ZOOMS, type PreviewZoom } from "../store";
import type { PreviewInfo } from "../bindings/ipc";
import type { StepId } from "../model/steps";

/**
 * The pages of the section step `step` edits, first to last (to the page
 * of the next heading of the same level or higher); null when the
 * document has no such section.
 */
export function sectionPages(info: PreviewInfo, step: StepId): [number, number] | null {
  const re = stepById(step).headings;
  const at = info.outline.findIndex((o) => re.test(o.title));
  if (at < 0) return null;
  const head = info.outline[at];
  const next = info.outline.slice(at + 1).find((o) => o.level <= head.level && !re.test(o.title));
  return [head.page, Math.max(head.page, next ? next.page : info.page_count - 1)];
}

interface Shown {
  revision: number;
  paint: PagePaint;
}

/** One page: paints its display list at the canvas's device-pixel size, again when resized. */
function PageCanvas(props: {
  index: number;
  shown: Shown;
  onShown: (revision: number) => void;
  onJump: (page: number) => void;
  onText: (revision: number, x: number, y: number) => void;
}) {
  const { index, shown, onShown, onJump, onText } = props;
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
    const x = e.offsetX * ptPerCss;
    const y = e.offsetY * ptPerCss;
    const link = linkAt(shown.paint, x, y);
    if (link?.page != null) onJump(link.page);
    else if (!link) onText(shown.revision, x, y);
  };
  return (
    <canvas
      ref={ref}
      class="page-canvas"
      role="img"
      aria-label={`Page ${index + 1}`}
      title="Click text to edit the field it comes from"
      data-page={index}
      onClick={click}
    />
  );
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

  const zoom = store.state.previewZoom;
  const scrollToPage = (page: number) => {
    const el = scroller.current?.querySelector<HTMLElement>(`[data-index="${page}"]`);
    if (el && scroller.current) scroller.current.scrollTo({ top: el.offsetTop - 16, behavior: "smooth" });
  };

  // Follow the section being edited.
  useEffect(() => {
    if (!info || !scroller.current) return;
    const hit = sectionPages(info, step);
    if (hit) scrollToPage(hit[0]);
  }, [step, info?.page_count, info !== null, store.state.previewOpen]);

  // Follow the field being edited (or the field of a clicked finding): the
  // core says where its text is printed; scroll there when it is out of
  // view and mark it for a moment.
  const [mark, setMark] = useState<{ page: number; rect: [number, number, number, number]; seq: number; ptr: string } | null>(null);
  const active = store.state.active;
  useEffect(() => {
    if (!info || !active || zoom === "pages") return;
    const range = sectionPages(info, step);
    let cancelled = false;
    const timer = setTimeout(() => {
      store.host
        .previewLocate(info.revision, active.ptr, range?.[0] ?? null, range?.[1] ?? null)
        .then((spot) => {
          const root = scroller.current;
          if (cancelled || !spot || !root) return;
          const el = root.querySelector<HTMLElement>(`[data-index="${spot.page}"]`);
          if (!el) return;
          setMark({ page: spot.page, rect: spot.rect, seq: active.seq, ptr: spot.pointer });
          const top = el.offsetTop + (spot.rect[1] / info.height) * el.clientHeight;
          const bottom = top + (spot.rect[3] / info.height) * el.clientHeight;
          if (top < root.scrollTop + 24 || bottom > root.scrollTop + root.clientHeight - 24) {
            root.scrollTo?.({ top: Math.max(0, top - root.clientHeight / 3), behavior: "smooth" });
          }
          const left = el.offsetLeft + (spot.rect[0] / info.width) * el.clientWidth;
          if (left < root.scrollLeft || left > root.scrollLeft + root.clientWidth - 40) root.scrollTo?.({ left: Math.max(0, left - 24) });
        })
        .catch(() => {
          /* a newer layout is coming */
        });
    }, 120);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [active?.seq, info?.revision, zoom]);
  useEffect(() => {
    if (!mark) return;
    const t = setTimeout(() => setMark(null), 1600);
    return () => clearTimeout(t);
  }, [mark]);

  const onText = (index: number) => (revision: number, x: number, y: number) => {
    if (zoom === "pages") {
      store.setPreviewZoom("fit");
      requestAnimationFrame(() => scrollToPage(index));
      return;
    }
    void store.clickPage(revision, index, x, y);
  };

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
        <select
          id="preview-zoom"
          class="preview-zoom"
          aria-label="Zoom"
          title="Zoom"
          value={zoom}
          onChange={(e) => store.setPreviewZoom((e.currentTarget as HTMLSelectElement).value as PreviewZoom)}
        >
          {ZOOMS.map(([k, label]) => (
            <option value={k} key={k}>{label}</option>
          ))}
        </select>
        <button type="button" class="icon preview-hide" id="preview-toggle" title="Hide the preview (Ctrl+P)" aria-label="Hide the preview" aria-expanded="true" onClick={() => store.togglePreview(false)}>
          ⟩
        </button>
      </div>
      {store.state.previewError && <p class="notice warning preview-error">{store.state.previewError}</p>}
      <div class={`pages zoom-${zoom}`} ref={scroller} id="preview-pages">
        {info &&
          Array.from({ length: info.page_count }, (_, i) => {
            const shown = pages.get(i);
            // Print size: a point is 4/3 of a CSS pixel.
            const width = zoom === "100" || zoom === "150" ? `${Math.round((info.width * 4 * Number(zoom)) / 300)}px` : undefined;
            return (
              <div class="page" data-index={i} key={i} style={{ aspectRatio: `1 / ${ratio}`, width }}>
                {shown ? (
                  <PageCanvas index={i} shown={shown} onShown={(r) => store.pageShown(r)} onJump={scrollToPage} onText={onText(i)} />
                ) : (
                  <div class="page-loading" />
                )}
                {mark && mark.page === i && (
                  <div
                    class="page-mark"
                    id="preview-mark"
                    key={mark.seq}
                    data-ptr={mark.ptr}
                    style={{
                      left: `${(mark.rect[0] / info.width) * 100}%`,
                      top: `${(mark.rect[1] / info.height) * 100}%`,
                      width: `${(mark.rect[2] / info.width) * 100}%`,
                      height: `${(mark.rect[3] / info.height) * 100}%`,
                    }}
                  />
                )}
                <span class="page-no">{i + 1}</span>
              </div>
            );
          })}
      </div>
    </aside>
  );
}
