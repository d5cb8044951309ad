import { Check, Choices, Repeater, Select, Text } from "../components/fields";
import { PersonPicker } from "../components/Picker";
import { useStore } from "../context";
import { ROLES, SIDES, STAKEHOLDER_KINDS } from "../model/options";

function nextId(existing: unknown[]): string {
  const used = new Set(existing.map((s) => (s as { id?: string }).id));
  let n = existing.length + 1;
  while (used.has(`person-${n}`)) n++;
  return `person-${n}`;
}

export function Stakeholders() {
  const store = useStore();
  const list = (store.value("/stakeholders") as unknown[] | undefined) ?? [];
  return (
    <>
    <Repeater
      ptr="/stakeholders"
      title="People and teams"
      noun="Stakeholder"
      empty="No one named yet. An agreement needs at least a customer, a sponsor and someone for the provider; one person may hold several roles."
      make={() => ({ id: nextId(list), name: "", side: "provider", roles: [] })}
      summary={(s) => [s.name, s.title].filter(Boolean).join(" · ")}
      titleOf={(s) => `Id: ${String(s.id ?? "")}`}
      render={(base) => (
        <>
          <Text ptr={`${base}/name`} label="Name" />
          <Text ptr={`${base}/title`} label="Job title" />
          <Select ptr={`${base}/kind`} label="Person or team" options={STAKEHOLDER_KINDS} />
          <Select ptr={`${base}/side`} label="Side" options={SIDES} />
          <Choices ptr={`${base}/roles`} label="Roles" options={ROLES} />
          <Text ptr={`${base}/email`} label="Email" type="email" />
          <Text ptr={`${base}/phone`} label="Phone" />
          <Check ptr={`${base}/signs`} label="Signatory" text="Signs the agreement" />
        </>
      )}
    />
    <Repeater
      ptr="/signatures"
      title="Signatures given"
      noun="Signature"
      empty="No one has signed yet. Record each signature here as it is given, with its date."
      make={() => ({ stakeholder: "" })}
      summary={(s) => {
        const who = (store.state.draft?.stakeholders ?? []).find((p) => p.id === s.stakeholder);
        return [who?.name, s.date].filter(Boolean).join(" · ");
      }}
      render={(b) => (
        <>
          <PersonPicker ptr={`${b}/stakeholder`} label="Signed by" />
          <Text ptr={`${b}/date`} label="Date signed" type="date" />
        </>
      )}
    />
    </>
  );
}
