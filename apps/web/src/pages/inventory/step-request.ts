import type { InventoryContext, InventoryStep } from '../../register/workflows/inventory.ts'

/** A section asks the page to open the workflow dialog on one of its steps. */
export interface StepRequest {
  readonly step: InventoryStep
  readonly context: InventoryContext
  /** What the step is about, shown above its form. */
  readonly subject: string
}
