import { Lines, NumberField, Section, Select, Text } from "../components/fields";
import { useStore } from "../context";
import { KINDS, RENEWALS, STATUSES } from "../model/options";

export function Basics() {
  const store = useStore();
  const kind = store.value("/document/kind");
  return (
    <>
      <Section title="The document">
        <Select ptr="/document/kind" label="Kind of agreement" options={KINDS} />
        <Select ptr="/document/status" label="Status" options={STATUSES} />
        <Text ptr="/document/title" label="Title" wide />
        <Text ptr="/document/reference" label="Reference" />
        <Text ptr="/document/version" label="Version" />
        <Text ptr="/document/effective_date" label="Effective date" type="date" />
        <Text ptr="/document/owner" label="Owner" />
        <Text ptr="/document/approver" label="Approver" />
        {(kind === "ola" || kind === "uc") && <Lines ptr="/document/supports" label="Supports (SLA references)" />}
      </Section>
      <Section title="Parties" note="The organizations on each side of the agreement.">
        <Text ptr="/parties/provider/name" label="Provider" />
        <Text ptr="/parties/provider/legal_name" label="Provider's legal name" />
        <Text ptr="/parties/consumer/name" label="Consumer" />
        <Text ptr="/parties/consumer/legal_name" label="Consumer's legal name" />
      </Section>
    </>
  );
}

export function Terms() {
  return (
    <>
      <Section title="Exclusions" note="What the targets and duties do not cover.">
        <Lines ptr="/exclusions" label="Exclusions" rows={4} />
      </Section>
      <Section title="Term">
        <NumberField ptr="/document/term/months" label="Term in months" />
        <Select ptr="/document/term/renewal" label="Renewal" options={RENEWALS} />
        <NumberField ptr="/document/term/renewal_months" label="Each renewal, in months" />
        <Text ptr="/document/term/notice" label="Notice period" />
        <Text ptr="/terms/end_date" label="End date" type="date" />
      </Section>
      <Section title="Changes and termination">
        <Text ptr="/terms/changes" label="How the agreement is changed" multiline />
        <Text ptr="/terms/termination" label="Termination" multiline />
      </Section>
    </>
  );
}
