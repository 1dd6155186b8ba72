{{/*
Names, labels and the pieces every pod shares. Object names are fixed (enclave-<component>): the orchestrator's
ClusterRole is cluster-wide, so there is one Enclave per cluster, and the names in docs/cluster.md, docs/vault.md
and the Terraform modules are these.
*/}}

{{- define "enclave.name" -}}
enclave-{{ . }}
{{- end }}

{{/* The labels a component's pods are selected by; the orchestrator's peer settings repeat them. */}}
{{- define "enclave.selectorLabels" -}}
app.kubernetes.io/name: {{ .component }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end }}

{{- define "enclave.labels" -}}
{{ include "enclave.selectorLabels" . }}
app.kubernetes.io/part-of: enclave
app.kubernetes.io/component: {{ .component }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end }}

{{/* registry/repository:tag, with @digest when one is given. */}}
{{- define "enclave.image" -}}
{{- $registry := .root.Values.global.imageRegistry | default .image.registry -}}
{{- $reference := printf "%s/%s:%s" $registry .image.repository .image.tag -}}
{{- if .image.digest }}{{ printf "%s@%s" $reference .image.digest }}{{ else }}{{ $reference }}{{ end -}}
{{- end }}

{{/* Pod Security restricted: non-root, RuntimeDefault seccomp (pod); no escalation, no capability, read-only root
(containers). */}}
{{- define "enclave.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .uid }}
runAsGroup: {{ .uid }}
fsGroup: {{ .uid }}
fsGroupChangePolicy: OnRootMismatch
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{- define "enclave.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
runAsNonRoot: true
capabilities:
  drop: ["ALL"]
{{- end }}

{{/* Spread the replicas of a component over nodes. */}}
{{- define "enclave.scheduling" -}}
{{- $values := .root.Values.scheduling -}}
{{- if gt (int .replicas) 1 }}
affinity:
  podAntiAffinity:
    {{- if eq $values.antiAffinity "required" }}
    requiredDuringSchedulingIgnoredDuringExecution:
      - topologyKey: kubernetes.io/hostname
        labelSelector:
          matchLabels:
            {{- include "enclave.selectorLabels" . | nindent 12 }}
    {{- else }}
    preferredDuringSchedulingIgnoredDuringExecution:
      - weight: 100
        podAffinityTerm:
          topologyKey: kubernetes.io/hostname
          labelSelector:
            matchLabels:
              {{- include "enclave.selectorLabels" . | nindent 14 }}
    {{- end }}
{{- end }}
{{- with $values.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with $values.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .root.Values.global.imagePullSecrets }}
imagePullSecrets:
  {{- range . }}
  - name: {{ . }}
  {{- end }}
{{- end }}
{{- end }}

{{/* Probes of a Spring Boot service, on its management port. */}}
{{- define "enclave.springProbes" -}}
startupProbe:
  httpGet: {path: /actuator/health/liveness, port: management}
  periodSeconds: 5
  failureThreshold: 60
livenessProbe:
  httpGet: {path: /actuator/health/liveness, port: management}
  periodSeconds: 10
  timeoutSeconds: 3
  failureThreshold: 3
readinessProbe:
  httpGet: {path: /actuator/health/readiness, port: management}
  periodSeconds: 5
  timeoutSeconds: 3
  failureThreshold: 3
{{- end }}

{{/* The JVM's options: the values', and the trust store built from the CA bundle when there is one. */}}
{{- define "enclave.javaToolOptions" -}}
{{- $options := .service.javaOptions -}}
{{- if .root.Values.trust.caBundleConfigMap -}}
{{- $options = printf "%s -Djavax.net.ssl.trustStore=/etc/enclave/truststore/cacerts.p12 -Djavax.net.ssl.trustStoreType=PKCS12 -Djavax.net.ssl.trustStorePassword=changeit" $options -}}
{{- end -}}
{{ $options }}
{{- end }}

{{/* The environment of a Spring Boot service: its profile, its namespace, its configuration file. */}}
{{- define "enclave.springEnv" -}}
- name: SPRING_PROFILES_ACTIVE
  value: prod
- name: SPRING_CONFIG_ADDITIONAL_LOCATION
  value: optional:file:/etc/enclave/config/
- name: POD_NAMESPACE
  valueFrom:
    fieldRef: {fieldPath: metadata.namespace}
- name: JAVA_TOOL_OPTIONS
  value: {{ include "enclave.javaToolOptions" . | quote }}
{{- end }}

{{/*
Trust store: an init container adds the CA bundle to the JDK's public CAs (the truststore holds certificates
only, so its password is the JDK's well-known one, not a secret).
*/}}
{{- define "enclave.truststoreInit" -}}
{{- if .root.Values.trust.caBundleConfigMap }}
initContainers:
  - name: truststore
    image: {{ include "enclave.image" (dict "root" .root "image" .service.image) }}
    imagePullPolicy: {{ .service.image.pullPolicy }}
    command:
      - /bin/sh
      - -ec
      - |
        cp "$JAVA_HOME/lib/security/cacerts" /etc/enclave/truststore/cacerts.p12
        chmod u+w /etc/enclave/truststore/cacerts.p12
        awk '/BEGIN CERTIFICATE/{n++} n{print > ("/tmp/ca-" n ".pem")}' /etc/enclave/trust/{{ .root.Values.trust.caBundleKey }}
        for cert in /tmp/ca-*.pem; do
          keytool -importcert -noprompt -storetype PKCS12 -keystore /etc/enclave/truststore/cacerts.p12 \
            -storepass changeit -alias "enclave-$(basename "$cert" .pem)" -file "$cert"
        done
        rm -f /tmp/ca-*.pem
    securityContext:
      {{- include "enclave.containerSecurityContext" . | nindent 6 }}
    resources:
      requests: {cpu: 50m, memory: 64Mi}
      limits: {cpu: 500m, memory: 256Mi}
    volumeMounts:
      - {name: trust, mountPath: /etc/enclave/trust, readOnly: true}
      - {name: truststore, mountPath: /etc/enclave/truststore}
      - {name: tmp, mountPath: /tmp}
{{- end }}
{{- end }}

{{- define "enclave.truststoreVolumes" -}}
{{- if .Values.trust.caBundleConfigMap }}
- name: trust
  configMap:
    name: {{ .Values.trust.caBundleConfigMap }}
    items:
      - {key: {{ .Values.trust.caBundleKey }}, path: {{ .Values.trust.caBundleKey }}}
- name: truststore
  emptyDir:
    sizeLimit: 16Mi
{{- end }}
{{- end }}

{{- define "enclave.truststoreMounts" -}}
{{- if .Values.trust.caBundleConfigMap }}
- {name: trust, mountPath: /etc/enclave/trust, readOnly: true}
- {name: truststore, mountPath: /etc/enclave/truststore, readOnly: true}
{{- end }}
{{- end }}

{{/* Spring settings shared by both services: sign-in, public addresses, the PEM CA file where one is needed. */}}
{{- define "enclave.sharedConfig" -}}
{{- $v := .root.Values -}}
spring:
  config:
    # secrets: one file per property, from the pods' projected Secret volume (Spring's configtree)
    import: "configtree:/etc/enclave/secrets/"
  datasource:
    url: {{ .service.database.url | quote }}
  security:
    oauth2:
      resourceserver:
        jwt:
          issuer-uri: {{ $v.oidc.issuerUri | quote }}
      client:
        registration:
          idp:
            client-id: {{ .service.oidc.clientId | quote }}
            scope: openid,profile,email
            redirect-uri: "{baseUrl}/login/oauth2/code/{registrationId}"
        provider:
          idp:
            issuer-uri: {{ $v.oidc.issuerUri | quote }}
  lifecycle:
    timeout-per-shutdown-phase: 30s
server:
  shutdown: graceful
management:
  server:
    port: {{ .service.managementPort }}
  endpoints:
    web:
      exposure:
        include: health,prometheus
  endpoint:
    health:
      probes:
        enabled: true
enclave:
  time-zone: {{ .service.timeZone | quote }}
  security:
    roles-claim: {{ $v.oidc.rolesClaim | quote }}
    admin-role: {{ $v.oidc.adminRole | quote }}
    steward-role: {{ $v.oidc.stewardRole | quote }}
    reviewer-role: {{ $v.oidc.reviewerRole | quote }}
    accepted-acr: {{ join "," $v.oidc.acceptedAcr | quote }}
  portal:
    public-url: {{ printf "https://%s" $v.ingress.orchestrator.host | quote }}
  egress:
    public-url: {{ printf "https://%s" $v.ingress.egressReview.host | quote }}
{{- end }}

{{/* The projected Secret volume read as configtree: each item's path is the Spring property it sets. */}}
{{- define "enclave.secretItem" -}}
- secret:
    name: {{ .secret }}
    items:
      - {key: {{ .key | quote }}, path: {{ .property }}}
{{- end }}
