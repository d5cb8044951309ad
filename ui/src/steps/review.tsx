import { useStore } from "../context";
import { STEPS, stepOf } from "../model/steps";

export function Review() {
  const store = useStore();
  const { findings, checkError } = store.state;
  const errors = findings.filter((f) => f.severity === "error").length;
  if (checkError) {
    return (
      <div class="empty-state" id="check-failed" role="alert">
        <div class="empty-mark error">!</div>
        <h3>The draft could not be checked</h3>
        <p>{checkError}</p>
        <button type="button" class="primary" onClick={() => void store.save()}>
          Save the draft
        </button>
      </div>
    );
  }
  const warnings = findings.filter((f) => f.severity === "warning").length;
  if (findings.length === 0) {
    return (
      <div class="empty-state">
        <div class="empty-mark">✓</div>
        <h3>Nothing for a reviewer to flag</h3>
        <p>Every required part is there and no check found a problem. Export the PDF for the sponsor.</p>
        <button type="button" class="primary" onClick={() => store.goto("export")}>
          Go to export
        </button>
      </div>
    );
  }
  return (
    <>
      <p class="review-summary">
        {errors > 0 && <span class="pill error">{errors} to fix</span>}
        {warnings > 0 && <span class="pill warning">{warnings} a reviewer would ask about</span>}
        {findings.length - errors - warnings > 0 && <span class="pill info">{findings.length - errors - warnings} worth knowing</span>}
      </p>
      {STEPS.map((step) => {
        const mine = findings.filter((f) => stepOf(f.pointer) === step.id);
        if (mine.length === 0) return null;
        return (
          <section class="section review-group" key={step.id}>
            <h3>{step.title}</h3>
            <ul class="findings">
              {mine.map((f, i) => (
                <li key={i} class={f.severity}>
                  <span class={`sev ${f.severity}`} aria-label={f.severity}>
                    {f.severity === "error" ? "!" : f.severity === "warning" ? "?" : "i"}
                  </span>
                  <div>
                    <a
                      href={`#${f.pointer}`}
                      class="finding-link"
                      data-pointer={f.pointer}
                      data-code={f.code}
                      onClick={(e) => {
                        e.preventDefault();
                        store.focusField(f.pointer);
                      }}
                    >
                      <span class="finding-field">{f.field}</span>
                      <span class="finding-message">{f.message}</span>
                    </a>
                    <p class="hint">{f.hint}</p>
                    <details class="finding-details">
                      <summary>Details</summary>
                      <dl>
                        <dt>Check</dt>
                        <dd><code>{f.code}</code></dd>
                        <dt>Field in the file</dt>
                        <dd><code class="ptr">{f.pointer || "/"}</code></dd>
                      </dl>
                    </details>
                  </div>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}

export function Export() {
  const store = useStore();
  const ex = store.state.exporting;
  const errors = store.state.findings.filter((f) => f.severity === "error").length;
  const pct = Math.round((ex.progress?.fraction ?? 0) * 100);
  return (
    <>
      {errors > 0 && (
        <p class="notice warning">
          {errors} finding{errors === 1 ? "" : "s"} still to fix. You can export a draft for discussion; it carries a DRAFT watermark until approved.{" "}
          <a href="#review" onClick={(e) => { e.preventDefault(); store.goto("review"); }}>Review them</a>
        </p>
      )}
      <div class="export-choices">
        <button type="button" class="export-card primary-card" id="export-pdf" disabled={ex.busy} onClick={() => void store.exportAs("pdf")}>
          <span class="export-title">PDF</span>
          <span class="export-desc">The document the sponsor reads and signs: cover, contents, numbered sections, signature blocks.</span>
          <span class="kbd">Ctrl+E</span>
        </button>
        <button type="button" class="export-card" id="export-markdown" disabled={ex.busy} onClick={() => void store.exportAs("markdown")}>
          <span class="export-title">Markdown</span>
          <span class="export-desc">The source text, for a wiki or version control.</span>
        </button>
        <button type="button" class="export-card" id="export-html" disabled={ex.busy} onClick={() => void store.exportAs("html")}>
          <span class="export-title">HTML</span>
          <span class="export-desc">A standalone page with print styles, for an intranet.</span>
        </button>
        <button type="button" class="export-card" id="export-openslo" disabled={ex.busy} onClick={() => void store.exportAs("openslo")}>
          <span class="export-title">OpenSLO</span>
          <span class="export-desc">The service level targets as OpenSLO v1 YAML, for the monitoring team's SLO tooling.</span>
        </button>
      </div>
      {ex.busy && (
        <div class="progress" role="status" aria-live="polite">
          <div class="progress-label">{ex.progress?.stage ?? "Choosing where to save…"}</div>
          <progress id="export-progress" max={100} value={pct} aria-label="Export progress" />
        </div>
      )}
      {ex.error && <p class="notice error" role="alert">{ex.error}</p>}
      {ex.result && (
        <div class="export-done" role="status" id="export-result" data-path={ex.result.path}>
          <div>
            <div class="done-title">Exported {ex.result.name}</div>
            <div class="done-meta">
              {ex.result.pages ? `${ex.result.pages} pages · ` : ""}
              {(ex.result.bytes / 1024).toFixed(0)} KB · {ex.result.path}
            </div>
            {ex.result.warnings.length > 0 && <p class="hint">{ex.result.warnings.join("; ")}</p>}
          </div>
          <div class="done-actions">
            <button type="button" onClick={() => store.revealExported()}>Show in folder</button>
            <button type="button" class="primary" onClick={() => store.openExported()}>Open</button>
          </div>
        </div>
      )}
    </>
  );
}
