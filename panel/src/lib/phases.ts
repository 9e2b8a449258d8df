/** The phases and enums of the custom resources (crds/src/main/java/io/animops/crds/v1alpha1). */
export const ideaPhases = [
  'Proposed',
  'Accepted',
  'Scripting',
  'Rendering',
  'AwaitingQc',
  'FinalRendering',
  'Publishing',
  'Published',
  'PartiallyPublished',
  'Rejected',
  'Failed',
] as const
export const renderPhases = ['Pending', 'Claimed', 'Validating', 'Rendering', 'Encoding', 'Uploading', 'Succeeded', 'Failed'] as const
export const liveRenderPhases = ['Pending', 'Claimed', 'Validating', 'Rendering', 'Encoding', 'Uploading'] as const
export const renderModes = ['Validate', 'Preview', 'Final'] as const
export const publicationPhases = [
  'WaitingForRender',
  'Blocked',
  'Pending',
  'Uploading',
  'Processing',
  'AwaitingManualPost',
  'Published',
  'Failed',
] as const
export const platforms = ['YouTube', 'TikTok'] as const
export const qcOutcomes = ['Pending', 'Passed', 'Failed'] as const
