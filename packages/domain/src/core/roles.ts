/** Who acts in the platform (DOMAIN.md "Who uses it"). */
export const Role = {
  Officer: 'officer',
  Classifier: 'classifier',
  Leader: 'leader',
  Staff: 'staff',
  County: 'county',
  Auditor: 'auditor',
} as const
export type Role = (typeof Role)[keyof typeof Role]

export const ROLES: readonly Role[] = Object.values(Role)

export const ROLE_LABEL_ZH: Readonly<Record<Role, string>> = {
  officer: '保密员',
  classifier: '定密责任人',
  leader: '主要领导',
  staff: '工作人员',
  county: '县保密局',
  auditor: '审计检查人员',
}
