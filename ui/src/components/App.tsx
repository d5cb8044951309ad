import { useEffect } from "preact/hooks";
import { useStore } from "../context";
import { Editor } from "./Editor";
import { Modal } from "./Modal";
import { Start } from "./Start";

/** Keyboard shortcuts: Ctrl+Z, Ctrl+Shift+Z (or Ctrl+Y), Ctrl+S, Ctrl+Shift+S, Ctrl+E, Ctrl+O. */
export function shortcut(e: KeyboardEvent): string | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const k = e.key.toLowerCase();
  if (k === "z") return e.shiftKey ? "redo" : "undo";
  if (k === "y") return "redo";
  if (k === "s") return e.shiftKey ? "saveAs" : "save";
  if (k === "e") return "export";
  if (k === "o") return "open";
  if (k === "n") return "home";
  return null;
}

export function App() {
  const store = useStore();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = shortcut(e);
      if (!action || store.state.modal) return;
      const editing = store.state.screen === "editor";
      e.preventDefault();
      if (action === "undo" && editing) store.undo();
      else if (action === "redo" && editing) store.redo();
      else if (action === "save" && editing) void store.save();
      else if (action === "saveAs" && editing) void store.saveAs();
      else if (action === "export" && editing) void store.exportAs("pdf");
      else if (action === "open") store.open();
      else if (action === "home" && editing) store.goHome();
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
      <Modal />
    </>
  );
}
