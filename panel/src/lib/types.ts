/** The REST API's JSON, as the panel reads it (operator/src/main/java/io/animops/operator/api). */
export interface Page<T> {
  items: T[]
  limit: number
  continue?: string
}

export type Role = 'viewer' | 'operator' | 'admin'

export interface SessionState {
  status: 'signedIn' | 'totpRequired' | string
  user: string
  role: Role
  csrfToken: string
  expiresAt?: string
  restriction?: string | null
}

export interface Condition {
  type: string
  status: string
  reason?: string
  message?: string
  lastTransitionTime?: string
}

export interface SimilarIdea {
  name: string
  title?: string
  score?: number
}

/** The schedule's LLM judge's answer on a proposal of the Idea Gate's review zone. */
export interface GateJudgement {
  verdict?: 'Duplicate' | 'Distinct' | 'Unusable'
  comparedWith?: string
  reason?: string
  model?: string
  promptVersion?: string
  promptTokens?: number
  completionTokens?: number
  /** US dollars at the operator's prices (animops.llm.prices); absent when the model has no price. */
  costUsd?: number
}

export type GateZone = 'Novel' | 'Review' | 'Duplicate'

/** The Idea Gate's result: the score's zone between the two thresholds of the embedding model they belong to. */
export interface Similarity {
  score?: number
  threshold?: number
  reviewThreshold?: number
  zone?: GateZone
  model?: string
  nearest?: SimilarIdea[]
  judgement?: GateJudgement
}

export interface ScriptError {
  stage?: string
  rule?: string
  line?: number
  column?: number
  message?: string
}

export interface IdeaRow {
  uid: string
  namespace: string
  name: string
  schedule?: string
  runId?: string
  title?: string
  premise?: string
  physicsHook?: string
  hook?: string
  source?: string
  phase?: string
  similarityScore?: number
  nearest?: SimilarIdea[]
  embeddingModel?: string
  similarityThreshold?: number
  reviewThreshold?: number
  zone?: GateZone
  judgement?: GateJudgement
  createdAt?: string
  updatedAt?: string
}

export interface AttemptRow {
  uid: string
  namespace: string
  name: string
  idea: string
  attempt: number
  provider?: string
  model?: string
  offline?: boolean
  promptVersion?: string
  scriptSha256?: string
  contractVersion?: string
  phase?: string
  errors?: ScriptError[]
  promptTokens?: number
  completionTokens?: number
  createdAt?: string
  updatedAt?: string
}

export interface AttemptDetail {
  namespace: string
  name: string
  live: boolean
  idea: string
  attempt: number
  phase?: string
  script?: string
  scriptSha256?: string
  contractVersion?: string
  errors?: ScriptError[]
  previousAttempt?: string
  previousErrors?: ScriptError[]
  llmUsage?: {
    provider?: string
    model?: string
    offline?: boolean
    promptVersion?: string
    promptTokens?: number
    completionTokens?: number
  }
  conditions?: Condition[]
  createdAt?: string
  updatedAt?: string
}

export interface Artifact {
  key?: string
  contentType?: string
  bytes?: number
  sha256?: string
}

export interface Provenance {
  scriptSha256?: string
  godotVersion?: string
  contractVersion?: string
  designSystemVersion?: string
  ffmpegVersion?: string
  checklistVersion?: string
  promptVersion?: string
  agent?: string
  wallSeconds?: number
  renderFps?: number
  [key: string]: unknown
}

export interface RenderProgress {
  frames?: number
  totalFrames?: number
  percent?: number
  etaSeconds?: number
}

export interface RenderRow {
  uid: string
  namespace: string
  name: string
  scriptAttempt?: string
  mode?: string
  width?: number
  height?: number
  fps?: number
  durationSeconds?: number
  phase?: string
  agent?: string
  progress?: RenderProgress
  provenance?: Provenance
  artifacts?: { video?: Artifact; thumbnail?: Artifact }
  errors?: ScriptError[]
  createdAt?: string
  updatedAt?: string
}

export interface MediaFacts {
  durationSeconds?: number
  width?: number
  height?: number
  fps?: number
  bitRate?: number
  bytes?: number
  videoCodec?: string
  pixelFormat?: string
  blackSegments?: { start?: number; end?: number }[]
  frozenSegments?: { start?: number; end?: number }[]
  [key: string]: unknown
}

export interface RenderDetail {
  namespace: string
  name: string
  live: boolean
  idea?: string
  spec?: { scriptAttempt?: string; mode?: string; width?: number; height?: number; fps?: number; durationSeconds?: number }
  phase?: string
  agent?: string
  progress?: RenderProgress
  provenance?: Provenance
  media?: MediaFacts
  errors?: ScriptError[]
  conditions?: Condition[]
  artifacts?: { video?: Artifact; thumbnail?: Artifact }
  links?: Record<string, string>
  linksUnavailable?: string
  godotOutput?: string
  createdAt?: string
  updatedAt?: string
}

export interface IdeaDetail
  extends Omit<
    IdeaRow,
    'uid' | 'nearest' | 'similarityScore' | 'embeddingModel' | 'similarityThreshold' | 'reviewThreshold' | 'zone' | 'judgement'
  > {
  uid?: string
  live: boolean
  approved?: boolean | null
  similarity?: Similarity
  conditions?: Condition[]
  attemptCount?: number
  currentAttempt?: string
  currentRenderJob?: string
  attempts?: AttemptRow[]
  renderJobs?: RenderRow[]
}

export interface ActionResult {
  action: string
  kind: string
  namespace: string
  name: string
  outcome: 'done' | 'unchanged' | 'pending' | string
  detail?: string
}

export interface QcItemResult {
  id: string
  title?: string
  kind: 'Automatic' | 'Manual'
  outcome: 'Passed' | 'Failed' | 'Pending'
  expected?: string
  observed?: string
  message?: string
  tickedBy?: string
  tickedAt?: string
  comment?: string
}

export interface QcResult {
  renderJobUid?: string
  namespace: string
  renderJob: string
  idea?: string
  checklistName?: string
  checklistVersion?: number
  policy?: string
  outcome: 'Passed' | 'Failed' | 'Pending'
  items: QcItemResult[]
  createdAt?: string
  updatedAt?: string
}

export interface PublicationRow {
  uid: string
  namespace: string
  name: string
  idea?: string
  renderJob?: string
  platform?: string
  mode?: string
  phase?: string
  externalId?: string
  url?: string
  publishedAt?: string
  confirmedBy?: string
  createdAt?: string
  updatedAt?: string
}

export interface PublicationDetail extends Omit<PublicationRow, 'uid'> {
  live: boolean
  accountSecret?: string
  confirmedAt?: string
  manualPost?: { videoLink?: string; caption?: string; title?: string; description?: string; tags?: string[] }
  conditions?: Condition[]
}

export interface AuditEntry {
  id: number
  occurredAt: string
  actor: string
  eventType: string
  subjectKind?: string
  subjectNamespace?: string
  subjectName?: string
  subjectUid?: string
  payload?: unknown
}

export interface UserSummary {
  name: string
  role: Role
  disabled: boolean
  totpEnrolled: boolean
  mustChangePassword: boolean
  createdAt?: string
  lastSignInAt?: string
}

export interface StreamEvent {
  id: string
  type: 'change' | 'audit' | 'resync' | string
  kind?: string
  namespace?: string
  name?: string
  data?: Record<string, unknown>
}

export interface ScheduleSummary {
  namespace: string
  name: string
  cron?: string
  timeZone?: string
  suspended: boolean
  lastRunAt?: string | null
  nextRunAt?: string | null
  /** Fire times of the current UTC day. */
  todayRuns?: { at: string; runId?: string; outcome: 'fired' | 'missed' | 'upcoming' | string }[]
  /** An invalid cron's message (then no runs). */
  error?: string | null
}

export interface Funnel {
  proposed: number
  gated: number
  written: number
  valid: number
  rendered: number
  passedQc: number
  published: number
}

export interface Alert {
  kind: 'AgentDown' | 'BudgetSpent' | 'QuotaExhausted' | 'ReauthorizationNeeded' | string
  severity: 'warning' | 'critical' | string
  subject?: string
  message?: string
  since?: string
}

/**
 * Tokens per UTC day and their cost at the configured prices: costUsd is null (unknown) when unpricedCalls calls
 * spent tokens on a model without a price; budgets are in tokens (budgetUsd stays null).
 */
export interface LlmSpend {
  tokensToday: number
  dailyTokenBudget: number | null
  costUsd: number | null
  unpricedCalls?: number
  budgetUsd: number | null
  period?: string
}

export interface Dashboard {
  namespace?: string
  from: string
  to: string
  schedules: ScheduleSummary[]
  funnel: Funnel
  scripts: {
    ideas: number
    firstTryValid: number
    validAfterRepair: number
    firstTrySuccessRate: number | null
    afterRepairSuccessRate: number | null
  }
  llm: LlmSpend & { promptTokens: number; completionTokens: number; totalTokens: number; calls: number }
  alerts: Alert[]
}

export interface AgentSummary {
  name: string
  phase?: string
  ready: boolean
  executor?: string | null
  os?: string
  arch?: string
  godotVersion?: string
  labels?: Record<string, string>
  heartbeatAt?: string
  heartbeatAgeSeconds?: number
  capacity?: number
  running?: number
  currentJob?: string | null
  jobs?: { namespace: string; name: string; mode?: string; phase?: string; progress?: number | null }[]
}

export interface Ops {
  agents: AgentSummary[]
  queue: { mode: string; pending: number; running: number; oldestPendingSeconds?: number | null }[]
  schedules: ScheduleSummary[]
  llm: LlmSpend & {
    providers: { namespace: string; schedule: string; name?: string; model?: string | null; offline?: boolean; dailyTokenBudget?: number | null }[]
  }
  storage?: {
    type?: string
    objects?: number
    bytes?: number
    retention?: string
    retentionPolicy?: { interval?: string; previewDays?: number; rejectedDays?: number }
  }
  health?: { name: string; status: string }[]
}
