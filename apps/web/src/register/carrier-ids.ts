/** A fresh register-entry id (each copy is its own entry, rule C-02); the schema allows [A-Za-z0-9_.:-]. */
export function newCarrierId(): string {
  return `c-${crypto.randomUUID()}`
}
