/** The telegram register's texts (rules E-01..E-06); its steps' field labels come with each step. */
export const telegramZh = {
  registerPage: {
    more: '办理',
    moreOf: '办理 {subject}',
  },
  telegram: {
    title: '密码电报',
    basis:
      '规则 E-01..E-06：收发电报逐份登记；15 分钟内回单；一般 3 天、加急 2 天、特急 1 天、特提即办（全天候计时）；特急以上和重要内容报告机要室负责人；预警通知须负责人坐镇指挥；密来密去；不得复印、打印、携带外出或邮寄',
    empty: '本单位尚未登记电报',
    query: { keyword: '关键词', keywordHint: '编号、来电/发往单位、电报号', overdueOnly: '只看逾期' },
    col: {
      serial: '编号',
      direction: '收/发',
      counterpart: '来电/发往单位',
      docNumber: '电报号',
      level: '密级',
      precedence: '等级',
      at: '收/发时间',
      state: '状态',
    },
    direction: { received: '收电', sent: '发电' },
    state: { open: '办理中', handled: '已办结', sent: '已发出' },
    precedence: { routine: '一般', urgent: '加急', very_urgent: '特急', flash: '特提' },
    deadline: { acknowledgement: '回单', report_to_head: '报告负责人', handling: '办结' },
    important: '重要内容',
    earlyWarning: '预警通知',
    dueBy: '{what} {time} 前',
    overdueSince: '{what}已逾期（{time}）',
    subject: '{direction} {serial} · {counterpart} · {docNumber}',
  },
}
