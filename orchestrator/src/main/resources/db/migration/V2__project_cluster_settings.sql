-- What each project may consume and reach on the cluster, as an admin set it. A project without a quota row
-- has ProjectQuota.DEFAULT; without mirror rows, it reaches no mirror. The checks repeat the API's rules as a
-- last line, so that nothing written around the service can store what the reconciler would choke on.
CREATE TABLE project_quotas (
    project_id   UUID         PRIMARY KEY REFERENCES projects (id),
    cpu          VARCHAR(32)  NOT NULL,
    memory       VARCHAR(32)  NOT NULL,
    gpus         INTEGER      NOT NULL CHECK (gpus BETWEEN 0 AND 64),
    pods         INTEGER      NOT NULL CHECK (pods BETWEEN 1 AND 1000),
    pvcs         INTEGER      NOT NULL CHECK (pvcs BETWEEN 1 AND 1000),
    storage      VARCHAR(32)  NOT NULL,
    updated_by   TEXT         NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL
);

CREATE TABLE project_mirrors (
    project_id   UUID         NOT NULL REFERENCES projects (id),
    position     SMALLINT     NOT NULL CHECK (position BETWEEN 0 AND 19),
    name         VARCHAR(63)  NOT NULL CHECK (name ~ '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$'),
    cidr         CIDR         NOT NULL CHECK (masklen(cidr) >= CASE family(cidr) WHEN 4 THEN 8 ELSE 32 END),
    port         INTEGER      NOT NULL CHECK (port BETWEEN 1 AND 65535),
    hostname     VARCHAR(253),
    PRIMARY KEY (project_id, position),
    UNIQUE (project_id, name)
);
