/**
 * County configuration of the movement register (carriers leaving the reading circulation: C-03 scope,
 * C-06 loans, C-08 trips, C-16 electronic files, C-21 archive consultation). Defaults are the strict
 * readings a county inspector would expect.
 */
export interface MovementPolicy {
  /**
   * rule C-08: let the 主管领导 (the organisation register's `responsible_leader`, rule B-04) approve
   * carrying out carriers below 绝密, as 001 篇6 三 and 000 涉密电子文件 六 do. Default off: 000 文件资料收发
   * 三2 asks the main leader (应经主要领导批准).
   */
  readonly allowInChargeCarryOutBelowTopSecret: boolean
  /**
   * rule C-08: allow carriers at a foreign-affairs event (涉外活动) with the main leader's approval
   * (004 5)). Default off: 000 涉密电子文件 六 and the law forbid it outright.
   */
  readonly allowForeignAffairsWithMainLeader: boolean
  /**
   * rule C-06: the longest loan, in calendar days from the loan to its due date. The seeds only say
   * "用毕后及时归还"; a month is the policy's reading of "promptly" for a loan to another unit. An
   * extension (续借) is judged by the same limit, from its request and again from its approval.
   */
  readonly maxLoanDays: number
  /**
   * rule C-21: require the office head's approval for every consultation of archived files, not only
   * classified ones (001 篇7 二(一)5 asks it for all 案卷; 篇15 二4 for classified files). Default off,
   * as DOMAIN.md reads the rule; a 基层单位's consultation needs it anyway (篇15 二2 审批手续).
   */
  readonly approvalForEveryConsultation: boolean
}

export const DEFAULT_MOVEMENT_POLICY: MovementPolicy = {
  allowInChargeCarryOutBelowTopSecret: false,
  allowForeignAffairsWithMainLeader: false,
  maxLoanDays: 30,
  approvalForEveryConsultation: false,
}

/** rule C-08: 绝密 and electronic carriers go out with this many distinct bearers at least. */
export const MIN_BEARERS = 2
