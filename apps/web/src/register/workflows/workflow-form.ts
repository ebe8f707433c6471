import type { DomainError } from '@secledger/domain'
import {
  emptyValues,
  type FormField,
  type FormValues,
  fieldErrors,
  formFields,
  missingFields,
  payloadOf,
  type SchemaIssue,
} from '@secledger/ui/logic'
import type { Step } from './workflow.ts'

interface SafeParsing {
  safeParse(value: unknown): { success: true } | { success: false; error: { issues: readonly SchemaIssue[] } }
}

/** What a workflow's form shows at a moment: its fields, the payload it would write, and what is wrong. */
export interface WorkflowFormState {
  readonly fields: readonly FormField[]
  readonly payload: FormValues
  /** The schema's complaints about fields the user fills, one per field. */
  readonly fieldErrors: Readonly<Record<string, string>>
  /** A rule's refusal that names one of the user's fields (S-03 screening of a typed text). */
  readonly ruleField: string | null
  /** What is wrong that no field of the user can show: a rule's refusal, or a fixed value the schema refuses. */
  readonly refusal: DomainError | null
}

export function startValues<C>(workflow: Step<C>, ctx: C): FormValues {
  const fields = formFields(workflow.schema, workflow.fields(ctx))
  const empty = emptyValues(fields)
  return workflow.initial ? workflow.initial(ctx, empty) : empty
}

const FIXED_MALFORMED: DomainError = {
  code: 'EVT-MALFORMED',
  message: {
    zh: '这一步无法办理：所需记录不全',
    en: 'This step cannot be taken: a record it needs is missing',
  },
}

/**
 * The form's verdict, the same the writer will give: the domain's schema first (beside each field),
 * then its block rules through `check` (the writer's dry run) once the payload is well formed.
 */
export function workflowForm<C>(
  workflow: Step<C>,
  ctx: C,
  values: FormValues,
  check: (payload: FormValues) => DomainError | null,
  locale: 'zh-CN' | 'en',
): WorkflowFormState {
  const fields = formFields(workflow.schema, workflow.fields(ctx))
  const payload = payloadOf(fields, values, workflow.fixed(ctx, values))
  const missing = missingFields(fields, values, locale)
  const parsed = (workflow.schema as SafeParsing).safeParse(payload)
  if (!parsed.success || Object.keys(missing).length > 0) {
    const { byField, other } = parsed.success
      ? { byField: {}, other: [] }
      : fieldErrors(parsed.error.issues, fields, locale)
    return {
      fields,
      payload,
      fieldErrors: { ...byField, ...missing },
      ruleField: null,
      refusal: other.length > 0 ? FIXED_MALFORMED : null,
    }
  }
  const refusal = check(payload)
  const field = typeof refusal?.details?.field === 'string' ? refusal.details.field.split('.')[0] : undefined
  const ruleField = field !== undefined && fields.some((f) => f.key === field) ? field : null
  return { fields, payload, fieldErrors: {}, ruleField, refusal }
}
