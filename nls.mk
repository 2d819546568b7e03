# nls.mk — the message catalog of hdh_roadmap, the way PostgreSQL's modules
# declare theirs (src/pl/plpgsql/src/nls.mk). PGXS includes nls-global.mk
# when this file exists and the server has NLS:
#   make init-po     extract po/hdh_roadmap.pot from the sources (xgettext)
#   make update-po   merge po/LANG.po with it into po/LANG.po.new (msgmerge)
# and `make install` installs po/LANG.mo of each AVAIL_LANGUAGES language as
# hdh_roadmap-15.mo, the catalog that TEXTDOMAIN (src/hdh_error.h) names.
# doc/developing.md, "Messages", tells how a message is written.
CATALOG_NAME     = hdh_roadmap
AVAIL_LANGUAGES  =
GETTEXT_FILES    = $(sort $(wildcard src/*.c src/core/*.c))
# The server's (errmsg, errdetail, errhint, ...) and the core's: hdh_fail's
# format (its detail, the argument before, is marked gettext_noop where it is
# written: xgettext takes one argument of a function), hdh_gettext, and the
# codecs' syntax-error helpers (the detail format of delay_summary, the
# expected phrase of year_counts).
GETTEXT_TRIGGERS = $(BACKEND_COMMON_GETTEXT_TRIGGERS) \
                   hdh_fail:4 hdh_gettext gettext_noop \
                   DelaySyntaxError:3 YearCountsSyntaxError:4
GETTEXT_FLAGS    = $(BACKEND_COMMON_GETTEXT_FLAGS) \
                   hdh_fail:4:c-format hdh_gettext:1:pass-c-format \
                   DelaySyntaxError:3:c-format
