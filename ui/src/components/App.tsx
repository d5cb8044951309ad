import { useEffect } from "preact/hooks";
import { useStore } from "../context";
import { Editor } from "./Editor";
import { Modal } from "./Modal";
import { Palette } from "./Palette";
import { Start } from "./Start";
import { STEPS } from "../model/steps";

/**
 * Keyboard shortcuts: Ctrl+Z, Ctrl+Shift+Z (or Ctrl+Y), Ctrl+S,
 * Ctrl+Shift+S, Ctrl+E, Ctrl+O, Ctrl+N, Ctrl+K (commands), Ctrl+P (preview),
 * Ctrl+0..3 (preview zoom: fit width, 100%, 150%, page thumbnails);
 * Alt+Right / Alt+Left and Ctrl+PageDown / Ctrl+PageUp (next and previous
 * step), Alt+1..9 (a step).
 */
export function shortcut(e: KeyboardEvent): string | null {
  if (e.altKey && !e.ctrlKey && !e.metaKey) {
    if (e.key === "ArrowRight") return "next";
    if (e.key === "ArrowLeft") return "previous";
    if (/^[1-9]$/.test(e.key)) return `step${e.key}`;
    return null;
  }
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  if (e.key === "PageDown") return "next";
  if (e.key === "PageUp") return "previous";
  const k = e.key.toLowerCase();
  if (k === "z") return e.shiftKey ? "redo" : "undo";
  if (k === "y") return "redo";
  if (k === "s") return e.shiftKey ? "saveAs" : "save";
  if (k === "e") return "export";
  if (k === "o") return "open";
  if (k === "n") return "home";
  if (k === "k") return "palette";
  if (k === "p") return "preview";
  if (!e.shiftKey && ["0", "1", "2", "3"].includes(e.key)) return `zoom${e.key}`;
  return null;
}

/** A text box keeps its own undo (Ctrl+Z inside it is the browser's, per field). */
export function nativeUndo(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLInputElement) return !["checkbox", "radio", "button", "submit", "file", "range", "color"].includes(target.type);
  return target.isContentEditable;
}

export function App() {
  const store = useStore();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = shortcut(e);
      if (!action || store.state.modal) return;
      const editing = store.state.screen === "editor";
      if ((action === "undo" || action === "redo") && nativeUndo(e.target)) return;
      if (store.state.palette && action !== "palette") return;
      e.preventDefault();
      if (action === "undo" && editing) store.undo();
      else if (action === "redo" && editing) store.redo();
      else if (action === "save" && editing) void store.save();
      else if (action === "saveAs" && editing) void store.saveAs();
      else if (action === "export" && editing) void store.exportAs("pdf");
      else if (action === "open") store.open();
      else if (action === "home" && editing) store.goHome();
      else if (action === "palette" && editing) {
        if (store.state.palette) store.closePalette();
        else store.openPalette();
      } else if (action === "preview" && editing) store.togglePreview();
      else if (action.startsWith("zoom") && editing) store.setPreviewZoom((["fit", "100", "150", "pages"] as const)[Number(action.slice(4))]);
      else if (action === "next" && editing) store.stepBy(1);
      else if (action === "previous" && editing) store.stepBy(-1);
      else if (action.startsWith("step") && editing) {
        const s = STEPS[Number(action.slice(4)) - 1];
        if (s) store.goto(s.id);
      }
    };
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, [store]);
  useEffect(() => {
    const t = store.state.toast;
    if (!t) return;
    const h = setTimeout(() => store.dismissToast(), 2500);
    return () => clearTimeout(h);
  }, [store.state.toast]);
  return (
    <>
      {store.state.screen === "start" ? <Start /> : <Editor />}
      {store.state.toast && (
        <div class="toast" role="status" id="toast">
          {store.state.toast}
        </div>
      )}
      {store.state.palette && store.state.screen === "editor" && <Palette />}
      <Modal />
    </>
  );
}
