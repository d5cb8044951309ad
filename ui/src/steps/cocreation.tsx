import { Check, Choices, Lines, Optional, Pick, Repeater, Section, Select, Text } from "../components/fields";
import { PeoplePicker, PersonPicker } from "../components/Picker";
import { useStore } from "../context";
import type { Occasion } from "../bindings/agreement";
import { CADENCES, COMPARISONS, CREDIT_USES, EVENTS, METRICS, PERIODS } from "../model/options";
import { isAvailability, nextTargetId, priorityOptions, targetOptions, withUnknown } from "../model/targets";
import { TargetBudget } from "./warranty";

const SCHEDULES: [string, string][] = [
  ["24x7", "Around the clock"],
  ["Mon-Fri 08:00-18:00", "Weekdays, 8 to 6"],
];
const CLAIM_WINDOWS: [string, string][] = [
  ["60d", "60 days after the period"],
  ["30 business days", "30 business days after the period"],
  ["2 billing cycles", "By the end of the second billing cycle"],
];
/** The choice of a cadence that stands for "after an event". */
const ON_EVENT = "on_event";

/**
 * When a review is held or a report sent: a cadence, or an event (which,
 * of which priority, how soon after). Picking one clears the other.
 */
function When(props: { base: string; field: "cadence" | "frequency"; label: string }) {
  const store = useStore();
  const { base, field } = props;
  const item = (store.value(base) as Record<string, unknown> | undefined) ?? {};
  const on = item.on as Occasion | null | undefined;
  const cadence = typeof item[field] === "string" ? (item[field] as string) : undefined;
  const priorities = priorityOptions(store.state.draft);
  const pick = (v: string) => {
    const next = { ...item };
    if (v === ON_EVENT) {
      delete next[field];
      next.on = on ?? { event: "incident", within: "5bd" };
    } else {
      if (v) next[field] = v;
      else delete next[field];
      delete next.on;
    }
    store.edit(base, next, null);
  };
  return (
    <>
      <Pick
        ptr={`${base}/${field}`}
        label={props.label}
        options={[...CADENCES, [ON_EVENT, "After an event"]]}
        value={cadence ?? (on ? ON_EVENT : undefined)}
        empty="Not stated"
        onPick={pick}
      />
      {on && (
        <>
          <Select ptr={`${base}/on/event`} label="After" options={EVENTS} />
          {(on.event === "incident" || on.event === "major_incident" || on.priority) && (
            <Select ptr={`${base}/on/priority`} label="Of priority" options={priorities} empty="Any priority" />
          )}
          <Text ptr={`${base}/on/within`} label="Within" />
        </>
      )}
    </>
  );
}

export function CoCreation() {
  const store = useStore();
  const people = ((store.value("/stakeholders") as { id: string; name?: string }[] | undefined) ?? []).map(
    (s): [string, string] => [s.id, s.name ? `${s.name} (${s.id})` : s.id],
  );
  return (
    <>
      <section class="section">
        <h3>Responsibilities</h3>
        <p class="section-note">Value is co-created: both sides have duties. An agreement with none for the consumer is a one-way street.</p>
        <div class="duties">
          <div class="duty provider">
            <div class="duty-head">Provider provides</div>
            <Lines ptr="/responsibilities/provider" label="Provider's duties" rows={7} />
          </div>
          <div class="duty consumer">
            <div class="duty-head">Consumer does</div>
            <Lines ptr="/responsibilities/consumer" label="Consumer's duties" rows={7} />
          </div>
        </div>
      </section>
      <Repeater
        ptr="/relationship/reviews"
        title="Reviews"
        noun="Review"
        empty="No review meetings: how will both sides talk about the service?"
        make={() => ({ name: "", cadence: "monthly" })}
        summary={(r) => String(r.name ?? "")}
        render={(b) => (
          <>
            <Text ptr={`${b}/name`} label="Name" />
            <When base={b} field="cadence" label="Held" />
            <PeoplePicker ptr={`${b}/participants`} label="Participants" />
            <Lines ptr={`${b}/agenda`} label="Agenda" rows={2} />
          </>
        )}
      />
      <Repeater
        ptr="/relationship/reports"
        title="Reports"
        noun="Report"
        empty="No reports: how will the consumer know the targets are met?"
        make={() => ({ name: "", frequency: "monthly" })}
        summary={(r) => String(r.name ?? "")}
        render={(b) => (
          <>
            <Text ptr={`${b}/name`} label="Name" />
            <When base={b} field="frequency" label="Sent" />
            <Lines ptr={`${b}/contents`} label="Contents" rows={2} />
            <PeoplePicker ptr={`${b}/recipients`} label="Recipients" />
          </>
        )}
      />
      <Repeater
        ptr="/relationship/contacts"
        title="Contacts"
        noun="Contact"
        empty="No named contacts."
        make={() => ({ stakeholder: people[0]?.[0] ?? "", purpose: "" })}
        summary={(c) => String(c.purpose ?? c.stakeholder ?? "")}
        render={(b) => (
          <>
            <PersonPicker ptr={`${b}/stakeholder`} label="Stakeholder" />
            <Text ptr={`${b}/purpose`} label="For" />
          </>
        )}
      />
      <Section title="Continual improvement">
        <Lines ptr="/relationship/improvement" label="Improvement commitments" />
      </Section>
    </>
  );
}

export function Levels() {
  const store = useStore();
  const draft = store.state.draft;
  const levels = draft?.service_levels ?? [];
  const priorities = priorityOptions(draft);
  const targets = targetOptions(draft);
  const warrantyPeriod = PERIODS.find(([v]) => v === draft?.warranty?.availability?.period)?.[1];
  const names = (ids: unknown) =>
    (Array.isArray(ids) ? ids : []).map((id) => targets.find(([v]) => v === id)?.[1] ?? String(id)).join(", ");
  return (
    <>
      <Repeater
        ptr="/service_levels"
        title="Service level targets"
        noun="Target"
        empty="No targets yet. Each needs a number, a measurement method, a data source and a reporting period."
        make={() => ({ id: nextTargetId(levels), name: "", metric: "availability", target: "99.9%" })}
        summary={(t) => [t.id, t.name, t.scope].filter(Boolean).join(" · ")}
        render={(b, i) => {
          const availability = isAvailability(levels[i]);
          return (
            <>
              <Text ptr={`${b}/id`} label="Id" />
              <Text ptr={`${b}/name`} label="Name" />
              <Select ptr={`${b}/metric`} label="Metric" options={METRICS} />
              {!availability && <Select ptr={`${b}/priority`} label="Priority" options={priorities} empty="Not for one priority" />}
              <Select ptr={`${b}/comparison`} label="Must be" options={COMPARISONS} />
              <Text ptr={`${b}/target`} label="Target" />
              <Text ptr={`${b}/unit`} label="Unit" placeholder="For a plain number, e.g. points out of 5" />
              <Text ptr={`${b}/attainment`} label="Attainment" />
              <Select ptr={`${b}/reporting_period`} label="Reporting period" options={CADENCES} empty="Not stated" />
              <Text ptr={`${b}/scope`} label="What it covers" placeholder="The whole service" wide />
              {availability && (
                <>
                  <Select
                    ptr={`${b}/period`}
                    label="Measured over"
                    options={PERIODS}
                    empty={warrantyPeriod ? `Same as under warranty (${warrantyPeriod.toLowerCase()})` : "Same as under warranty"}
                  />
                  <div class="field">
                    <span class="field-label">Downtime budget</span>
                    <TargetBudget index={i} />
                  </div>
                  <Optional
                    ptr={`${b}/service_hours`}
                    label="Its hours"
                    text="Promised in hours of its own, not the agreement's service hours"
                    make={() => ({
                      schedule: draft?.service_hours?.schedule || "24x7",
                      ...(draft?.service_hours?.time_zone ? { time_zone: draft.service_hours.time_zone } : {}),
                    })}
                  >
                    <Text ptr={`${b}/service_hours/schedule`} label="Service hours" suggestions={SCHEDULES} />
                    <Text ptr={`${b}/service_hours/time_zone`} label="Time zone" />
                    <Text ptr={`${b}/service_hours/business_days`} label="Business days" placeholder="The days its hours are open" />
                    <Lines ptr={`${b}/service_hours/critical_periods`} label="Its critical business periods" />
                    <Repeater
                      ptr={`${b}/service_hours/holidays`}
                      title="Its holidays"
                      noun="Holiday"
                      empty="No holidays of its own."
                      make={() => ({ date: `${new Date().getFullYear()}-12-25`, name: "Christmas Day" })}
                      summary={(h) => [h.name, h.date].filter(Boolean).join(" · ")}
                      render={(h) => (
                        <>
                          <Text ptr={`${h}/date`} label="Date" type="date" />
                          <Text ptr={`${h}/name`} label="Name" />
                        </>
                      )}
                    />
                  </Optional>
                </>
              )}
              <Text ptr={`${b}/measurement`} label="Measurement" multiline />
              <Text ptr={`${b}/data_source`} label="Data source" wide />
            </>
          );
        }}
      />
      <Repeater
        ptr="/credit_schemes"
        title="Service credits"
        noun="Credit scheme"
        empty="No service credits. Add a scheme if the provider owes something when targets are missed: one per group of targets with its own tiers."
        make={() => ({ name: "", applies_to: [], tiers: [] })}
        summary={(c) => String(c.name ?? "") || (names(c.applies_to) ? `Credits for ${names(c.applies_to)}` : "")}
        render={(b) => (
          <>
            <Text ptr={`${b}/name`} label="Name" />
            <Text ptr={`${b}/basis`} label="Basis" />
            <Choices
              ptr={`${b}/applies_to`}
              label="Applies to"
              options={withUnknown(targets, store.value(`${b}/applies_to`), (v) => `${v} (no such target)`)}
              empty="No service level targets yet."
            />
            <Text ptr={`${b}/claim_window`} label="Claim within" suggestions={CLAIM_WINDOWS} />
            <Text ptr={`${b}/cap`} label="Cap" />
            <Select ptr={`${b}/usable`} label="Credit is used" options={CREDIT_USES} empty="Not stated" />
            <Check ptr={`${b}/sole_remedy`} label="Remedy" text="Credits are the sole remedy" />
            <Text ptr={`${b}/evidence`} label="Evidence" wide />
            <Repeater
              ptr={`${b}/tiers`}
              title="Tiers"
              noun="Tier"
              empty="No tiers yet."
              make={() => ({ below: "99%", credit: "10%" })}
              summary={(t) => (t.below ? `Below ${String(t.below)}: ${String(t.credit ?? "")}` : "")}
              render={(t) => (
                <>
                  <Text ptr={`${t}/below`} label="Below" />
                  <Text ptr={`${t}/credit`} label="Credit" />
                </>
              )}
            />
          </>
        )}
      />
    </>
  );
}
