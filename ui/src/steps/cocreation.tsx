import { Check, Lines, Repeater, Section, Select, Text } from "../components/fields";
import { useStore } from "../context";
import { CADENCES, COMPARISONS, METRICS } from "../model/options";

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
            <Select ptr={`${b}/cadence`} label="Cadence" options={CADENCES} />
            <Lines ptr={`${b}/participants`} label="Participants" rows={2} />
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
            <Select ptr={`${b}/frequency`} label="Frequency" options={CADENCES} />
            <Lines ptr={`${b}/contents`} label="Contents" rows={2} />
            <Lines ptr={`${b}/recipients`} label="Recipients" rows={2} />
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
            <Select ptr={`${b}/stakeholder`} label="Stakeholder" options={people} empty="Choose a stakeholder" />
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
  const hasCredits = store.value("/credits") !== undefined;
  return (
    <>
      <Repeater
        ptr="/service_levels"
        title="Service level targets"
        noun="Target"
        empty="No targets yet. Each needs a number, a measurement method, a data source and a reporting period."
        make={() => ({ id: `SL${((store.value("/service_levels") as unknown[] | undefined)?.length ?? 0) + 1}`, name: "", metric: "availability", target: "" })}
        summary={(t) => [t.id, t.name].filter(Boolean).join(" · ")}
        render={(b) => (
          <>
            <Text ptr={`${b}/id`} label="Id" />
            <Text ptr={`${b}/name`} label="Name" />
            <Select ptr={`${b}/metric`} label="Metric" options={METRICS} />
            <Text ptr={`${b}/priority`} label="Priority" />
            <Select ptr={`${b}/comparison`} label="Must be" options={COMPARISONS} />
            <Text ptr={`${b}/target`} label="Target" />
            <Text ptr={`${b}/attainment`} label="Attainment" />
            <Select ptr={`${b}/reporting_period`} label="Reporting period" options={CADENCES} empty="Not stated" />
            <Text ptr={`${b}/measurement`} label="Measurement" multiline />
            <Text ptr={`${b}/data_source`} label="Data source" wide />
          </>
        )}
      />
      <section class="section">
        <h3>Service credits</h3>
        {!hasCredits ? (
          <div class="empty-note">
            <p>No service credits. Add them if the provider owes something when targets are missed.</p>
            <button type="button" class="add" id="f-credits" onClick={() => store.edit("/credits", { applies_to: "", tiers: [] }, null)}>
              + Add service credits
            </button>
          </div>
        ) : (
          <>
            <div class="grid">
              <Text ptr="/credits/applies_to" label="Applies to" />
              <Text ptr="/credits/basis" label="Basis" />
              <Text ptr="/credits/claim_window" label="Claim within" />
              <Text ptr="/credits/cap" label="Cap" />
              <Text ptr="/credits/evidence" label="Evidence" wide />
              <Check ptr="/credits/sole_remedy" label="Remedy" text="Credits are the sole remedy" />
            </div>
            <Repeater
              ptr="/credits/tiers"
              title="Tiers"
              noun="Tier"
              empty="No tiers yet."
              make={() => ({ below: "99%", credit: "10%" })}
              summary={(t) => (t.below ? `Below ${String(t.below)}: ${String(t.credit ?? "")}` : "")}
              render={(b) => (
                <>
                  <Text ptr={`${b}/below`} label="Below" />
                  <Text ptr={`${b}/credit`} label="Credit" />
                </>
              )}
            />
          </>
        )}
      </section>
    </>
  );
}
