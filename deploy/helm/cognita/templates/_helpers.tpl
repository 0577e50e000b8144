{{/* The release-scoped name of a service's objects: <release>-<service>. */}}
{{- define "cognita.name" -}}
{{- printf "%s-%s" .root.Release.Name .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels on every object of a service. */}}
{{- define "cognita.labels" -}}
{{ include "cognita.selectorLabels" . }}
app.kubernetes.io/part-of: cognita
app.kubernetes.io/version: {{ .root.Values.image.tag | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end -}}

{{/* What a service's Deployment selects its pods by. */}}
{{- define "cognita.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{/* The in-cluster URL of a service. */}}
{{- define "cognita.url" -}}
{{- $svc := index .root.Values.services .name -}}
{{- printf "http://%s-%s:%v" .root.Release.Name .name $svc.port -}}
{{- end -}}

{{/* The pod security context every pod runs with. */}}
{{- define "cognita.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .Values.podSecurity.runAsUser }}
runAsGroup: {{ .Values.podSecurity.runAsGroup }}
fsGroup: {{ .Values.podSecurity.fsGroup }}
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{/* The container security context every container runs with. */}}
{{- define "cognita.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
runAsNonRoot: true
privileged: false
capabilities:
  drop: ["ALL"]
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{/* Egress to DNS, allowed to every pod that has egress rules. */}}
{{- define "cognita.dnsEgress" -}}
- to:
    {{- toYaml .Values.networkPolicy.dns | nindent 4 }}
  ports:
    - {protocol: UDP, port: 53}
    - {protocol: TCP, port: 53}
{{- end -}}


{{/* The OTLP collector's port: the endpoint's own, else the scheme's default. */}}
{{- define "cognita.otlpPort" -}}
{{- $url := urlParse .Values.tracing.otlpEndpoint -}}
{{- $host := get $url "host" -}}
{{- if regexMatch ":[0-9]+$" $host -}}
{{- regexFind "[0-9]+$" $host -}}
{{- else if eq (get $url "scheme") "https" -}}
443
{{- else -}}
80
{{- end -}}
{{- end -}}
