// The live preview: the pages exactly as the PDF lays them out (SVG drawn
// by the core from the same layout), fetched only for the pages in view,
// and scrolled to the section of the step being edited.
import { useEffect, useRef, useState } from "preact/hooks";
import { useStore } from "../context";
import { stepById } from "../model/steps";

interface Shown {
  revision: number;
  url: string;
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
  }, [info?.page_count]);

  // Fetch the visible pages of the current layout.
  useEffect(() => {
    if (!info) return;
    let cancelled = false;
    for (const index of visible) {
      if (index >= info.page_count) continue;
      const have = pagesRef.current.get(index);
      if (have && have.revision === info.revision) continue;
      store.host
        .previewPage(info.revision, index)
        .then((svg) => {
          if (cancelled) return;
          const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
          setPages((prev) => {
            const next = new Map(prev);
            const old = next.get(index);
            if (old) URL.revokeObjectURL(old.url);
            next.set(index, { revision: info.revision, url });
            return next;
          });
        })
        .catch(() => {
          /* a newer layout replaced this one; its pages come next */
        });
    }
    return () => {
      cancelled = true;
    };
  }, [info?.revision, visible]);

  // Follow the section being edited.
  useEffect(() => {
    if (!info || !scroller.current) return;
    const re = stepById(step).headings;
    const hit = info.outline.find((o) => re.test(o.title));
    if (!hit) return;
    const el = scroller.current.querySelector<HTMLElement>(`[data-index="${hit.page}"]`);
    if (el) scroller.current.scrollTo({ top: el.offsetTop - 16, behavior: "smooth" });
  }, [step, info?.page_count, info !== null]);

  const ratio = info ? info.height / info.width : 297 / 210;
  return (
    <aside class="preview" aria-label="Preview of the pages">
      <div class="preview-head">
        <span class="preview-title">Preview</span>
        <span class="preview-meta" id="preview-meta" data-pages={info?.page_count ?? 0} data-revision={info?.revision ?? 0}>
          {info ? `${info.page_count} page${info.page_count === 1 ? "" : "s"}` : "Laying out…"}
          {store.state.previewMs !== null && ` · updated in ${Math.round(store.state.previewMs)} ms`}
        </span>
      </div>
      {store.state.previewError && <p class="notice warning preview-error">{store.state.previewError}</p>}
      <div class="pages" ref={scroller}>
        {info &&
          Array.from({ length: info.page_count }, (_, i) => {
            const shown = pages.get(i);
            return (
              <div class="page" data-index={i} key={i} style={{ aspectRatio: `1 / ${ratio}` }}>
                {shown ? (
                  <img
                    src={shown.url}
                    alt={`Page ${i + 1}`}
                    draggable={false}
                    onLoad={() => store.pageShown(shown.revision)}
                  />
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
