/** The workflow dialog's own texts (its fields' labels come with each workflow's configuration). */
export const workflowZh = {
  workflow: {
    more: '更多',
    moreOf: '{serial} 的更多操作',
    rule: '规则 {rule}',
    confirmOnly: '确认后即登记这一步。',
    overrideReason: '仍使用这段文字的理由',
    overrideHint: '只有保密员可以保留被筛查的文字，理由至少 {n} 个字，并记入台账（规则 S-03）',
    movementAnomaly: {
      title: '借出与外出异常',
      kind: '异常',
      'C-06': '借出归还时缺失或损坏（规则 C-06）',
      'C-08': '外出返回时缺失、损坏或未密不离人（规则 C-08）',
      'C-21': '档案借出归还不全（规则 C-21）',
    },
    selected: '已选 {n} 份',
    batchSubject: '已选 {n} 份：{serials}',
    away: { 'C-06': '借出', 'C-08': '携带外出', 'C-21': '档案借出', 'C-10': '已归档' },
  },
}
