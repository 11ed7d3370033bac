-- A target may be reached over TLS (TCPS on Oracle): how strictly the server's certificate is checked, and the CA file
-- (or Oracle wallet folder) it must be signed by. Existing targets keep connecting as before.
ALTER TABLE target ADD COLUMN tls_mode VARCHAR(16) NOT NULL DEFAULT 'OFF';
ALTER TABLE target ADD COLUMN tls_ca_file VARCHAR(1024) NOT NULL DEFAULT '';
