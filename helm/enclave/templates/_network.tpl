{{/* The pods of one component of this release, as a selector. */}}
{{- define "enclave.pods" -}}
podSelector:
  matchLabels:
    {{- include "enclave.selectorLabels" (dict "component" .component "root" .root) | nindent 4 }}
{{- end }}

{{/* The pods of several components of this release (the two ends of a flow inside the namespace). */}}
{{- define "enclave.podsOf" -}}
podSelector:
  matchLabels:
    app.kubernetes.io/instance: {{ .root.Release.Name }}
  matchExpressions:
    - key: app.kubernetes.io/name
      operator: In
      values: {{ toJson .components }}
{{- end }}

{{/* Pods in project namespaces that the orchestrator made workspaces (the labels it sets). */}}
{{- define "enclave.workspacePeer" -}}
- namespaceSelector:
    matchLabels:
      app.kubernetes.io/managed-by: enclave
  podSelector:
    matchLabels:
      enclave.eu/component: workspace
{{- end }}

{{- define "enclave.tcpPorts" -}}
{{- range . }}
- {protocol: TCP, port: {{ . }}}
{{- end }}
{{- end }}

{{/* Peers outside the namespace, as given in the values; never one that admits everything. */}}
{{- define "enclave.externalPeers" -}}
{{- range .peers }}
{{- if and .ipBlock (has .ipBlock.cidr (list "0.0.0.0/0" "::/0")) }}
{{- fail (printf "networkPolicy.%s.to: %s would allow every address; name the destination's addresses" $.flow .ipBlock.cidr) }}
{{- end }}
{{- end }}
{{- toYaml .peers }}
{{- end }}

{{/* A NetworkPolicy named after its flow, with the flow in words. */}}
{{- define "enclave.flowMetadata" -}}
metadata:
  name: enclave-{{ .name }}
  namespace: {{ .root.Release.Namespace }}
  labels:
    app.kubernetes.io/part-of: enclave
    app.kubernetes.io/instance: {{ .root.Release.Name }}
    app.kubernetes.io/managed-by: {{ .root.Release.Service }}
    helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
    enclave.eu/flow: {{ .name }}
  annotations:
    enclave.eu/flow: {{ .flow | quote }}
{{- end }}

{{/* Egress from some of the chart's pods to destinations outside the cluster (or in other namespaces). */}}
{{- define "enclave.egressFlow" -}}
{{- if .destination.to }}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
{{ include "enclave.flowMetadata" . }}
spec:
  {{- include "enclave.podsOf" . | nindent 2 }}
  policyTypes: [Egress]
  egress:
    - to:
        {{- include "enclave.externalPeers" (dict "peers" .destination.to "flow" .key) | nindent 8 }}
      ports:
        {{- include "enclave.tcpPorts" .destination.ports | nindent 8 }}
{{- end }}
{{- end }}
