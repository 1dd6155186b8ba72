-- A person is (issuer, subject): the same person in both services when their identity provider and subject are
-- the same, whatever each service's own user id. The locale chooses the language of the mails they are sent.
ALTER TABLE users ADD COLUMN issuer TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN locale TEXT;
UPDATE users SET issuer = 'urn:enclave:demo' WHERE subject LIKE 'demo:%';
ALTER TABLE users DROP CONSTRAINT users_subject_key;
ALTER TABLE users ADD CONSTRAINT users_issuer_subject_key UNIQUE (issuer, subject);
