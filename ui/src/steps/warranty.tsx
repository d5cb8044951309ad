import { useState } from "preact/hooks";
import { Check, Lines, Repeater, Section, Select, Text } from "../components/fields";
import { useStore } from "../context";
import type { Holiday, ServiceLevelTarget } from "../bindings/agreement";
import type { HolidaysOffer } from "../bindings/ipc";
import { asIpcError } from "../host/types";
import { formatDate } from "../model/dates";
import { FREQUENCIES, PERIODS } from "../model/options";
import { nextTargetId, targetLabel } from "../model/targets";

const SCHEDULES: [string, string][] = [
  ["24x7", "Around the clock"],
  ["Mon-Fri 08:00-18:00", "Weekdays, 8 to 6"],
  ["Mon-Fri 09:00-17:30", "Office hours"],
];
const BUSINESS_DAYS: [string, string][] = [
  ["Mon-Fri", "Monday to Friday"],
  ["Mon-Sat", "Monday to Saturday"],
];

/**
 * "Add public holidays…": the public holidays of the service's country for
 * the agreement's term, as the core works them out, added in one edit.
 * The country is the time zone's unless another is chosen.
 */
export function PublicHolidays() {
  const store = useStore();
  const [offer, setOffer] = useState<HolidaysOffer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ask = async (country: string | null) => {
    const draft = store.state.draft;
    if (!draft) return;
    setBusy(true);
    try {
      setOffer(await store.host.publicHolidays(draft, country));
      setError(null);
    } catch (e) {
      setError(asIpcError(e).message);
    } finally {
      setBusy(false);
    }
  };
  if (!offer && !error) {
    return (
      <div class="field wide holidays-offer" id="holidays-offer">
        <button type="button" id="holidays-open" disabled={busy} onClick={() => void ask(null)}>
          Add public holidays…
        </button>
        <p class="help">The public holidays of the service's country for the agreement's term, as a start you can edit.</p>
      </div>
    );
  }
  const add = () => {
    if (!offer) return;
    const listed = (store.value("/service_hours/holidays") as Holiday[] | undefined) ?? [];
    const all = [...listed, ...offer.holidays].sort((a, b) => String(a.date).localeCompare(String(b.date)));
    store.edit("/service_hours/holidays", all, null);
    store.say(`Added ${offer.holidays.length} public holiday${offer.holidays.length === 1 ? "" : "s"} of ${offer.country ?? "the country"}`);
    setOffer(null);
  };
  const n = offer?.holidays.length ?? 0;
  return (
    <div class="field wide holidays-offer holidays-panel" id="holidays-panel" role="group" aria-label="Public holidays">
      {offer && (
        <label>
          Country
          <select
            id="holidays-country"
            value={offer.country ?? ""}
            disabled={busy}
            onChange={(e) => void ask((e.currentTarget as HTMLSelectElement).value || null)}
          >
            {!offer.country && <option value="">Choose a country</option>}
            {offer.countries.map((c) => (
              <option value={c} key={c}>{c}</option>
            ))}
          </select>
        </label>
      )}
      <p id="holidays-summary" aria-live="polite">
        {error ??
          (offer?.note
            ? offer.note
            : offer &&
              `${offer.found} public holiday${offer.found === 1 ? "" : "s"} of ${offer.country} from ${offer.from} to ${offer.to}` +
                (offer.already ? ` (${offer.already} already listed)` : "") +
                (n === 0 ? ": all of them are listed." : "."))}
      </p>
      {offer && n > 0 && (
        <ul class="holidays-list" id="holidays-list">
          {offer.holidays.map((h) => (
            <li key={h.date}>
              <span class="date">{formatDate(String(h.date))}</span> {h.name}
            </li>
          ))}
        </ul>
      )}
      <div class="approval-row">
        <button type="button" class="primary" id="holidays-add" disabled={busy || n === 0} onClick={add}>
          {n ? `Add ${n === 1 ? "it" : `these ${n}`}` : "Add them"}
        </button>
        <button type="button" id="holidays-cancel" onClick={() => { setOffer(null); setError(null); }}>
          Close
        </button>
      </div>
    </div>
  );
}

/** The downtime one availability target allows, as the shell computes it. */
export function TargetBudget({ index }: { index: number }) {
  const store = useStore();
  const entry = store.budgetOf(index);
  const budget = entry?.budget;
  return (
    <div class="target-budget" id={`budget-${index}`} aria-live="polite">
      {entry?.note && <p class="budget-note">{entry.note.message}</p>}
      {budget && (
        <>
          <p class="budget-headline">
            <strong id={`budget-allowed-${index}`}>
              {budget.least.allowed !== budget.most.allowed
                ? `${budget.least.allowed} – ${budget.most.allowed}`
                : budget.rows[0].allowed}
            </strong>{" "}
            <span>
              {budget.rows.length > 1 ? "per period, depending on its length" : `per ${budget.rows[0].period}`}
            </span>
          </p>
          <p class="budget-words">
            {budget.rows.length === 1
              ? `${budget.rows[0].words} of ${budget.rows[0].service_hours} service hours.`
              : `From ${budget.least.words} (${budget.least.period}) to ${budget.most.words} (${budget.most.period}).`}
            {budget.excluded_maintenance && ` Excluded maintenance: ${budget.excluded_maintenance} a month.`}
          </p>
          {budget.rows.length > 1 && (
            <table class="budget-table">
              <thead>
                <tr>
                  <th scope="col">Period</th>
                  <th scope="col">Service hours</th>
                  <th scope="col">Allowed downtime</th>
                </tr>
              </thead>
              <tbody>
                {budget.rows.map((r) => (
                  <tr key={r.period}>
                    <td>{r.period}</td>
                    <td>{r.service_hours}</td>
                    <td>{r.allowed}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </div>
  );
}

/** One downtime budget per availability target, each a link to its target. */
function Budgets() {
  const store = useStore();
  const levels = (store.value("/service_levels") as ServiceLevelTarget[] | undefined) ?? [];
  // The availability targets, as the core counts them (one budget each).
  const indexes = store.state.budgets.map((b) => b.index).filter((i) => i < levels.length);
  const addTarget = () => {
    store.append("/service_levels", { id: nextTargetId(levels), name: "Availability", metric: "availability", target: "99.9%" });
    store.focusField(`/service_levels/${levels.length}/target`);
  };
  return (
    <div class="budget" id="downtime-budget">
      <div class="budget-title">Downtime budget</div>
      {indexes.length === 0 && (
        <>
          <p class="budget-note">No availability target yet. Availability figures are service level targets; add one to see the downtime it allows.</p>
          <button type="button" class="add" id="add-availability-target" onClick={addTarget}>
            + Add availability target
          </button>
        </>
      )}
      {indexes.map((i) => {
        const t = levels[i];
        return (
          <div class="budget-target" key={i}>
            <div class="budget-target-head">
              <a
                href={`#target-${i}`}
                class="budget-target-name"
                onClick={(e) => {
                  e.preventDefault();
                  store.focusField(`/service_levels/${i}/target`);
                }}
              >
                {targetLabel(t, i)}
              </a>
              <span class="budget-target-figure">{t.target}</span>
            </div>
            {t.scope && <p class="budget-words">{t.scope}</p>}
            <TargetBudget index={i} />
          </div>
        );
      })}
    </div>
  );
}

export function Warranty() {
  return (
    <>
      <section class="section">
        <h3>Service hours</h3>
        <p class="section-note">
          When the service is to be available. Availability targets, channels, service actions and the support clock use these hours unless they
          state their own; times in business days count on these days.
        </p>
        <div class="grid">
          <Text ptr="/service_hours/schedule" label="Service hours" suggestions={SCHEDULES} />
          <Text ptr="/service_hours/time_zone" label="Time zone" />
          <Text ptr="/service_hours/business_days" label="Business days" suggestions={BUSINESS_DAYS} placeholder="The days the service hours are open" />
          <Lines ptr="/service_hours/critical_periods" label="Critical business periods" />
        </div>
        <PublicHolidays />
        <Repeater
          ptr="/service_hours/holidays"
          title="Holidays"
          noun="Holiday"
          empty="No holidays: the service hours apply every week of the year."
          make={() => ({ date: `${new Date().getFullYear()}-12-25`, name: "Christmas Day" })}
          summary={(h) => [h.name, h.date].filter(Boolean).join(" · ")}
          render={(b) => (
            <>
              <Text ptr={`${b}/date`} label="Date" type="date" />
              <Text ptr={`${b}/name`} label="Name" />
            </>
          )}
        />
      </section>
      <section class="section">
        <h3>Availability</h3>
        <p class="section-note">
          How availability is measured. The figures themselves are availability targets among the service levels; each uses these unless it states
          its own period or hours.
        </p>
        <div class="split">
          <div class="grid">
            <Select ptr="/warranty/availability/period" label="Measured over" options={PERIODS} empty="Not stated" />
            <Text ptr="/warranty/availability/measurement" label="How it is measured" multiline />
            <Text ptr="/warranty/availability/data_source" label="Data source" wide />
          </div>
          <Budgets />
        </div>
      </section>
      <Repeater
        ptr="/warranty/availability/maintenance"
        title="Maintenance windows"
        noun="Maintenance window"
        empty="No planned maintenance windows."
        make={() => ({ when: "", frequency: "monthly", duration: "2h" })}
        summary={(m) => String(m.when ?? "")}
        render={(b) => (
          <>
            <Text ptr={`${b}/when`} label="When" />
            <Select ptr={`${b}/frequency`} label="How often" options={FREQUENCIES} />
            <Text ptr={`${b}/duration`} label="Duration" />
            <Text ptr={`${b}/notice`} label="Notice" />
            <Check ptr={`${b}/counts_as_downtime`} label="Downtime" text="Counts as downtime" />
          </>
        )}
      />
      <Repeater
        ptr="/warranty/capacity"
        title="Capacity"
        noun="Capacity commitment"
        empty="No capacity commitments."
        make={() => ({ metric: "", commitment: "" })}
        summary={(c) => String(c.metric ?? "")}
        render={(b) => (
          <>
            <Text ptr={`${b}/metric`} label="Metric" />
            <Text ptr={`${b}/commitment`} label="Commitment" />
          </>
        )}
      />
      <Section title="Continuity">
        <Text ptr="/warranty/continuity/rto" label="Recovery time objective (RTO)" />
        <Text ptr="/warranty/continuity/rpo" label="Recovery point objective (RPO)" />
        <Select ptr="/warranty/continuity/test_frequency" label="Tested" options={FREQUENCIES} empty="Not stated" />
        <Text ptr="/warranty/continuity/arrangements" label="Arrangements" multiline />
      </Section>
      <Section title="Security">
        <Lines ptr="/warranty/security/commitments" label="Commitments" />
        <Lines ptr="/warranty/security/standards" label="Standards" />
        <Text ptr="/warranty/security/data_location" label="Data location" />
        <Text ptr="/warranty/security/breach_notification" label="Breach notification within" />
      </Section>
    </>
  );
}
