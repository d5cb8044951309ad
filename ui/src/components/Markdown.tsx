// A clause's Markdown text with a small formatting bar: bold, italic,
// bulleted and numbered list, link, subheading. Each button wraps the
// selection (or the current line) in the Markdown the core's renderer reads;
// the page preview beside the form shows the clause as it will print.
import { useRef } from "preact/hooks";
import { useStore } from "../context";
import { fieldId } from "../model/pointer";

type Edit = (text: string, start: number, end: number) => [string, number, number];

const wrap =
  (mark: string, empty: string): Edit =>
  (t, s, e) => {
    const inner = t.slice(s, e) || empty;
    const out = t.slice(0, s) + mark + inner + mark + t.slice(e);
    return [out, s + mark.length, s + mark.length + inner.length];
  };

const lines =
  (prefix: (i: number) => string): Edit =>
  (t, s, e) => {
    const from = t.lastIndexOf("\n", s - 1) + 1;
    const toNl = t.indexOf("\n", e);
    const to = toNl === -1 ? t.length : toNl;
    const block = t
      .slice(from, to)
      .split("\n")
      .map((l, i) => prefix(i) + l.replace(/^(\s*([-*]|\d+\.)\s+|#+\s+)/, ""))
      .join("\n");
    return [t.slice(0, from) + block + t.slice(to), from, from + block.length];
  };

const TOOLS: [string, string, Edit][] = [
  ["B", "Bold", wrap("**", "bold text")],
  ["I", "Italic", wrap("*", "italic text")],
  ["•", "Bulleted list", lines(() => "- ")],
  ["1.", "Numbered list", lines((i) => `${i + 1}. `)],
  [
    "Link",
    "Link",
    (t, s, e) => {
      const label = t.slice(s, e) || "link text";
      const ins = `[${label}](https://)`;
      return [t.slice(0, s) + ins + t.slice(e), s + label.length + 3, s + label.length + 11];
    },
  ],
  ["H", "Subheading", lines(() => "### ")],
];

export function Markdown(props: { ptr: string; label: string }) {
  const store = useStore();
  const area = useRef<HTMLTextAreaElement>(null);
  const v = store.value(props.ptr);
  const value = typeof v === "string" ? v : "";
  const id = fieldId(props.ptr);
  const apply = (edit: Edit) => {
    const el = area.current;
    const [s, e] = el ? [el.selectionStart, el.selectionEnd] : [value.length, value.length];
    const [next, ns, ne] = edit(value, s, e);
    store.edit(props.ptr, next, null);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(ns, ne);
    });
  };
  return (
    <div class="field wide markdown-field">
      <label for={id}>{props.label}</label>
      <div class="md-bar" role="toolbar" aria-label={`Format ${props.label.toLowerCase()}`}>
        {TOOLS.map(([text, title, edit]) => (
          <button type="button" class="md-tool" key={title} title={title} aria-label={title} data-tool={title} onMouseDown={(e) => e.preventDefault()} onClick={() => apply(edit)}>
            {text}
          </button>
        ))}
      </div>
      <textarea
        id={id}
        ref={area}
        rows={6}
        value={value}
        placeholder="The clause text, in Markdown: paragraphs, lists, **bold**, *italic*"
        onInput={(e) => store.edit(props.ptr, (e.currentTarget as HTMLTextAreaElement).value)}
      />
    </div>
  );
}
