{{/*
The orchestrator's application.yaml. Non-secret settings only: secrets are files (configtree, *-file settings).
The peers of the project bundle's network policies are the chart's own pod labels, so that guacd and the intake
the projects admit are exactly these pods.
*/}}
{{- define "enclave.orchestrator.config" -}}
{{- $v := .Values -}}
{{- $o := $v.orchestrator -}}
{{- $platform := dict "[kubernetes.io/metadata.name]" .Release.Namespace -}}
server:
  port: 8080
enclave:
  internal-api:
    port: 8083
    credential-file: /etc/enclave/internal-api/credential
  guacd:
    host: {{ include "enclave.name" "guacd" }}
    port: 4822
  desktop:
    recording-root: /var/lib/guacamole/recordings
    max-session: {{ $o.desktop.maxSession }}
    idle-timeout: {{ $o.desktop.idleTimeout }}
  egress:
    # the intake address workspaces are given (reachable under their namespace's policies)
    intake-url: {{ printf "http://%s.%s.svc:8082" (include "enclave.name" "egress-review-intake") .Release.Namespace | quote }}
  workspaces:
    idle-timeout: {{ $o.workspaces.idleTimeout }}
    home-size: {{ $o.workspaces.homeSize }}
    {{- with $o.workspaces.homeStorageClass }}
    # unset: the cluster's default class (an empty class would turn dynamic provisioning off)
    home-storage-class: {{ . | quote }}
    {{- end }}
  {{- if $o.workspaceTemplates }}
  templates:
    location: /etc/enclave/templates
  {{- end }}
  vault:
    address: {{ $v.vault.address | quote }}
    {{- with $v.vault.namespace }}
    namespace: {{ . | quote }}
    {{- end }}
    {{- if $v.trust.caBundleConfigMap }}
    ca-cert: /etc/enclave/trust/{{ $v.trust.caBundleKey }}
    {{- end }}
    kv-mount: {{ $o.vault.kvMount | quote }}
    path-prefix: {{ $o.vault.pathPrefix | quote }}
    database:
      mount: {{ $o.vault.databaseMount | quote }}
      roles: {{ join "," $o.vault.databaseRoles | quote }}
    auth:
      method: {{ $o.vault.auth.method }}
      {{- if eq $o.vault.auth.method "kubernetes" }}
      kubernetes:
        role: {{ $o.vault.auth.kubernetesRole | quote }}
        mount: {{ $o.vault.auth.kubernetesMount | quote }}
      {{- else }}
      approle:
        role-id: {{ $o.vault.auth.approleRoleId | quote }}
        secret-id-file: /etc/enclave/vault/secret-id
        mount: {{ $o.vault.auth.approleMount | quote }}
      {{- end }}
  cluster:
    simulated: false
    platform-namespace: {{ .Release.Namespace }}
    namespace-prefix: {{ $o.cluster.namespacePrefix | quote }}
    reconcile-interval: {{ $o.cluster.reconcileInterval }}
    archive-retention: {{ $o.cluster.archiveRetention }}
    guacd:
      namespace-labels: {{ toJson $platform }}
      pod-labels: {{ include "enclave.selectorLabels" (dict "component" "guacd" "root" .) | fromYaml | include "enclave.springMapKeys" }}
      port: 4822
    intake:
      namespace-labels: {{ toJson $platform }}
      pod-labels: {{ include "enclave.selectorLabels" (dict "component" "egress-review" "root" .) | fromYaml | include "enclave.springMapKeys" }}
      port: 8082
    dns:
      namespace-labels: {{ $v.networkPolicy.dns.namespaceSelector.matchLabels | include "enclave.springMapKeys" }}
      pod-labels: {{ $v.networkPolicy.dns.podSelector.matchLabels | include "enclave.springMapKeys" }}
      port: {{ $v.networkPolicy.dns.port }}
    storage:
      {{- with $o.cluster.storage.storageClass }}
      storage-class: {{ . | quote }}
      {{- end }}
      share-size: {{ $o.cluster.storage.shareSize }}
      outbox-size: {{ $o.cluster.storage.outboxSize }}
      access-mode: {{ $o.cluster.storage.accessMode }}
    limits:
      default-cpu: {{ $o.cluster.limits.defaultCpu | quote }}
      default-memory: {{ $o.cluster.limits.defaultMemory | quote }}
      default-request-cpu: {{ $o.cluster.limits.defaultRequestCpu | quote }}
      default-request-memory: {{ $o.cluster.limits.defaultRequestMemory | quote }}
    leader-election:
      enabled: true
      namespace: {{ .Release.Namespace }}
      lease-name: {{ $o.cluster.leaderElection.leaseName }}
      lease-duration: {{ $o.cluster.leaderElection.leaseDuration }}
      renew-deadline: {{ $o.cluster.leaderElection.renewDeadline }}
      retry-period: {{ $o.cluster.leaderElection.retryPeriod }}
{{- end }}

{{/* A label map as Spring binds it: each key in brackets, so that its dots and slashes stay part of the key. */}}
{{- define "enclave.springMapKeys" -}}
{{- $map := dict -}}
{{- range $key, $value := . }}{{ $_ := set $map (printf "[%s]" $key) $value }}{{ end -}}
{{ toJson $map }}
{{- end }}

{{- define "enclave.orchestrator.applicationYaml" -}}
{{- $o := .Values.orchestrator -}}
{{- $shared := include "enclave.sharedConfig" (dict "root" . "service" $o) | fromYaml -}}
{{- $own := include "enclave.orchestrator.config" . | fromYaml -}}
{{- toYaml (mustMergeOverwrite (deepCopy $o.extraConfig) $shared $own) -}}
{{- end }}
