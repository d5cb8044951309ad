// "A few questions": the short interview on the start screen. The answers
// go to the core, which fills a starter into a nearly complete agreement
// (or names each answer it cannot use, with an example); nothing here
// decides what an answer means.
import { useState } from "preact/hooks";
import { useStore } from "../context";
import type { AnswerError, Answers } from "../bindings/ipc";
import type { Kind } from "../host/types";

/** The first day of next month, ISO: when most agreements start. */
function nextMonth(): string {
  const d = new Date();
  const y = d.getMonth() === 11 ? d.getFullYear() + 1 : d.getFullYear();
  const m = (d.getMonth() + 1) % 12;
  return `${y}-${String(m + 1).padStart(2, "0")}-01`;
}

/** The system's time zone, a start the user can change. */
function systemZone(): string {
  try {
    const z = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return z && z !== "UTC" && z.includes("/") ? z : "Europe/London";
  } catch {
    return "Europe/London";
  }
}

const HOURS = ["Mon-Fri 08:00-18:00", "Mon-Fri 09:00-17:30", "24/7"];

interface Question {
  key: keyof Answers;
  label: string;
  help: string;
  placeholder?: string;
  list?: string[];
  wide?: boolean;
  /** Asked of agreements with service levels only (not of an offering). */
  levels?: boolean;
}

const QUESTIONS: Question[] = [
  { key: "service", label: "Service", help: "What the service is called.", placeholder: "e.g. Payroll" },
  { key: "description", label: "What it does for the consumer", help: "One sentence; you can say more later.", placeholder: "e.g. Pays every employee correctly and on time.", wide: true },
  { key: "provider", label: "Provider", help: "The organization or team that provides it.", placeholder: "e.g. Northwind Shared Services" },
  { key: "consumer", label: "Consumer", help: "The organization or team it is for.", placeholder: "e.g. Northwind Retail" },
  { key: "owner", label: "Service owner", help: "On the provider's side: owns the agreement and signs it.", placeholder: "e.g. Priya Shah" },
  { key: "sponsor", label: "Sponsor", help: "On the consumer's side: approves the agreement and signs it.", placeholder: "e.g. Tom O'Brien" },
  { key: "hours", label: "Service hours", help: "When the service is there, in your words.", list: HOURS, levels: true },
  { key: "time_zone", label: "Time zone", help: "Where the hours are kept.", placeholder: "e.g. Europe/London", levels: true },
  { key: "availability", label: "Availability promised", help: "Share of the service hours it is up, per month.", list: ["99.5%", "99.9%", "99%"], levels: true },
  { key: "p1_response", label: "P1 response", help: "How soon a critical incident is picked up.", list: ["15 min", "30 min", "1h"], levels: true },
  { key: "p1_resolution", label: "P1 resolution", help: "How soon a critical incident is resolved.", list: ["2h", "4h", "8h"], levels: true },
  { key: "effective_date", label: "Takes effect", help: "The first day of the agreement, as 2027-01-01." },
];

export function Interview({ onClose }: { onClose: () => void }) {
  const store = useStore();
  const [answers, setAnswers] = useState<Answers>({
    kind: "sla",
    service: "",
    description: "",
    provider: "",
    consumer: "",
    owner: "",
    sponsor: "",
    hours: HOURS[0],
    time_zone: systemZone(),
    availability: "99.5%",
    p1_response: "15 min",
    p1_resolution: "4h",
    effective_date: nextMonth(),
  });
  const [errors, setErrors] = useState<AnswerError[]>([]);
  const [busy, setBusy] = useState(false);
  const offering = answers.kind === "offering";
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    const left = await store.startFromAnswers(answers);
    setBusy(false);
    setErrors(left);
    if (left.length) document.getElementById(`q-${left[0].field}`)?.focus();
  };
  return (
    <form class="interview" id="interview" onSubmit={(e) => void submit(e)} aria-labelledby="interview-heading">
      <div class="section-row">
        <h2 id="interview-heading">A few questions</h2>
        <button type="button" onClick={onClose}>
          Back
        </button>
      </div>
      <p class="help">Answer these and Pactwright writes the agreement around them: parties, people, hours, targets, priorities, reviews and signatures. Everything stays editable.</p>
      <div class="interview-grid">
        <label class="field">
          <span class="label">Kind of agreement</span>
          <select id="q-kind" value={answers.kind} onChange={(e) => setAnswers({ ...answers, kind: (e.currentTarget as HTMLSelectElement).value as Kind })}>
            <option value="sla">Service level agreement</option>
            <option value="ola">Operational level agreement</option>
            <option value="uc">Underpinning contract</option>
            <option value="offering">Service offering</option>
          </select>
        </label>
        {QUESTIONS.filter((q) => !(offering && q.levels)).map((q) => {
          const error = errors.find((x) => x.field === q.key);
          return (
            <label class={`field ${q.wide ? "wide" : ""} ${error ? "has-error" : ""}`} key={q.key}>
              <span class="label">{q.label}</span>
              <input
                id={`q-${q.key}`}
                type="text"
                value={String(answers[q.key] ?? "")}
                placeholder={q.placeholder}
                list={q.list ? `q-${q.key}-list` : undefined}
                aria-invalid={error ? "true" : undefined}
                aria-describedby={`q-${q.key}-help`}
                onInput={(e) => setAnswers({ ...answers, [q.key]: (e.currentTarget as HTMLInputElement).value })}
              />
              {q.list && (
                <datalist id={`q-${q.key}-list`}>
                  {q.list.map((v) => (
                    <option value={v} key={v} />
                  ))}
                </datalist>
              )}
              {error && (
                <span class="field-finding error" id={`q-${q.key}-error`} role="alert">
                  {error.message.charAt(0).toUpperCase() + error.message.slice(1)}.
                </span>
              )}
              <span class="help" id={`q-${q.key}-help`}>{q.help}</span>
            </label>
          );
        })}
      </div>
      <div class="interview-actions">
        <button type="submit" class="primary" id="interview-start" disabled={busy}>
          Write the agreement
        </button>
      </div>
    </form>
  );
}
