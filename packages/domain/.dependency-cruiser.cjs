/**
 * The domain's layout (issue 11): core ← registers ← unit, registers side by side, no cycles.
 * Type-only imports count: a type import is still a dependency a reader must follow.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'An import cycle hides where a module starts and ends.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-stands-alone',
      severity: 'error',
      comment: 'core holds what every register shares; it imports no register and not the unit.',
      from: { path: '^src/core/' },
      to: { path: '^src/(registers|unit)/' },
    },
    {
      name: 'registers-below-unit',
      severity: 'error',
      comment: 'A register never imports the unit composition; the unit composes registers.',
      from: { path: '^src/registers/' },
      to: { path: '^src/unit/' },
    },
    {
      name: 'registers-side-by-side',
      severity: 'error',
      comment:
        "A register reads another only through UnitView (core/register-slice.ts), never by importing that register's files.",
      from: { path: '^src/registers/([^/]+)/' },
      to: { path: '^src/registers/', pathNot: '^src/registers/$1/' },
    },
    {
      name: 'entry-points-from-outside',
      severity: 'error',
      comment: 'The package entry (src/index.ts) is for callers outside the domain, not for its own modules.',
      from: { path: '^src/(core|registers|unit)/' },
      to: { path: '^src/index\\.ts$' },
    },
    {
      name: 'no-top-level-modules',
      severity: 'error',
      comment: 'Every module lives in core/, registers/<name>/ or unit/; src/ holds only index.ts.',
      from: {},
      to: { path: '^src/[^/]+\\.ts$', pathNot: '^src/index\\.ts$' },
    },
    {
      name: 'no-top-level-modules-importing',
      severity: 'error',
      comment: 'Every module lives in core/, registers/<name>/ or unit/; src/ holds only index.ts.',
      from: { path: '^src/[^/]+\\.ts$', pathNot: '^src/index\\.ts$' },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts'] },
  },
}
