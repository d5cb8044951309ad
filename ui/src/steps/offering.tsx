import { Lines, Repeater, Section, Select, Text } from "../components/fields";
import { PersonPicker } from "../components/Picker";
import { useStore } from "../context";
import { HOURS } from "../model/options";

const DEPENDENCY_KINDS: [string, string][] = [
  ["internal", "Internal service"],
  ["ola", "Operational level agreement (OLA)"],
  ["uc", "Underpinning contract (UC)"],
  ["external", "External, no contract"],
];

export function Offering() {
  const store = useStore();
  const channels = (store.state.draft?.support?.channels ?? []).filter((c) => c.name).map((c): [string, string] => [c.name, c.name]);
  return (
    <>
      <Section title="The service">
        <Text ptr="/service/name" label="Service name" wide />
        <Text ptr="/service/description" label="Description" multiline />
        <Lines ptr="/service/outcomes" label="Outcomes for the consumer" />
        <Lines ptr="/service/costs_removed" label="Costs removed" />
        <Lines ptr="/service/risks_removed" label="Risks removed" />
        <Lines ptr="/service/costs_imposed" label="Costs imposed" />
        <Lines ptr="/service/risks_imposed" label="Risks imposed" />
        <Lines ptr="/service/in_scope" label="In scope" />
        <Lines ptr="/service/out_of_scope" label="Out of scope" />
      </Section>
      <Repeater
        ptr="/service/dependencies"
        title="Dependencies"
        noun="Dependency"
        empty="Nothing the service relies on yet: networks, suppliers, the OLAs and UCs beneath it."
        make={() => ({ name: "", kind: "internal" })}
        summary={(d) => [d.name, d.reference].filter(Boolean).join(" · ")}
        render={(b) => (
          <>
            <Text ptr={`${b}/name`} label="Name" />
            <Select ptr={`${b}/kind`} label="Held to account by" options={DEPENDENCY_KINDS} />
            <Text ptr={`${b}/reference`} label="Its agreement's reference" />
            <Text ptr={`${b}/provider`} label="Provided by" />
            <Text ptr={`${b}/availability`} label="Availability it commits to" />
            <Text ptr={`${b}/support_hours`} label="Its support hours" suggestions={HOURS} />
            <Text ptr={`${b}/resolution`} label="Its resolution time" />
            <Text ptr={`${b}/description`} label="Why the service needs it" multiline />
          </>
        )}
      />
      <Repeater
        ptr="/offering/goods"
        title="Goods"
        noun="Good"
        empty="Nothing whose ownership passes to the consumer. Add a device or a delivered build if there is one."
        make={() => ({ name: "" })}
        summary={(g) => String(g.name ?? "")}
        render={(b) => (
          <>
            <Text ptr={`${b}/name`} label="Name" />
            <Text ptr={`${b}/owner_after_handover`} label="Owner after handover" />
            <Text ptr={`${b}/description`} label="Description" multiline />
          </>
        )}
      />
      <Repeater
        ptr="/offering/access"
        title="Access to resources"
        noun="Resource"
        empty="No resources the consumer uses while the provider keeps them (logins, licences, data)."
        make={() => ({ resource: "" })}
        summary={(r) => String(r.resource ?? "")}
        render={(b) => (
          <>
            <Text ptr={`${b}/resource`} label="Resource" />
            <Text ptr={`${b}/who`} label="Who gets access" />
            <Text ptr={`${b}/how`} label="How" />
            <Text ptr={`${b}/data_boundaries`} label="Data boundaries" />
            <Lines ptr={`${b}/limits`} label="Limits" />
          </>
        )}
      />
      <Repeater
        ptr="/offering/actions"
        title="Service actions"
        noun="Service action"
        empty="No work the provider performs for the consumer yet: support, restoring service, fulfilling requests."
        make={() => ({ action: "" })}
        summary={(a) => String(a.action ?? "")}
        render={(b) => (
          <>
            <Text ptr={`${b}/action`} label="Action" wide />
            <Text ptr={`${b}/trigger`} label="Trigger" />
            <Select ptr={`${b}/channel`} label="Channel" options={channels} empty="No channel named" />
            <Text ptr={`${b}/hours`} label="Hours" suggestions={HOURS} placeholder="The agreement's service hours" />
            <PersonPicker ptr={`${b}/owner`} label="Owner" />
            <Text ptr={`${b}/target`} label="Target time" />
          </>
        )}
      />
    </>
  );
}

export function UtilityStep() {
  return (
    <Section title="Fit for purpose" note="Utility is what the service does; warranty, next, is how well it keeps doing it.">
      <Text ptr="/utility/purpose" label="Purpose" multiline />
      <Lines ptr="/utility/capabilities" label="Capabilities" rows={4} />
      <Lines ptr="/utility/constraints_removed" label="Constraints removed" />
    </Section>
  );
}
