import { Check, Lines, Repeater, Section, Select, Text } from "../components/fields";
import { useStore } from "../context";
import { FREQUENCIES, PERIODS } from "../model/options";

function Budget() {
  const store = useStore();
  const { budget, budgetError } = store.state;
  return (
    <div class="budget" id="downtime-budget" aria-live="polite">
      <div class="budget-title">Downtime budget</div>
      {budgetError && <p class="budget-note">{budgetError}</p>}
      {budget?.note && <p class="budget-note">{budget.note}</p>}
      {budget && budget.rows.length > 0 && (
        <>
          <p class="budget-headline">
            <strong id="budget-allowed">
              {budget.least && budget.most && budget.least.allowed !== budget.most.allowed
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
              : `From ${budget.least?.words} (${budget.least?.period}) to ${budget.most?.words} (${budget.most?.period}).`}
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

export function Warranty() {
  return (
    <>
      <section class="section">
        <h3>Availability</h3>
        <div class="split">
          <div class="grid">
            <Text ptr="/warranty/availability/target" label="Availability target" />
            <Select ptr="/warranty/availability/period" label="Measured over" options={PERIODS} empty="Not stated" />
            <Text ptr="/warranty/availability/service_hours/schedule" label="Service hours" />
            <Text ptr="/warranty/availability/service_hours/time_zone" label="Time zone" />
          </div>
          <Budget />
        </div>
        <div class="grid">
          <Text ptr="/warranty/availability/measurement" label="How it is measured" multiline />
          <Text ptr="/warranty/availability/data_source" label="Data source" wide />
          <Lines ptr="/warranty/availability/service_hours/critical_periods" label="Critical business periods" />
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
