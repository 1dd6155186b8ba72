{{/* Egress-review's application.yaml: non-secret settings only; secrets are files. */}}
{{- define "enclave.egressReview.config" -}}
{{- $v := .Values -}}
{{- $e := $v.egressReview -}}
server:
  port: 8081
enclave:
  {{- if eq $e.storage.kind "filesystem" }}
  data-directory: /var/lib/enclave/egress
  {{- end }}
  intake:
    port: 8082
    max-file-size: {{ $e.intake.maxFileSize }}
    max-files-per-request: {{ $e.intake.maxFilesPerRequest }}
    max-bytes-per-project-per-day: {{ $e.intake.maxBytesPerProjectPerDay }}
    upload-timeout: {{ $e.intake.uploadTimeout }}
  orchestrator:
    internal-url: {{ printf "http://%s.%s.svc:8083" (include "enclave.name" "orchestrator") .Release.Namespace | quote }}
    credential-file: /etc/enclave/internal-api/credential
  storage:
    kind: {{ $e.storage.kind }}
    {{- if eq $e.storage.kind "filesystem" }}
    filesystem:
      # the egress volume; its staging/ and blobs/ are on it, one filesystem
      directory: /var/lib/enclave/egress
    {{- else }}
    s3:
      endpoint: {{ $e.storage.s3.endpoint | quote }}
      bucket: {{ $e.storage.s3.bucket | quote }}
      region: {{ $e.storage.s3.region | quote }}
      path-style: {{ $e.storage.s3.pathStyle }}
      {{- with $e.storage.s3.prefix }}
      prefix: {{ . | quote }}
      {{- end }}
      access-key-file: /etc/enclave/s3/access-key
      secret-key-file: /etc/enclave/s3/secret-key
    {{- end }}
  release:
    signing-key-file: /etc/enclave/release/signing-key.pem
    {{- with $e.release.keyId }}
    key-id: {{ . | quote }}
    {{- end }}
    {{- if $e.release.pastKeysSecret }}
    past-keys-dir: /etc/enclave/release-past-keys
    {{- end }}
{{- if $e.smtp.enabled }}
spring:
  mail:
    host: {{ $e.smtp.host | quote }}
    port: {{ $e.smtp.port }}
    {{- if $e.smtp.passwordSecret }}
    username: {{ $e.smtp.username | quote }}
    {{- end }}
    properties:
      "[mail.smtp.auth]": {{ not (empty $e.smtp.passwordSecret) }}
      "[mail.smtp.starttls.enable]": {{ $e.smtp.startTls }}
      "[mail.smtp.starttls.required]": {{ $e.smtp.startTls }}
      "[mail.smtp.from]": {{ $e.smtp.from | quote }}
      "[mail.from]": {{ $e.smtp.from | quote }}
{{- end }}
{{- end }}

{{- define "enclave.egressReview.applicationYaml" -}}
{{- $e := .Values.egressReview -}}
{{- $shared := include "enclave.sharedConfig" (dict "root" . "service" $e) | fromYaml -}}
{{- $own := include "enclave.egressReview.config" . | fromYaml -}}
{{- toYaml (mustMergeOverwrite (deepCopy $e.extraConfig) $shared $own) -}}
{{- end }}
