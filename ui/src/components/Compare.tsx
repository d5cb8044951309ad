// "Compare with…": the draft compared by the core with an earlier saved
// version of the file or a file the user picks; the changes listed by
// section in the core's words (free text with its words struck through
// and inserted), each one a link to its field; and the change-history
// entry the comparison prefills, added (or filled in) in one edit.
import { useState } from "preact/hooks";
import { useStore } from "../context";
import { asIpcError } from "../host/types";
import { formatDateTime } from "../model/dates";
import type { Comparison, ComparedChange, SavedVersion } from "../bindings/ipc";
import type { Change } from "../bindings/agreement";

function Words({ change }: { change: ComparedChange }) {
  if (!change.words.length) return null;
  return (
    <span class="compare-words">
      {change.words.map((w, i) =>
        w.op === "inserted" ? (
          <ins key={i}>{w.text}</ins>
        ) : w.op === "deleted" ? (
          <del key={i}>{w.text}</del>
        ) : (
          <span key={i}>{w.text.length > 90 ? `${w.text.slice(0, 40)} … ${w.text.slice(-40)}` : w.text}</span>
        ),
      )}
    </span>
  );
}

/** The list of changes, as the core words them. */
export function ComparisonView({ result }: { result: Comparison }) {
  const store = useStore();
  return (
    <div class="comparison" id="comparison">
      <p class="comparison-head">
        <strong id="comparison-heading">{result.heading}</strong>
        <span class="help"> Compared with {result.against}. </span>
        <span id="comparison-totals">{result.totals}</span>
      </p>
      {result.sections.map((s) => (
        <section key={s.name} class="comparison-section">
          <h4>{s.name}</h4>
          <ul>
            {s.changes.map((c, i) => (
              <li key={i} class={`change ${c.op}`} data-pointer={c.pointer}>
                <span class="change-op">{c.op === "added" ? "Added" : c.op === "removed" ? "Removed" : "Changed"}</span>{" "}
                {c.op === "removed" ? (
                  <span>{c.line}</span>
                ) : (
                  <a href={`#${c.pointer}`} onClick={(e) => { e.preventDefault(); store.focusField(c.pointer); }}>
                    {c.line}
                  </a>
                )}{" "}
                <Words change={c} />
              </li>
            ))}
          </ul>
          {s.more > 0 && <p class="help">… and {s.more.toLocaleString()} more changes in {s.name}.</p>}
        </section>
      ))}
    </div>
  );
}

export function ComparePanel() {
  const store = useStore();
  const [open, setOpen] = useState(false);
  const [versions, setVersions] = useState<SavedVersion[] | null>(null);
  const [chosen, setChosen] = useState("");
  const [result, setResult] = useState<Comparison | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const start = async () => {
    setOpen(true);
    setResult(null);
    setError(null);
    try {
      const list = await store.host.compareVersions();
      setVersions(list);
      setChosen(list[0]?.id ?? "");
    } catch (e) {
      setVersions([]);
      setError(asIpcError(e).message);
    }
  };
  const run = async (file: boolean) => {
    const draft = store.state.draft;
    if (!draft) return;
    setBusy(true);
    setError(null);
    try {
      const r = await store.host.compare(draft, file ? { kind: "file" } : { kind: "version", id: chosen });
      if (r) setResult(r);
    } catch (e) {
      setError(asIpcError(e).message);
    } finally {
      setBusy(false);
    }
  };
  const addEntry = () => {
    const entry = result?.entry;
    if (!entry) return;
    const history = (store.value("/document/change_history") as Change[] | undefined) ?? [];
    const at = history.findIndex((c) => c.version === entry.version && !c.approval);
    const owner = store.state.draft?.stakeholders?.find((s) => s.id === store.state.draft?.document.owner)?.name ?? "";
    const doc = store.state.draft?.document;
    if (!doc) return;
    if (at >= 0) {
      // The version's entry is there (added when the version changed): say what changed in it.
      store.edit(`/document/change_history/${at}/summary`, entry.summary, null);
      store.say(`Filled in what changed in version ${entry.version}`);
    } else {
      // A new version: its number and its entry, one edit (one undo).
      const change_history = [...history, { version: entry.version, date: entry.date, author: owner, summary: entry.summary }];
      store.edit("/document", { ...doc, version: entry.version, change_history }, null);
      store.say(`Version ${entry.version} added to the change history`);
    }
    setOpen(false);
  };

  if (!open) {
    return (
      <div class="field wide compare-offer">
        <button type="button" id="compare-open" onClick={() => void start()}>
          Compare with…
        </button>
        <p class="help">What changed since an earlier version: the changes in the agreement's words, and a change entry written from them.</p>
      </div>
    );
  }
  return (
    <div class="field wide compare-panel" id="compare-panel" role="group" aria-label="Compare with an earlier version">
      <div class="approval-row">
        <label>
          Saved version
          <select id="compare-version" value={chosen} disabled={!versions?.length} onChange={(e) => setChosen((e.currentTarget as HTMLSelectElement).value)}>
            {!versions?.length && <option value="">No earlier versions saved here</option>}
            {versions?.map((v) => (
              <option value={v.id} key={v.id}>
                {[v.version && `Version ${v.version}`, v.status, formatDateTime(v.saved_at_ms)].filter(Boolean).join(" · ")}
              </option>
            ))}
          </select>
        </label>
        <button type="button" class="primary" id="compare-run" disabled={busy || !chosen} onClick={() => void run(false)}>
          Compare
        </button>
        <button type="button" id="compare-file" disabled={busy} onClick={() => void run(true)}>
          Choose a file…
        </button>
        <button type="button" onClick={() => setOpen(false)}>Close</button>
      </div>
      {error && (
        <p class="field-finding error" id="compare-error" role="alert">
          {error}
        </p>
      )}
      {result && <ComparisonView result={result} />}
      {result?.entry && (
        <div class="compare-entry">
          <p>
            Change entry for version <strong id="compare-entry-version">{result.entry.version}</strong>:{" "}
            <span id="compare-entry-summary">{result.entry.summary}</span>
          </p>
          <button type="button" class="primary" id="compare-add-entry" onClick={addEntry}>
            Add to the change history
          </button>
        </div>
      )}
    </div>
  );
}
