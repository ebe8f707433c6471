/**
 * rule I-02: the inspection checklist (保密检查内容) as data. The county publishes its own versions;
 * the default is the list of 000 保密检查制度 一. Inspections and findings name the version they use,
 * so a newer version never invalidates old records on a refold.
 */
export interface ChecklistArea {
  readonly id: string
  readonly zh: string
  readonly en: string
}

export interface Checklist {
  /** Version id as published, e.g. `cn-default-2011`. */
  readonly id: string
  readonly areas: readonly ChecklistArea[]
}

export const DEFAULT_CHECKLIST: Checklist = {
  id: 'default-1',
  areas: [
    {
      id: 'documents',
      zh: '文件起草、打印、收发及管理情况',
      en: 'Drafting, printing, receiving and managing documents',
    },
    { id: 'classification', zh: '定密工作情况', en: 'Classification' },
    { id: 'publication', zh: '信息发布及保密审查情况', en: 'Publication and its secrecy review' },
    {
      id: 'computers_media',
      zh: '计算机信息系统及移动存储介质使用及管理情况',
      en: 'Computers, information systems and removable media',
    },
    {
      id: 'lending_archiving',
      zh: '文件资料借阅、立卷归档、清退、销毁情况',
      en: 'Borrowing, archiving, return and destruction',
    },
    { id: 'telegrams', zh: '密码电报管理情况', en: 'Cipher telegrams' },
    { id: 'education', zh: '保密学习教育情况', en: 'Secrecy education' },
    {
      id: 'responsibility',
      zh: '落实保密工作责任制和保密承诺情况',
      en: 'Responsibility system and secrecy commitments',
    },
    { id: 'leader_reports', zh: '领导干部保密述职情况', en: "Leaders' secrecy reports" },
    { id: 'facilities', zh: '保密安全设施情况', en: 'Security facilities' },
  ],
}

/** The published version `id` among `checklists`, or undefined. */
export function findChecklist(checklists: readonly Checklist[], id: string): Checklist | undefined {
  return checklists.find((c) => c.id === id)
}

export function hasArea(checklist: Checklist, areaId: string): boolean {
  return checklist.areas.some((a) => a.id === areaId)
}
