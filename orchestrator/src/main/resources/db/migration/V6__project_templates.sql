-- Which workspace templates each project may use, as an admin chose them. The catalogue itself is configuration
-- (workspace-templates/, enclave.templates.location), not data: a row naming a template that the catalogue no longer
-- holds allows nothing until the template comes back.
CREATE TABLE project_templates (
    project_id   UUID         NOT NULL REFERENCES projects (id),
    template_id  VARCHAR(63)  NOT NULL CHECK (template_id ~ '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$'),
    allowed_by   TEXT         NOT NULL,
    allowed_at   TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (project_id, template_id)
);
