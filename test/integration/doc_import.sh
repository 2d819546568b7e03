#!/usr/bin/env bash
# test/integration/doc_import.sh — the SQL examples of doc/import.md run, in
# order, on a fresh database with the extension, by the runner of
# doc_tables.sh (a "-- fails" block must fail, a ```text block after a ```sql
# block must appear in its output, "-- not run" blocks are skipped). Prints TAP.
cd "$(dirname "$0")/../.." || exit 1
HDH_DOC=doc/import.md HDH_DOC_DB=hdh_doc_import exec bash test/integration/doc_tables.sh
