import { Choices, Lines, Repeater, Section, Select, Text } from "../components/fields";
import { PersonPicker } from "../components/Picker";
import { useStore } from "../context";
import type { MatrixCell, Priority } from "../bindings/agreement";
import { CHANNEL_KINDS, CLOCKS, HOURS, LEVELS, PRIORITY_CLOCKS } from "../model/options";
import { fieldId } from "../model/pointer";
import { priorityOptions, withUnknown } from "../model/targets";

const COLS: [string, string, string][] = [
  ["id", "Id", "narrow"],
  ["name", "Name", ""],
  ["definition", "Definition", "wide"],
  ["response", "Response", "narrow"],
  ["resolution", "Resolution", "narrow"],
  ["update_every", "Updates every", "narrow"],
];

type Level = MatrixCell["impact"];
const RANK = (l: Level) => LEVELS.findIndex(([v]) => v === l);
const priorityName = (p: Priority | undefined, i: number) => (p ? [p.id, p.name].filter(Boolean).join(" ") : "") || `Priority ${i + 1}`;

/**
 * Impact x urgency: each of the nine pairs picks the priority it maps to.
 * A pair is held by one priority only, so picking moves it.
 */
function MatrixGrid({ list }: { list: Priority[] }) {
  const store = useStore();
  const owners = (impact: Level, urgency: Level) =>
    list.flatMap((p, i) => (p.matrix ?? []).flatMap((c, j) => (c.impact === impact && c.urgency === urgency ? [{ i, j }] : [])));
  const assign = (impact: Level, urgency: Level, to: number | null) => {
    const next = list.map((p, i) => {
      const rest = (p.matrix ?? []).filter((c) => !(c.impact === impact && c.urgency === urgency));
      const matrix = i === to ? [...rest, { impact, urgency }] : rest;
      matrix.sort((a, b) => RANK(a.impact) - RANK(b.impact) || RANK(a.urgency) - RANK(b.urgency));
      const copy: Priority = { ...p, matrix };
      if (matrix.length === 0) delete copy.matrix;
      return copy;
    });
    store.edit("/support/priorities", next, null);
  };
  if (list.length === 0) return <p class="empty-note">Add priorities to map each impact and urgency to one.</p>;
  return (
    <div class="matrix-wrap">
      <table class="matrix priority-grid">
        <caption class="sr-only">Priority for each impact and urgency</caption>
        <thead>
          <tr>
            <th scope="col">Impact \ urgency</th>
            {LEVELS.map(([u, text]) => (
              <th scope="col" key={u}>
                {text} urgency
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {LEVELS.map(([impact, impactText]) => (
            <tr key={impact}>
              <th scope="row">{impactText} impact</th>
              {LEVELS.map(([urgency, urgencyText]) => {
                const held = owners(impact as Level, urgency as Level);
                // The first priority holds the pair; a later one listing it
                // too is what a finding points at, so the cell answers to it.
                const last = held[held.length - 1];
                const id = last ? fieldId(`/support/priorities/${last.i}/matrix/${last.j}`) : `f-priority-matrix-${impact}-${urgency}`;
                const holders = [...new Set(held.map((h) => h.i))];
                const clash = holders.length > 1 ? `Listed under ${holders.map((i) => list[i]?.id || `priority ${i + 1}`).join(" and ")}` : undefined;
                return (
                  <td key={urgency} class={`${held[0] ? `rank-${Math.min(held[0].i, 3)}` : "unset"} ${clash ? "has-error" : ""}`} title={clash}>
                    <label class="sr-only" for={id}>
                      Priority for {impactText.toLowerCase()} impact and {urgencyText.toLowerCase()} urgency
                    </label>
                    <select
                      id={id}
                      data-edits="impact urgency"
                      value={held[0] ? String(held[0].i) : ""}
                      aria-invalid={clash ? true : undefined}
                      onChange={(e) => {
                        const v = (e.currentTarget as HTMLSelectElement).value;
                        assign(impact as Level, urgency as Level, v === "" ? null : Number(v));
                      }}
                    >
                      <option value="">No priority</option>
                      {list.map((p, i) => (
                        <option value={String(i)} key={i}>
                          {priorityName(p, i)}
                        </option>
                      ))}
                    </select>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function PriorityMatrix() {
  const store = useStore();
  const list = (store.value("/support/priorities") as Priority[] | undefined) ?? [];
  const findings = store.state.findings;
  const cellFinding = (ptr: string) => findings.find((f) => f.pointer === ptr);
  return (
    <section class="section" aria-label="Priority matrix">
      <h3>Priority matrix</h3>
      <p class="section-note">
        Priorities are defined by impact x urgency. Response must come before resolution. A typical table: P1 15 min / 2h,
        P2 30 min / 4h, P3 4h / 3bd, P4 1bd / 5bd.
      </p>
      <div class="priority-rows">
        {list.map((p, i) => {
          const clockPtr = `/support/priorities/${i}/clock`;
          const clockFinding = cellFinding(clockPtr);
          return (
            <div class="priority-row" key={i} role="group" aria-label={priorityName(p, i)}>
              {COLS.map(([key, label, cls]) => {
                const ptr = `/support/priorities/${i}/${key}`;
                const f = cellFinding(ptr);
                return (
                  <div class={`pcell pcell-${key} ${cls} ${f ? "has-" + f.severity : ""}`} key={key} title={f?.message}>
                    <label for={fieldId(ptr)}>
                      {label}
                      <span class="sr-only"> of priority {i + 1}</span>
                    </label>
                    <input
                      id={fieldId(ptr)}
                      value={String((p as unknown as Record<string, unknown>)[key] ?? "")}
                      aria-invalid={f ? true : undefined}
                      onInput={(e) => store.edit(ptr, (e.currentTarget as HTMLInputElement).value)}
                    />
                  </div>
                );
              })}
              <div class={`pcell pcell-clock ${clockFinding ? "has-" + clockFinding.severity : ""}`} title={clockFinding?.message}>
                <label for={fieldId(clockPtr)}>
                  Clock<span class="sr-only"> of priority {i + 1}</span>
                </label>
                <select
                  id={fieldId(clockPtr)}
                  value={p.clock ?? ""}
                  onChange={(e) => store.edit(clockPtr, (e.currentTarget as HTMLSelectElement).value || undefined, null)}
                >
                  <option value="">Same as support clock</option>
                  {PRIORITY_CLOCKS.map(([v, t]) => (
                    <option value={v} key={v}>
                      {t}
                    </option>
                  ))}
                </select>
              </div>
              <div class="pcell pcell-remove">
                <button type="button" class="icon danger" aria-label={`Remove priority ${i + 1}`} title="Remove" onClick={() => store.remove("/support/priorities", i)}>
                  ✕
                </button>
              </div>
            </div>
          );
        })}
      </div>
      <button
        type="button"
        class="add"
        id={fieldId("/support/priorities")}
        onClick={() => store.append("/support/priorities", { id: `P${list.length + 1}`, name: "" })}
      >
        + Add priority
      </button>
      <h4 class="sub-head">Which priority an incident gets</h4>
      <p class="section-note">Pick the priority for each pair of impact (how widely the consumer is affected) and urgency (how soon it needs a fix).</p>
      <MatrixGrid list={list} />
      {findings
        .filter((f) => f.pointer === "/support/priorities" || f.pointer.startsWith("/support/priorities/"))
        .map((f) => (
          <p class={`field-finding ${f.severity}`} key={f.pointer + f.code}>
            {f.pointer.split("/")[3] !== undefined ? `${priorityName(list[Number(f.pointer.split("/")[3])], Number(f.pointer.split("/")[3]))}: ` : ""}
            {f.message}
          </p>
        ))}
    </section>
  );
}

export function Support() {
  const store = useStore();
  const priorities = priorityOptions(store.state.draft);
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
            <Text ptr={`${b}/hours`} label="Hours" suggestions={HOURS} placeholder="The agreement's service hours" />
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
        summary={(e, i) => {
          const who = (store.state.draft?.stakeholders ?? []).find((s) => s.id === e.contact)?.name;
          return `Level ${i + 1}${who ? ": " + who : ""}`;
        }}
        render={(b) => (
          <>
            <PersonPicker ptr={`${b}/contact`} label="Contact" />
            <Text ptr={`${b}/when`} label="When" />
            <Choices
              ptr={`${b}/priorities`}
              label="For priorities (none ticked: all)"
              options={withUnknown(priorities, store.value(`${b}/priorities`), (v) => `${v} (not a priority)`)}
              empty="No priorities defined yet."
            />
            <Repeater
              ptr={`${b}/after`}
              title="Escalate after"
              noun="Time"
              empty="No time set: escalation follows the condition above."
              make={() => ({ after: "1h" })}
              summary={(t) => `${t.priority ? String(t.priority) : "Every priority"}${t.after ? ": after " + String(t.after) : ""}`}
              render={(t) => (
                <>
                  <Select ptr={`${t}/priority`} label="Priority" options={priorities} empty="Every priority" />
                  <Text ptr={`${t}/after`} label="After" />
                </>
              )}
            />
          </>
        )}
      />
    </>
  );
}
