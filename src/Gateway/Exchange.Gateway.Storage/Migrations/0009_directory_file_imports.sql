-- Directory files imported at start-up, by content: a node that starts again with a file already imported leaves the
-- directory as it is (changes made since through the admin API stay); a new version of the file is applied once.
CREATE TABLE directory_file_imports (
    sha256       text PRIMARY KEY,
    file_name    text NOT NULL,
    imported_at  timestamptz NOT NULL,
    actor        text NOT NULL
);
