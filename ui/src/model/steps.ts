// The guided steps: what each covers in the draft (pointer prefixes, for
// routing findings), which headings of the document it becomes (for the
// preview to follow). What is required or missing is never decided here:
// a step's state is the core's findings routed to it.
import type { Finding } from "../bindings/ipc";

export type StepId =
  | "basics"
  | "stakeholders"
  | "offering"
  | "utility"
  | "warranty"
  | "support"
  | "cocreation"
  | "levels"
  | "terms"
  | "review"
  | "export";

export interface StepDef {
  id: StepId;
  title: string;
  subtitle: string;
  /** Pointer prefixes this step edits. */
  prefixes: string[];
  /** Headings of the rendered document this step becomes. */
  headings: RegExp;
}

export const STEPS: StepDef[] = [
  {
    id: "basics",
    title: "Basics",
    subtitle: "Kind, title, parties, dates, version and status",
    prefixes: ["/document", "/parties", "/glossary", "/schema_version"],
    headings: /Document control|Parties/,
  },
  {
    id: "stakeholders",
    title: "Stakeholders",
    subtitle: "Customer, users, sponsor, provider: who holds which role",
    prefixes: ["/stakeholders", "/signatures"],
    headings: /Stakeholders|Parties and stakeholders|Signatures/,
  },
  {
    id: "offering",
    title: "Offering",
    subtitle: "The service, its goods, access to resources and service actions",
    prefixes: ["/service", "/offering"],
    headings: /The service|service offering|Service actions|Goods|Access to resources/,
  },
  {
    id: "utility",
    title: "Utility",
    subtitle: "Fit for purpose: what the service does",
    prefixes: ["/utility"],
    headings: /Utility/,
  },
  {
    id: "warranty",
    title: "Warranty",
    subtitle: "Fit for use: service hours, availability, capacity, continuity, security",
    prefixes: ["/warranty", "/service_hours"],
    headings: /Service hours|Availability|Warranty/,
  },
  {
    id: "support",
    title: "Support",
    subtitle: "Channels, priority matrix, escalation",
    prefixes: ["/support"],
    headings: /^(\d+(\.\d+)*\s+)?(Support|Priorities|Escalation|Channels)/,
  },
  {
    id: "cocreation",
    title: "Co-creation",
    subtitle: "Duties on both sides; reviews, reports, contacts, improvement",
    prefixes: ["/responsibilities", "/relationship"],
    headings: /Responsibilities|Relationship management|Reviews|Reports|Contacts|improvement/,
  },
  {
    id: "levels",
    title: "Service levels",
    subtitle: "Targets, measured; service credits",
    prefixes: ["/service_levels", "/credit_schemes"],
    headings: /Service level targets|Service credits/,
  },
  {
    id: "terms",
    title: "Exclusions and term",
    subtitle: "What is not covered; changes, term and termination",
    prefixes: ["/exclusions", "/terms", "/clauses"],
    headings: /Exclusions|Changes, term|Additional clauses/,
  },
  {
    id: "review",
    title: "Review",
    subtitle: "Every finding, each a link to its field",
    prefixes: [],
    headings: /^$/,
  },
  {
    id: "export",
    title: "Export",
    subtitle: "PDF for the sponsor, Markdown, HTML, OpenSLO targets",
    prefixes: [],
    headings: /^$/,
  },
];

/** The step a pointer belongs to (longest matching prefix). */
export function stepOf(ptr: string): StepId {
  let best: StepId = "basics";
  let len = -1;
  for (const s of STEPS) {
    for (const p of s.prefixes) {
      if ((ptr === p || ptr.startsWith(p + "/")) && p.length > len) {
        best = s.id;
        len = p.length;
      }
    }
  }
  // The term (months, renewal, notice) is edited with the other terms.
  if (ptr.startsWith("/document/term")) return "terms";
  return best;
}

/** What the core's checks say about one step. */
export interface StepState {
  errors: number;
  warnings: number;
  infos: number;
  /** The findings routed to the step, in the core's order. */
  findings: Finding[];
}

/** The findings routed to a step, counted by severity (the core decides what is missing). */
export function stepState(step: StepDef, findings: Finding[]): StepState {
  const mine = step.prefixes.length === 0 ? [] : findings.filter((f) => stepOf(f.pointer) === step.id);
  const n = (s: Finding["severity"]) => mine.filter((f) => f.severity === s).length;
  return { errors: n("error"), warnings: n("warning"), infos: n("info"), findings: mine };
}

export function stepById(id: StepId): StepDef {
  return STEPS.find((s) => s.id === id) ?? STEPS[0];
}
