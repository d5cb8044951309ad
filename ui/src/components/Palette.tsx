// The command palette (Ctrl+K, or the header's menu button): every action
// of the editor with its shortcut, filtered as the user types.
import { useEffect, useRef, useState } from "preact/hooks";
import { useStore } from "../context";
import type { Store } from "../store";
import { STEPS } from "../model/steps";

export interface Command {
  id: string;
  label: string;
  keys?: string;
  run: (store: Store) => void;
  enabled?: (store: Store) => boolean;
}

const stepIndex = (store: Store) => STEPS.findIndex((s) => s.id === store.state.step);

export const COMMANDS: Command[] = [
  { id: "save", label: "Save", keys: "Ctrl+S", run: (s) => void s.save() },
  { id: "saveAs", label: "Save as…", keys: "Ctrl+Shift+S", run: (s) => void s.saveAs() },
  { id: "export", label: "Export PDF", keys: "Ctrl+E", run: (s) => void s.exportAs("pdf") },
  { id: "exportMarkdown", label: "Export Markdown", run: (s) => void s.exportAs("markdown") },
  { id: "exportHtml", label: "Export HTML", run: (s) => void s.exportAs("html") },
  {
    id: "compare",
    label: "Compare with an earlier version…",
    run: (s) => {
      s.goto("basics");
      setTimeout(() => document.getElementById("compare-open")?.click(), 0);
    },
  },
  { id: "exportOpenslo", label: "Export the targets as OpenSLO", run: (s) => void s.exportAs("openslo") },
  { id: "undo", label: "Undo", keys: "Ctrl+Z", run: (s) => s.undo(), enabled: (s) => s.state.canUndo },
  { id: "redo", label: "Redo", keys: "Ctrl+Shift+Z", run: (s) => s.redo(), enabled: (s) => s.state.canRedo },
  { id: "next", label: "Next step", keys: "Alt+→", run: (s) => s.stepBy(1), enabled: (s) => stepIndex(s) < STEPS.length - 1 },
  { id: "previous", label: "Previous step", keys: "Alt+←", run: (s) => s.stepBy(-1), enabled: (s) => stepIndex(s) > 0 },
  { id: "preview", label: "Show or hide the preview", keys: "Ctrl+P", run: (s) => s.togglePreview() },
  { id: "zoomFit", label: "Preview: fit width", keys: "Ctrl+0", run: (s) => s.setPreviewZoom("fit") },
  { id: "zoom100", label: "Preview: 100%", keys: "Ctrl+1", run: (s) => s.setPreviewZoom("100") },
  { id: "zoom150", label: "Preview: 150%", keys: "Ctrl+2", run: (s) => s.setPreviewZoom("150") },
  { id: "zoomPages", label: "Preview: page thumbnails", keys: "Ctrl+3", run: (s) => s.setPreviewZoom("pages") },
  { id: "open", label: "Open…", keys: "Ctrl+O", run: (s) => s.open() },
  { id: "home", label: "Close and go to the start screen", keys: "Ctrl+N", run: (s) => s.goHome() },
  ...STEPS.map((step, i) => ({
    id: `step-${step.id}`,
    label: `Go to ${step.title}`,
    keys: i < 9 ? `Alt+${i + 1}` : undefined,
    run: (s: Store) => s.goto(step.id),
  })),
];

export function Palette() {
  const store = useStore();
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = COMMANDS.filter((c) => words.every((w) => c.label.toLowerCase().includes(w)));
  const pick = (c: Command | undefined) => {
    if (!c || (c.enabled && !c.enabled(store))) return;
    store.closePalette();
    c.run(store);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === "Escape") {
      e.preventDefault();
      store.closePalette();
    } else if (e.key === "ArrowDown") {
      e.preventDefault();
      setActive((a) => Math.min(shown.length - 1, a + 1));
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (e.key === "Enter") {
      e.preventDefault();
      pick(shown[active]);
    }
  };
  return (
    <div class="palette-backdrop" onClick={(e) => e.target === e.currentTarget && store.closePalette()}>
      <div class="palette" role="dialog" aria-modal="true" aria-label="Commands" id="palette">
        <input
          ref={input}
          id="palette-input"
          placeholder="Type a command…"
          value={query}
          aria-controls="palette-list"
          onKeyDown={onKey}
          onInput={(e) => {
            setQuery((e.currentTarget as HTMLInputElement).value);
            setActive(0);
          }}
        />
        <ul id="palette-list" role="listbox">
          {shown.map((c, i) => {
            const off = c.enabled ? !c.enabled(store) : false;
            return (
              <li
                key={c.id}
                role="option"
                id={`cmd-${c.id}`}
                aria-selected={i === active}
                aria-disabled={off || undefined}
                class={`${i === active ? "active" : ""} ${off ? "off" : ""}`}
                onMouseEnter={() => setActive(i)}
                onClick={() => pick(c)}
              >
                <span>{c.label}</span>
                {c.keys && <kbd>{c.keys}</kbd>}
              </li>
            );
          })}
          {shown.length === 0 && <li class="off">No command matches</li>}
        </ul>
      </div>
    </div>
  );
}
