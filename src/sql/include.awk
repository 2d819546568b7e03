# src/sql/include.awk — expands the install and upgrade scripts at build time.
#
# A line "--@include FILE KEY=VALUE ..." is replaced by the text of FILE (a
# path from the top of the tree) with every KEY replaced by its VALUE, read
# literally; an included file may include others. Every other line is copied
# as it is. This is how one query is written once (src/sql/queries/) and used
# both by a view (as of CURRENT_DATE) and by its *_at function (as of $1),
# and how an upgrade script re-creates objects from the parts that define
# them.

function replace_all(text, key, value,    out, at) {
	out = ""
	while ((at = index(text, key)) > 0) {
		out = out substr(text, 1, at - 1) value
		text = substr(text, at + length(key))
	}
	return out text
}

function fail(message) {
	printf "include.awk: %s\n", message > "/dev/stderr"
	exit 1
}

# expand(LINE, WHERE): print LINE, or the file it includes, expanded.
function expand(line, where, depth,    f, n, i, eq, keys, values, file, text, found, j) {
	if (line !~ /^--@include /) {
		print line
		return
	}
	if (depth > 8)
		fail(where ": includes nested too deep")
	n = split(line, f, /[ \t]+/)
	file = f[2]
	for (i = 3; i <= n; i++) {
		eq = index(f[i], "=")
		if (eq == 0)
			fail(where ": \"" f[i] "\" is not KEY=VALUE")
		keys[i] = substr(f[i], 1, eq - 1)
		values[i] = substr(f[i], eq + 1)
	}
	found = 0
	while ((getline text < file) > 0) {
		found = 1
		for (j = 3; j <= n; j++)
			text = replace_all(text, keys[j], values[j])
		expand(text, file, depth + 1)
	}
	close(file)
	if (!found)
		fail(where ": cannot read " file)
}

{ expand($0, FILENAME ":" FNR, 0) }
