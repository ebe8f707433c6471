import type { OrganisationPost } from './organisation-events.ts'

/** A department (科室 / 站所). Immutable: apply replaces entries, never edits them. */
export interface Department {
  readonly id: string
  readonly name: string
  readonly recordedAt: number
  /** Local year the department was closed, or null while it exists. */
  readonly closedYear: number | null
  /** 科室负责人 (rules B-01, B-02), or null while none is recorded. */
  readonly headId: string | null
  readonly headSince: number | null
}

/** A post held (rule B-04). */
export interface PostHolding {
  readonly post: OrganisationPost
  readonly userId: string
  readonly since: number
  readonly eventId: string
}

/** A template version known to this doc (rule B-03): published here (county) or adopted (township). */
export interface TemplateVersion {
  readonly templateId: string
  readonly version: number
  readonly contentHash: string
  readonly source: 'published' | 'adopted'
  readonly eventId: string
  readonly recordedAt: number
}

export type SupersededReason = 'department_head_changed' | 'first_responsible_changed'

/** A responsibility book (rule B-01), signed online by both parties. */
export interface ResponsibilityBook {
  readonly id: string
  readonly eventId: string
  readonly year: number
  readonly departmentId: string
  readonly templateId: string
  readonly templateVersion: number
  readonly unitSignerId: string
  readonly departmentSignerId: string
  readonly contentHash: string
  readonly draftedAt: number
  readonly unitSignedAt: number | null
  readonly unitSignatureId: string | null
  readonly departmentSignedAt: number | null
  readonly departmentSignatureId: string | null
  /** rule B-02: a signer changed; the book stops counting from then on. */
  readonly supersededAt: number | null
  readonly supersededReason: SupersededReason | null
}

/** A leading-group meeting (rule B-04). */
export interface GroupMeeting {
  readonly id: string
  readonly eventId: string
  readonly heldOn: string
  readonly attendeeIds: readonly string[]
  readonly recordedAt: number
}

/** The year's plan or summary (rule B-04). */
export interface AnnualDocument {
  readonly year: number
  readonly documentRef: string
  readonly filedAt: number
  readonly eventId: string
}

/** The slice's working object; its containers are shallow-copied once per ingest (fork). */
export interface ResponsibilityWork {
  readonly departments: Map<string, Department>
  /** Single-holder posts (all but group members). */
  readonly posts: Map<OrganisationPost, PostHolding>
  readonly groupMembers: Map<string, PostHolding>
  /** When a post was last left empty: the reminder's "since" (rule B-04). */
  readonly vacatedAt: Map<OrganisationPost, number>
  /** `${templateId}@${version}` → version. */
  readonly templates: Map<string, TemplateVersion>
  readonly books: Map<string, ResponsibilityBook>
  readonly meetings: Map<string, GroupMeeting>
  readonly plans: Map<number, AnnualDocument>
  readonly summaries: Map<number, AnnualDocument>
}

export interface ResponsibilityState {
  readonly departments: ReadonlyMap<string, Department>
  readonly posts: ReadonlyMap<OrganisationPost, PostHolding>
  readonly groupMembers: ReadonlyMap<string, PostHolding>
  readonly vacatedAt: ReadonlyMap<OrganisationPost, number>
  readonly templates: ReadonlyMap<string, TemplateVersion>
  readonly books: ReadonlyMap<string, ResponsibilityBook>
  readonly meetings: ReadonlyMap<string, GroupMeeting>
  readonly plans: ReadonlyMap<number, AnnualDocument>
  readonly summaries: ReadonlyMap<number, AnnualDocument>
}

export function templateKey(templateId: string, version: number): string {
  return `${templateId}@${version}`
}

export function emptyResponsibilityWork(): ResponsibilityWork {
  return {
    departments: new Map(),
    posts: new Map(),
    groupMembers: new Map(),
    vacatedAt: new Map(),
    templates: new Map(),
    books: new Map(),
    meetings: new Map(),
    plans: new Map(),
    summaries: new Map(),
  }
}

export function forkResponsibilityWork(work: ResponsibilityWork): ResponsibilityWork {
  return {
    departments: new Map(work.departments),
    posts: new Map(work.posts),
    groupMembers: new Map(work.groupMembers),
    vacatedAt: new Map(work.vacatedAt),
    templates: new Map(work.templates),
    books: new Map(work.books),
    meetings: new Map(work.meetings),
    plans: new Map(work.plans),
    summaries: new Map(work.summaries),
  }
}

export function viewResponsibilityWork(work: ResponsibilityWork): ResponsibilityState {
  return { ...work }
}

/** rule B-01: a book counts when both parties signed it and no signer has changed since (B-02). */
export function isBookInForce(book: ResponsibilityBook): boolean {
  return book.unitSignedAt !== null && book.departmentSignedAt !== null && book.supersededAt === null
}
