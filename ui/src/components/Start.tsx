import { useState } from "preact/hooks";
import type { Kind } from "../host/types";
import { useStore } from "../context";
import { Interview } from "./Interview";
import { formatDateTime } from "../model/dates";

const KIND_NAMES: Record<string, string> = { sla: "SLA", ola: "OLA", uc: "UC", offering: "Service offering" };

const KIND_CARDS: { kind: Kind; title: string; text: string }[] = [
  { kind: "sla", title: "Service level agreement", text: "Provider and customer: targets, credits and duties on both sides." },
  { kind: "ola", title: "Operational level agreement", text: "Between teams of one organization, holding up an SLA." },
  { kind: "uc", title: "Underpinning contract", text: "With an external supplier, holding up an SLA." },
  { kind: "offering", title: "Service offering", text: "The catalogue entry: goods, access and actions, no targets signed." },
];

export function Start() {
  const store = useStore();
  const start = store.state.start;
  const [asking, setAsking] = useState(false);
  if (asking) {
    return (
      <main class="start">
        <div class="start-inner">
          <Interview onClose={() => setAsking(false)} />
        </div>
      </main>
    );
  }
  return (
    <main class="start">
      <div class="start-inner">
      <header class="start-hero">
        <img src="/icon.png" alt="" class="logo" />
        <div>
          <h1>Pactwright</h1>
          <p>Draft service agreements the ITIL 4 way: both sides' duties, measured targets, and a PDF the sponsor signs.</p>
        </div>
      </header>
      {store.state.startError && (
        <div class="notice error start-error" role="alert" id="start-error">
          <strong>The file could not be opened.</strong>
          <span>{store.state.startError}</span>
        </div>
      )}
      <section class="start-section" aria-labelledby="from-heading">
        <h2 id="from-heading">Start from</h2>
        <div class="from-grid">
          <button type="button" class="kind-card from-card primary-card" id="start-interview" onClick={() => setAsking(true)}>
            <span class="kind-title">A few questions</span>
            <span class="kind-text">Twelve answers (the service, both sides, hours, availability, the P1 clock) and the agreement is written around them.</span>
          </button>
          <button type="button" class="kind-card from-card" id="start-copy" onClick={() => store.startFromCopy()}>
            <span class="kind-title">An existing agreement…</span>
            <span class="kind-text">A copy for another consumer and term: the service and targets stay; the consumer, dates, approvals and signatures go.</span>
          </button>
        </div>
      </section>
      <section class="start-section" aria-labelledby="new-heading">
        <h2 id="new-heading">A blank agreement</h2>
        <div class="kind-grid">
          {KIND_CARDS.map((k) => (
            <button type="button" class="kind-card" id={`new-${k.kind}`} key={k.kind} onClick={() => store.newDraft(k.kind)}>
              <span class="kind-code">{k.kind.toUpperCase()}</span>
              <span class="kind-title">{k.title}</span>
              <span class="kind-text">{k.text}</span>
            </button>
          ))}
        </div>
      </section>
      <div class="start-columns">
        <section class="start-section" aria-labelledby="recent-heading">
          <div class="section-row">
            <h2 id="recent-heading">Recent</h2>
            <button type="button" id="open-file" onClick={() => store.open()}>
              Open a file…
            </button>
          </div>
          {start && start.recent.length > 0 ? (
            <ul class="file-list" id="recent-list">
              {start.recent.map((r) => (
                <li key={r.path}>
                  <button
                    type="button"
                    class="file"
                    disabled={!r.exists}
                    onClick={() => store.openRecent(r.path)}
                    data-path={r.path}
                    title={r.path}
                  >
                    <span class="file-name">{r.title ?? r.name}</span>
                    <span class="file-meta">
                      {r.exists
                        ? [r.kind ? (KIND_NAMES[r.kind] ?? r.kind) : "", r.modified_ms ? formatDateTime(r.modified_ms) : "", r.title ? r.name : ""]
                            .filter(Boolean)
                            .join(" · ")
                        : `${r.name}: moved or deleted`}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p class="empty-note">Agreements you open or save appear here.</p>
          )}
        </section>
        <section class="start-section" aria-labelledby="samples-heading">
          <h2 id="samples-heading">A sample</h2>
          {start && start.samples.length > 0 ? (
            <ul class="file-list">
              {start.samples.map((s) => (
                <li key={s.id}>
                  <button type="button" class="file" id={`sample-${s.id}`} onClick={() => store.openSample(s.id)}>
                    <span class="file-name">{s.title}</span>
                    <span class="file-folder">{s.kind}</span>
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p class="empty-note">No samples found.</p>
          )}
        </section>
      </div>
      </div>
    </main>
  );
}
