{{/* Chart name, overridable. */}}
{{- define "gitfoundry.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Full name: the release name when it already contains the chart name (helm install gitfoundry). */}}
{{- define "gitfoundry.fullname" -}}
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

{{- define "gitfoundry.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "gitfoundry.selectorLabels" -}}
app.kubernetes.io/name: {{ include "gitfoundry.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "gitfoundry.labels" -}}
helm.sh/chart: {{ include "gitfoundry.chart" . }}
{{ include "gitfoundry.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: gitfoundry
{{- end }}

{{/* The Service of /metrics, apart from the public one. */}}
{{- define "gitfoundry.metricsServiceName" -}}
{{- printf "%s-metrics" (include "gitfoundry.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "gitfoundry.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "gitfoundry.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "gitfoundry.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}
{{- end }}

{{/* Where users reach the operator: explicit, else the exposed host, else the in-cluster Service. */}}
{{- define "gitfoundry.publicUrl" -}}
{{- if .Values.publicUrl }}
{{- .Values.publicUrl }}
{{- else if .Values.ingress.enabled }}
{{- printf "%s://%s" (ternary "https" "http" .Values.ingress.tls.enabled) .Values.ingress.host }}
{{- else if and .Values.httpRoute.enabled .Values.httpRoute.hostnames }}
{{- printf "https://%s" (first .Values.httpRoute.hostnames) }}
{{- else }}
{{- printf "http://%s.%s.svc:%d" (include "gitfoundry.fullname" .) .Release.Namespace (int .Values.service.port) }}
{{- end }}
{{- end }}

{{/* The ClusterRoles that CF roles in org.yml / space.yml are bound to; names are fixed. */}}
{{- define "gitfoundry.cfRoles" -}}
gitfoundry-org-manager: OrgManager
gitfoundry-org-auditor: OrgAuditor
gitfoundry-org-billing-manager: OrgBillingManager
gitfoundry-org-user: OrgUser
gitfoundry-space-developer: SpaceDeveloper
gitfoundry-space-manager: SpaceManager
gitfoundry-space-auditor: SpaceAuditor
gitfoundry-space-supporter: SpaceSupporter
{{- end }}
