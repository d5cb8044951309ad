import { useStore } from "../context";
import { STEPS, completeness, stepOf } from "../model/steps";

export function Sidebar() {
  const store = useStore();
  const { draft, findings, step } = store.state;
  if (!draft) return null;
  return (
    <nav class="sidebar" aria-label="Steps">
      <ol>
        {STEPS.map((s, i) => {
          const mine = findings.filter((f) => stepOf(f.pointer) === s.id && s.prefixes.length > 0);
          const errors = mine.filter((f) => f.severity === "error").length;
          const [done, total] = completeness(s, draft);
          const pct = total === 0 ? 1 : done / total;
          const count = s.id === "review" ? findings.length : mine.length;
          return (
            <li key={s.id}>
              <button
                type="button"
                id={`step-${s.id}`}
                class={`step ${step === s.id ? "current" : ""}`}
                aria-current={step === s.id ? "step" : undefined}
                onClick={() => store.goto(s.id)}
              >
                <span class={`ring ${total > 0 && pct >= 1 ? "full" : ""}`} style={{ "--pct": String(pct) }} aria-hidden="true">
                  {total > 0 && pct >= 1 ? "✓" : i + 1}
                </span>
                <span class="step-text">
                  <span class="step-title">{s.title}</span>
                  {total > 0 && (
                    <span class="step-sub">
                      {done} of {total} filled
                    </span>
                  )}
                </span>
                {count > 0 && (
                  <span
                    class={`badge ${errors > 0 || (s.id === "review" && findings.some((f) => f.severity === "error")) ? "error" : "warning"}`}
                    data-count={count}
                    aria-label={`${count} finding${count === 1 ? "" : "s"}`}
                  >
                    {count}
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
