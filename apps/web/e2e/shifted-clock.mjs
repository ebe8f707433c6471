// Preloaded into the e2e server (node --import) when SECLEDGER_E2E_CLOCK_OFFSET_MS is set: the server's
// wall clock runs on the same office-hours clock as the browser pages (office-clock.ts), so the clock
// guard and the server's skew check (issue 10) see one time. Test-only; never loaded by `pnpm start`.
const offset = Number(process.env.SECLEDGER_E2E_CLOCK_OFFSET_MS ?? '0')
if (Number.isFinite(offset) && offset !== 0) {
  const RealDate = Date
  class ShiftedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(RealDate.now() + offset)
      else super(...args)
    }
    static now() {
      return RealDate.now() + offset
    }
  }
  globalThis.Date = ShiftedDate
}
