{{/*
Chart name, truncated to the 63 characters a label value allows.
*/}}
{{- define "animops.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Full name used as the prefix of every resource name: <release>-<chart>, or the
release name alone when it already contains the chart name.
*/}}
{{- define "animops.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Chart label value: <name>-<version>.
*/}}
{{- define "animops.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Labels that select the operator pods; they never change across upgrades.
*/}}
{{- define "animops.selectorLabels" -}}
app.kubernetes.io/name: {{ include "animops.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: operator
{{- end }}

{{/*
Labels on every object of the chart.
*/}}
{{- define "animops.labels" -}}
helm.sh/chart: {{ include "animops.chart" . }}
{{ include "animops.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: animops
{{- end }}

{{/*
Name of the operator's ServiceAccount.
*/}}
{{- define "animops.serviceAccountName" -}}
{{- include "animops.fullname" . }}
{{- end }}

{{/*
Operator image reference; the tag defaults to the chart's appVersion.
*/}}
{{- define "animops.image" -}}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion) }}
{{- end }}

{{/*
Name of the Lease used for leader election.
*/}}
{{- define "animops.leaseName" -}}
{{- printf "%s-leader" (include "animops.fullname" .) }}
{{- end }}

{{/*
Name of the Secret holding the API token: the user's, or the one the chart creates.
*/}}
{{- define "animops.apiTokenSecretName" -}}
{{- if .Values.api.existingSecret }}
{{- .Values.api.existingSecret }}
{{- else }}
{{- printf "%s-api-token" (include "animops.fullname" .) }}
{{- end }}
{{- end }}

{{/*
Name of the claim holding local artifacts: the user's, or the one the chart creates.
*/}}
{{- define "animops.artifactsClaimName" -}}
{{- if .Values.storage.local.persistence.existingClaim }}
{{- .Values.storage.local.persistence.existingClaim }}
{{- else }}
{{- printf "%s-artifacts" (include "animops.fullname" .) }}
{{- end }}
{{- end }}

{{/*
Host part shared by the JDBC and reactive database URLs: <host>:<port>/<name>.
*/}}
{{- define "animops.databaseAddress" -}}
{{- printf "%s:%d/%s" .Values.database.host (int .Values.database.port) .Values.database.name }}
{{- end }}

{{/*
Labels of the render agents' objects: the chart's labels with component render-agent.
*/}}
{{- define "animops.renderAgentLabels" -}}
helm.sh/chart: {{ include "animops.chart" . }}
app.kubernetes.io/name: {{ include "animops.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: render-agent
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: animops
{{- end }}

{{/*
Name of the render agents' ServiceAccount.
*/}}
{{- define "animops.renderAgentServiceAccountName" -}}
{{- printf "%s-render-agent" (include "animops.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Name of the Secret holding the local store's signing key: the user's, or the one the chart creates.
*/}}
{{- define "animops.signingKeySecretName" -}}
{{- if .Values.storage.local.signingKey.existingSecret }}
{{- .Values.storage.local.signingKey.existingSecret }}
{{- else }}
{{- printf "%s-storage-signing-key" (include "animops.fullname" .) }}
{{- end }}
{{- end }}

{{/*
Base URL of the operator for agents and browsers: the configured one, or the Service's in-cluster address.
*/}}
{{- define "animops.storagePublicUrl" -}}
{{- if .Values.storage.publicUrl }}
{{- trimSuffix "/" .Values.storage.publicUrl }}
{{- else if .Values.panel.publicUrl }}
{{- trimSuffix "/" .Values.panel.publicUrl }}
{{- else }}
{{- printf "http://%s.%s.svc:%d" (include "animops.fullname" .) .Release.Namespace (int .Values.service.port) }}
{{- end }}
{{- end }}

{{/*
The web render agents' labels as the agent reads them: key=value,key=value.
*/}}
{{- define "animops.webAgentLabels" -}}
{{- $pairs := list }}
{{- range $key, $value := .Values.renderAgents.web.labels }}
{{- $pairs = append $pairs (printf "%s=%s" $key $value) }}
{{- end }}
{{- join "," $pairs }}
{{- end }}

{{/*
The Ingress host: the configured one, or the host of panel.publicUrl.
*/}}
{{- define "animops.ingressHost" -}}
{{- if .Values.ingress.host }}
{{- .Values.ingress.host }}
{{- else if .Values.panel.publicUrl }}
{{- (urlParse .Values.panel.publicUrl).hostname }}
{{- end }}
{{- end }}

{{/*
Whether the session cookie is always Secure: as configured, else when people reach the panel over TLS.
*/}}
{{- define "animops.secureCookie" -}}
{{- if kindIs "bool" .Values.panel.secureCookie }}
{{- .Values.panel.secureCookie }}
{{- else }}
{{- or (hasPrefix "https://" .Values.panel.publicUrl) (and .Values.ingress.enabled .Values.ingress.tls.enabled) }}
{{- end }}
{{- end }}

{{/*
llm.prices as the operator reads it (ANIMOPS_LLM_PRICES): <model>=<input>/<output>, comma-separated (the schema
requires both prices of each model).
*/}}
{{- define "animops.llmPrices" -}}
{{- $entries := list -}}
{{- range $model, $price := . -}}
{{- $entries = append $entries (printf "%v=%v/%v" $model $price.input $price.output) -}}
{{- end -}}
{{- join "," $entries -}}
{{- end -}}
