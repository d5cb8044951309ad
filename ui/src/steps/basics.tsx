import { Lines, NumberField, Repeater, Section, Select, Text } from "../components/fields";
import { AgreementsPicker, PersonPicker } from "../components/Picker";
import { Markdown } from "../components/Markdown";
import { ComparePanel } from "../components/Compare";
import { useState } from "preact/hooks";
import { useStore } from "../context";
import { fieldId } from "../model/pointer";
import { formatDate, parseDate } from "../model/dates";
import type { Change } from "../bindings/agreement";
import { KINDS, RENEWALS, STATUSES } from "../model/options";

export function Basics() {
  const store = useStore();
  const kind = store.value("/document/kind");
  return (
    <>
      <Section title="The document">
        <Select ptr="/document/kind" label="Kind of agreement" options={KINDS} />
        <Select ptr="/document/status" label="Status" options={STATUSES} />
        <ApprovalPanel />
        <Text ptr="/document/title" label="Title" wide />
        <Text ptr="/document/reference" label="Reference" />
        <Version />
        <Text ptr="/document/effective_date" label="Effective date" type="date" />
        <PersonPicker ptr="/document/owner" label="Owner" />
        <PersonPicker ptr="/document/approver" label="Approver" />
        {(kind === "ola" || kind === "uc") && <AgreementsPicker ptr="/document/supports" label="Supports (the SLAs it holds up)" />}
      </Section>
      <Section title="Parties" note="The organizations on each side of the agreement.">
        <Text ptr="/parties/provider/name" label="Provider" />
        <Text ptr="/parties/provider/legal_name" label="Provider's legal name" />
        <Text ptr="/parties/consumer/name" label="Consumer" />
        <Text ptr="/parties/provider/address" label="Provider's address" multiline />
        <Text ptr="/parties/provider/registration" label="Provider's registration number" />
        <Text ptr="/parties/consumer/legal_name" label="Consumer's legal name" />
        <Text ptr="/parties/consumer/address" label="Consumer's address" multiline />
        <Text ptr="/parties/consumer/registration" label="Consumer's registration number" />
      </Section>
      <ComparePanel />
      <Repeater
        ptr="/document/change_history"
        title="Change history"
        noun="Change"
        empty="No changes recorded. Changing the version adds an entry here."
        make={() => ({ version: String(store.value("/document/version") ?? ""), date: today(), author: ownerName(store.state.draft) })}
        summary={(c) => [c.version, c.summary].filter(Boolean).join(" · ")}
        render={(b) => (
          <>
            <Text ptr={`${b}/version`} label="Version" />
            <Text ptr={`${b}/date`} label="Date" type="date" />
            <Text ptr={`${b}/author`} label="Author" />
            <Text ptr={`${b}/summary`} label="What changed" placeholder="Say what changed in this version" wide />
            <ApprovalRecord base={b} />
          </>
        )}
      />
      <Repeater
        ptr="/glossary"
        title="Glossary"
        noun="Term"
        empty="No terms defined. Define the words a reader might take differently, such as business day or incident."
        make={() => ({ term: "", definition: "" })}
        summary={(g) => String(g.term ?? "")}
        render={(b) => (
          <>
            <Text ptr={`${b}/term`} label="Term" />
            <Text ptr={`${b}/definition`} label="Definition" multiline />
          </>
        )}
      />
    </>
  );
}

/** A stakeholder's name, or their id when they have none. */
function nameOf(a: { stakeholders?: { id: string; name?: string }[] } | null, id: string): string {
  return a?.stakeholders?.find((s) => s.id === id)?.name?.trim() || id;
}

/**
 * Where the draft stands on approval, and "Approve...": the core records
 * who approved which version when, with the fingerprint of the text, in
 * the change history (and refuses, in words, when that person may not or
 * the checks find errors).
 */
function ApprovalPanel() {
  const store = useStore();
  const info = store.state.approval;
  const [open, setOpen] = useState(false);
  const [by, setBy] = useState("");
  const [date, setDate] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const approvers = info?.approvers ?? [];
  const chosen = by || approvers[0] || "";
  const people = store.state.draft?.stakeholders ?? [];
  if (info?.current) {
    return (
      <div class="field wide approval-state" id="approval-state">
        <p class="approval-current">
          <span aria-hidden="true">✓</span> {info.current}, of the text as it is.
        </p>
      </div>
    );
  }
  if (!open) {
    return (
      <div class="field wide approval-state" id="approval-state">
        <button type="button" id="approve-open" onClick={() => { setOpen(true); setError(null); }}>
          Approve…
        </button>
        <p class="help">Records who approved this version, when, and a fingerprint of exactly this text.</p>
      </div>
    );
  }
  const submit = async () => {
    const iso = date.trim() ? parseDate(date) : null;
    if (date.trim() && !iso) {
      setError(`"${date}" is not a date.`);
      return;
    }
    setBusy(true);
    const why = await store.approve(chosen, iso);
    setBusy(false);
    setError(why);
    if (!why) setOpen(false);
  };
  return (
    <div class="field wide approval-panel" id="approval-panel" role="group" aria-label="Approve this version">
      <div class="approval-row">
        <label>
          Approved by
          <select id="approve-by" value={chosen} onChange={(e) => setBy((e.currentTarget as HTMLSelectElement).value)}>
            {approvers.length === 0 && <option value="">Nobody can approve yet</option>}
            {(approvers.length ? approvers : []).map((id) => (
              <option value={id} key={id}>{nameOf(store.state.draft, id)}</option>
            ))}
            {approvers.length > 0 &&
              people
                .filter((p) => !approvers.includes(p.id))
                .map((p) => (
                  <option value={p.id} key={p.id}>{p.name?.trim() || p.id}</option>
                ))}
          </select>
        </label>
        <label>
          On
          <input id="approve-date" type="text" value={date} placeholder={formatDate(today())} onInput={(e) => setDate((e.currentTarget as HTMLInputElement).value)} />
        </label>
      </div>
      {error && (
        <p class="field-finding error" id="approve-error" role="alert">
          {error}
        </p>
      )}
      <div class="approval-row">
        <button type="button" class="primary" id="approve-record" disabled={busy || !chosen} onClick={() => void submit()}>
          Record approval
        </button>
        <button type="button" onClick={() => setOpen(false)}>Cancel</button>
      </div>
    </div>
  );
}

/** An approval on record, as it is: written by "Approve...", never typed. */
function ApprovalRecord({ base }: { base: string }) {
  const store = useStore();
  const by = store.value(`${base}/approval/by`);
  const print = store.value(`${base}/approval/fingerprint`);
  if (typeof by !== "string") return null;
  const short = typeof print === "string" ? print.slice(0, "sha256:".length + 12) : "";
  return (
    <div class="field wide approval-record">
      <span class="label">Approval on record</span>
      <p>
        Approved by <output id={fieldId(`${base}/approval/by`)} data-id={by}>{nameOf(store.state.draft, by)}</output>; text fingerprint{" "}
        <output id={fieldId(`${base}/approval/fingerprint`)} title={typeof print === "string" ? print : ""}>{short}</output>
      </p>
    </div>
  );
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** The owner's name, the author a new change is prefilled with. */
function ownerName(a: { document?: { owner?: string }; stakeholders?: { id: string; name?: string }[] } | null): string {
  const id = a?.document?.owner;
  return (id && a?.stakeholders?.find((s) => s.id === id)?.name) || "";
}

/**
 * The version: when it is changed (on leaving the field) to one the change
 * history does not have, an entry for it is added, dated today, by the
 * owner, its description left for the user.
 */
function Version() {
  const store = useStore();
  return (
    <div
      class="version-wrap"
      onFocusOut={() => {
        const v = String(store.value("/document/version") ?? "").trim();
        const list = (store.value("/document/change_history") as Change[] | undefined) ?? [];
        if (!v || list.some((c) => c.version === v)) return;
        // Part of the version's edit: one undo takes back both.
        store.editFollowing("/document/version", "/document/change_history", [...list, { version: v, date: today(), author: ownerName(store.state.draft) }]);
      }}
    >
      <Text ptr="/document/version" label="Version" />
    </div>
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
      <Repeater
        ptr="/clauses"
        title="Additional clauses"
        noun="Clause"
        empty="No additional clauses. Add one for what the structure does not cover, such as data protection or governing law."
        make={() => ({ title: "", body: "" })}
        summary={(c) => String(c.title ?? "")}
        render={(b) => (
          <>
            <Text ptr={`${b}/title`} label="Heading" wide />
            <Markdown ptr={`${b}/body`} label="Text" />
          </>
        )}
      />
    </>
  );
}
