-- Files declared in a draft before their bytes arrive (the "prior JSON call" of the intake): their group,
-- description and supporting flag, taken by the upload of that name. Consumed when the file is stored.
CREATE TABLE request_file_declarations (
    request_id   UUID         NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    name_key     TEXT         NOT NULL,
    name         TEXT         NOT NULL CHECK (octet_length(name) BETWEEN 1 AND 255),
    group_name   VARCHAR(64)  NOT NULL,
    description  TEXT         NOT NULL DEFAULT '' CHECK (char_length(description) <= 4000),
    supporting   BOOLEAN      NOT NULL DEFAULT FALSE,
    PRIMARY KEY (request_id, name_key),
    FOREIGN KEY (request_id, group_name) REFERENCES request_groups (request_id, name)
);
