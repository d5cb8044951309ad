// The guided steps: what each covers in the draft (pointer prefixes, for
// routing findings), which headings of the document it becomes (for the
// preview to follow), and how complete it is.
import type { Agreement } from "../bindings/agreement";
import { get } from "./pointer";

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
  /** Fields that make the step complete, for this kind of agreement. */
  required: (a: Agreement) => string[];
}

const filled = (a: Agreement, ptr: string): boolean => {
  const v = get(a, ptr);
  if (Array.isArray(v)) return v.length > 0;
  if (v && typeof v === "object") return Object.keys(v).length > 0;
  return v !== undefined && v !== null && v !== "";
};

const hasTargets = (a: Agreement) => a.document.kind !== "offering";

export const STEPS: StepDef[] = [
  {
    id: "basics",
    title: "Basics",
    subtitle: "Kind, title, parties, dates, version and status",
    prefixes: ["/document", "/parties", "/glossary", "/schema_version"],
    headings: /Document control|Parties/,
    required: () => [
      "/document/title",
      "/document/reference",
      "/document/version",
      "/document/effective_date",
      "/document/owner",
      "/parties/provider/name",
      "/parties/consumer/name",
    ],
  },
  {
    id: "stakeholders",
    title: "Stakeholders",
    subtitle: "Customer, users, sponsor, provider: who holds which role",
    prefixes: ["/stakeholders", "/signatures"],
    headings: /Stakeholders|Parties and stakeholders|Signatures/,
    required: () => ["/stakeholders"],
  },
  {
    id: "offering",
    title: "Offering",
    subtitle: "The service, its goods, access to resources and service actions",
    prefixes: ["/service", "/offering"],
    headings: /The service|service offering|Service actions|Goods|Access to resources/,
    required: () => ["/service/name", "/service/description", "/service/outcomes", "/offering/actions"],
  },
  {
    id: "utility",
    title: "Utility",
    subtitle: "Fit for purpose: what the service does",
    prefixes: ["/utility"],
    headings: /Utility/,
    required: () => ["/utility/purpose", "/utility/capabilities"],
  },
  {
    id: "warranty",
    title: "Warranty",
    subtitle: "Fit for use: service hours, availability, capacity, continuity, security",
    prefixes: ["/warranty", "/service_hours"],
    headings: /Service hours|Availability|Warranty/,
    required: (a) =>
      hasTargets(a)
        ? [
            "/service_hours/schedule",
            "/warranty/availability/period",
            "/warranty/availability/measurement",
            "/warranty/continuity",
            "/warranty/security",
          ]
        : ["/service_hours/schedule"],
  },
  {
    id: "support",
    title: "Support",
    subtitle: "Channels, priority matrix, escalation",
    prefixes: ["/support"],
    headings: /^(\d+(\.\d+)*\s+)?(Support|Priorities|Escalation|Channels)/,
    required: () => ["/support/channels", "/support/priorities", "/support/escalation"],
  },
  {
    id: "cocreation",
    title: "Co-creation",
    subtitle: "Duties on both sides; reviews, reports, contacts, improvement",
    prefixes: ["/responsibilities", "/relationship"],
    headings: /Responsibilities|Relationship management|Reviews|Reports|Contacts|improvement/,
    required: () => [
      "/responsibilities/provider",
      "/responsibilities/consumer",
      "/relationship/reviews",
      "/relationship/reports",
      "/relationship/contacts",
    ],
  },
  {
    id: "levels",
    title: "Service levels",
    subtitle: "Targets, measured; service credits",
    prefixes: ["/service_levels", "/credit_schemes"],
    headings: /Service level targets|Service credits/,
    required: (a) =>
      a.document.kind === "sla" || a.document.kind === "uc"
        ? ["/service_levels", "/credit_schemes/0/tiers", "/credit_schemes/0/claim_window", "/credit_schemes/0/cap"]
        : hasTargets(a)
          ? ["/service_levels"]
          : [],
  },
  {
    id: "terms",
    title: "Exclusions and term",
    subtitle: "What is not covered; changes, term and termination",
    prefixes: ["/exclusions", "/terms", "/clauses"],
    headings: /Exclusions|Changes, term|Additional clauses/,
    required: () => ["/exclusions", "/document/term/months", "/terms/changes", "/terms/termination"],
  },
  {
    id: "review",
    title: "Review",
    subtitle: "Every finding, each a link to its field",
    prefixes: [],
    headings: /^$/,
    required: () => [],
  },
  {
    id: "export",
    title: "Export",
    subtitle: "PDF for the sponsor, Markdown, HTML",
    prefixes: [],
    headings: /^$/,
    required: () => [],
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

/** [filled, total] of a step's key fields. */
export function completeness(step: StepDef, a: Agreement): [number, number] {
  const req = step.required(a);
  return [req.filter((p) => filled(a, p)).length, req.length];
}

export function stepById(id: StepId): StepDef {
  return STEPS.find((s) => s.id === id) ?? STEPS[0];
}
