/** The dialogs pages load on first opening (LazyDialog.vue), not with the page (issue 12, "Bytes"). */
export const loadWorkflowDialog = () => import('./WorkflowDialog.vue')
