import { useStore } from "../context";
import { STEPS, stepState } from "../model/steps";

const plural = (n: number, one: string, many = one + "s") => `${n} ${n === 1 ? one : many}`;

/**
 * The steps, each with what the core's checks say about it: a tick when
 * they flag nothing there, otherwise how many findings to fix and to check.
 */
export function Sidebar() {
  const store = useStore();
  const { draft, findings, step, checkError } = store.state;
  if (!draft) return null;
  return (
    <nav class="sidebar" aria-label="Steps">
      <ol>
        {STEPS.map((s, i) => {
          const st = stepState(s, findings);
          const isReview = s.id === "review";
          const counted = s.prefixes.length > 0;
          const errors = isReview ? findings.filter((f) => f.severity === "error").length : st.errors;
          const count = isReview ? findings.length : st.findings.length;
          const clean = counted && !checkError && st.errors === 0 && st.warnings === 0;
          const sub = !counted
            ? null
            : checkError
              ? "Not checked"
              : st.errors + st.warnings === 0
                ? "Nothing to fix"
                : [st.errors ? plural(st.errors, "to fix", "to fix") : "", st.warnings ? plural(st.warnings, "to check", "to check") : ""]
                    .filter(Boolean)
                    .join(" · ");
          return (
            <li key={s.id}>
              <button
                type="button"
                id={`step-${s.id}`}
                class={`step ${step === s.id ? "current" : ""}`}
                aria-current={step === s.id ? "step" : undefined}
                data-state={!counted ? "none" : clean ? "clean" : st.errors ? "error" : "warning"}
                onClick={() => store.goto(s.id)}
              >
                <span class={`ring ${clean ? "full" : st.errors ? "errors" : counted ? "warnings" : ""}`} aria-hidden="true">
                  {clean ? "✓" : i + 1}
                </span>
                <span class="step-text">
                  <span class="step-title">{s.title}</span>
                  {sub && <span class="step-sub">{sub}</span>}
                </span>
                {count > 0 && (
                  <span
                    class={`badge ${errors > 0 ? "error" : "warning"}`}
                    data-count={count}
                    aria-label={plural(count, "finding")}
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
