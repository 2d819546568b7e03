# src/sql/include.awk — expands the install and upgrade scripts at build time.
#
# A line "--@include FILE KEY=VALUE ..." is replaced by the text of FILE (a
# path from the top of the tree) with every KEY replaced by its VALUE, read
# literally; every other line is copied as it is. This is how one query is
# written once (src/sql/queries/) and used both by a view (as of
# CURRENT_DATE) and by its *_at function (as of $1), and how an upgrade script
# re-creates objects from the parts that define them.

function replace_all(text, key, value,    out, at) {
	out = ""
	while ((at = index(text, key)) > 0) {
		out = out substr(text, 1, at - 1) value
		text = substr(text, at + length(key))
	}
	return out text
}

/^--@include / {
	file = $2
	n = 0
	for (i = 3; i <= NF; i++) {
		eq = index($i, "=")
		if (eq == 0) {
			printf "include.awk: %s:%d: \"%s\" is not KEY=VALUE\n", FILENAME, FNR, $i > "/dev/stderr"
			exit 1
		}
		n++
		keys[n] = substr($i, 1, eq - 1)
		values[n] = substr($i, eq + 1)
	}
	found = 0
	while ((getline line < file) > 0) {
		found = 1
		for (j = 1; j <= n; j++)
			line = replace_all(line, keys[j], values[j])
		print line
	}
	close(file)
	if (!found) {
		printf "include.awk: %s:%d: cannot read %s\n", FILENAME, FNR, file > "/dev/stderr"
		exit 1
	}
	next
}

{ print }
