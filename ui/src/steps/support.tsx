import { Lines, Repeater, Section, Select, Text } from "../components/fields";
import { useStore } from "../context";
import { CHANNEL_KINDS, CLOCKS, COVERAGE, LEVELS } from "../model/options";
import { fieldId } from "../model/pointer";

const COLS: [string, string, string][] = [
  ["id", "Id", "narrow"],
  ["name", "Name", ""],
  ["definition", "Definition (impact x urgency)", "wide"],
  ["response", "Response", "narrow"],
  ["resolution", "Resolution", "narrow"],
  ["update_every", "Updates every", "narrow"],
];

function PriorityMatrix() {
  const store = useStore();
  const list = (store.value("/support/priorities") as Record<string, unknown>[] | undefined) ?? [];
  const findings = store.state.findings;
  const cellFinding = (ptr: string) => findings.find((f) => f.pointer === ptr);
  return (
    <section class="section" aria-label="Priority matrix">
      <h3>Priority matrix</h3>
      <p class="section-note">
        Priorities are defined by impact x urgency. Response must come before resolution. A typical table: P1 15 min / 2h,
        P2 30 min / 4h, P3 4h / 3d, P4 1d / 5d.
      </p>
      <div class="matrix-wrap">
        <table class="matrix">
          <thead>
            <tr>
              {COLS.map(([, label, cls]) => (
                <th scope="col" class={cls} key={label}>
                  {label}
                </th>
              ))}
              <th scope="col">Impact</th>
              <th scope="col">Urgency</th>
              <th scope="col">
                <span class="sr-only">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((p, i) => (
              <tr key={i}>
                {COLS.map(([key, label, cls]) => {
                  const ptr = `/support/priorities/${i}/${key}`;
                  const f = cellFinding(ptr);
                  return (
                    <td class={`${cls} ${f ? "has-" + f.severity : ""}`} key={key} title={f?.message}>
                      <label class="sr-only" for={fieldId(ptr)}>
                        {label} of priority {i + 1}
                      </label>
                      <input
                        id={fieldId(ptr)}
                        value={String(p[key] ?? "")}
                        aria-invalid={f ? true : undefined}
                        onInput={(e) => store.edit(ptr, (e.currentTarget as HTMLInputElement).value)}
                      />
                    </td>
                  );
                })}
                {(["impact", "urgency"] as const).map((key) => {
                  const ptr = `/support/priorities/${i}/${key}`;
                  return (
                    <td key={key}>
                      <label class="sr-only" for={fieldId(ptr)}>
                        {key} of priority {i + 1}
                      </label>
                      <select
                        id={fieldId(ptr)}
                        value={String(p[key] ?? "")}
                        onChange={(e) => store.edit(ptr, (e.currentTarget as HTMLSelectElement).value || undefined, null)}
                      >
                        <option value="">–</option>
                        {LEVELS.map(([v, t]) => (
                          <option value={v} key={v}>
                            {t}
                          </option>
                        ))}
                      </select>
                    </td>
                  );
                })}
                <td>
                  <button type="button" class="icon danger" aria-label={`Remove priority ${i + 1}`} onClick={() => store.remove("/support/priorities", i)}>
                    ✕
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {findings
        .filter((f) => f.pointer.startsWith("/support/priorities"))
        .map((f) => (
          <p class={`field-finding ${f.severity}`} key={f.pointer + f.code}>
            {f.pointer.split("/")[3] !== undefined ? `Priority ${Number(f.pointer.split("/")[3]) + 1}: ` : ""}
            {f.message}
          </p>
        ))}
      <button
        type="button"
        class="add"
        id={fieldId("/support/priorities")}
        onClick={() => store.append("/support/priorities", { id: `P${list.length + 1}`, name: "" })}
      >
        + Add priority
      </button>
    </section>
  );
}

export function Support() {
  return (
    <>
      <Repeater
        ptr="/support/channels"
        title="Channels"
        noun="Channel"
        empty="No way for users to reach support yet."
        make={() => ({ name: "", kind: "portal" })}
        summary={(c) => String(c.name ?? "")}
        render={(b) => (
          <>
            <Text ptr={`${b}/name`} label="Name" />
            <Select ptr={`${b}/kind`} label="Kind" options={CHANNEL_KINDS} />
            <Text ptr={`${b}/address`} label="Address" />
            <Select ptr={`${b}/hours`} label="Hours" options={COVERAGE} />
          </>
        )}
      />
      <PriorityMatrix />
      <Section title="The clock">
        <Select ptr="/support/clock" label="Support clock" options={CLOCKS} />
        <Lines ptr="/support/clock_stops" label="What stops the clock" />
      </Section>
      <Repeater
        ptr="/support/escalation"
        title="Escalation"
        noun="Escalation level"
        empty="No escalation path: who is called when a target is about to be missed?"
        make={() => ({ contact: "", when: "" })}
        summary={(e, i) => `Level ${i + 1}${e.contact ? ": " + String(e.contact) : ""}`}
        render={(b) => (
          <>
            <Text ptr={`${b}/contact`} label="Contact" />
            <Text ptr={`${b}/after`} label="After" />
            <Text ptr={`${b}/when`} label="When" wide />
            <Lines ptr={`${b}/priorities`} label="Priorities" rows={2} />
          </>
        )}
      />
    </>
  );
}
