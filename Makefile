# omni - a Unix toolkit for omnichannel e-commerce customer support.
# make [all] | model | check | install | uninstall | clean | lint | bench | demo | deps | fuzz | deb

PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
MANDIR  ?= $(PREFIX)/share/man
DATADIR ?= $(PREFIX)/share
BASHCOMPDIR ?= $(DATADIR)/bash-completion/completions
ZSHCOMPDIR  ?= $(DATADIR)/zsh/site-functions
FISHCOMPDIR ?= $(DATADIR)/fish/vendor_completions.d

CC      ?= cc
PKG_CONFIG ?= pkg-config
CFLAGS  ?= -O2 -g
WARN    = -std=c11 -Wall -Wextra -Wpedantic -Wno-unused-parameter
CPPFLAGS += -D_GNU_SOURCE -Ilib -MMD -MP -DOMNI_DATADIR='"$(DATADIR)/omni"'

ifeq ($(SANITIZE),1)
CFLAGS  += -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
LDFLAGS += -fsanitize=address,undefined
endif

DEPS_CFLAGS = $(shell $(PKG_CONFIG) --cflags jansson sqlite3 2>/dev/null)
DEPS_LIBS   = $(shell $(PKG_CONFIG) --libs jansson sqlite3 2>/dev/null)
CURL_LIBS   = $(shell $(PKG_CONFIG) --libs libcurl 2>/dev/null)
# Snowball's stemmers (libstemmer-dev) for omni-route's intent model: Debian
# ships no .pc file for it, so -lstemmer unless pkg-config knows better.
STEM_LIBS   = $(shell $(PKG_CONFIG) --libs libstemmer 2>/dev/null || echo -lstemmer)
# PostgreSQL (libpq) is a store engine beside SQLite when pkg-config finds
# it; PG=0 builds without it (a postgresql:// store is then refused, 78).
PG ?= $(shell $(PKG_CONFIG) --exists libpq 2>/dev/null && echo 1)
ifeq ($(PG),1)
DEPS_CFLAGS += $(shell $(PKG_CONFIG) --cflags libpq 2>/dev/null) -DOMNI_WITH_PG
DEPS_LIBS   += $(shell $(PKG_CONFIG) --libs libpq 2>/dev/null)
endif

# The one version: lib/core/core.h; debian/changelog follows it (tests/deb.bats).
VERSION = $(shell sed -n 's/^\#define OMNI_VERSION "\(.*\)"/\1/p' lib/core/core.h)

PROGS = $(patsubst cmd/%.c,bin/%,$(sort $(wildcard cmd/omni-*.c)))
# One folder per area (ARCHITECTURE.md); the fetch area has sources/ and payload/.
LIB_SRC = $(sort $(filter-out lib/store/migrations.c,$(wildcard lib/*/*.c lib/*/*/*.c)))
LIB_OBJ = $(LIB_SRC:.c=.o) lib/store/migrations.o
TEST_PROGS = tests/bin/jsoncheck tests/bin/libcheck
MAN = $(wildcard man/*.[0-9])
# The intent model omni-route reads, trained from the corpus (make model).
MODEL = share/omni/route/intent.model
CORPUS = $(sort $(wildcard share/omni/route/corpus/*.tsv))

all: $(PROGS) $(MODEL)

# -MMD -MP: each object's headers, public and private, in a .d file beside it.
lib/%.o: lib/%.c
	$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS) $(DEPS_CFLAGS) -c -o $@ $<

# The migrations are built in, so an installed program needs no data files.
lib/store/migrations.c: $(sort $(wildcard share/omni/migrations/*.sql share/omni/migrations/pg/*.sql)) \
		tools/embed-migrations
	sh tools/embed-migrations share/omni/migrations/*.sql >$@.tmp && mv $@.tmp $@

# One string literal per migration file: longer than C99's minimum limit.
lib/store/migrations.o: lib/store/migrations.c
	$(CC) $(WARN) -Wno-overlength-strings $(CFLAGS) -c -o $@ $<

lib/libomni.a: $(LIB_OBJ)
	rm -f $@ && ar rcs $@ $(LIB_OBJ)

cmd/%.o: cmd/%.c
	$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS) $(DEPS_CFLAGS) -c -o $@ $<

# Each program links only what it uses: the ones that talk to the network
# add $(CURL_LIBS) in a rule of their own.
bin/omni-%: cmd/omni-%.o lib/libomni.a
	@mkdir -p bin
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< lib/libomni.a $(DEPS_LIBS) -lm

bin/omni-fetch bin/omni-reply bin/omni-desk: bin/%: cmd/%.o lib/libomni.a
	@mkdir -p bin
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< lib/libomni.a $(DEPS_LIBS) $(CURL_LIBS) -lm

bin/omni-route: cmd/omni-route.o lib/libomni.a
	@mkdir -p bin
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< lib/libomni.a $(DEPS_LIBS) $(STEM_LIBS) $(CURL_LIBS) -lm

# make model: the intent model from the corpus and the shipped lexicons (the
# language of each example picks its stemmer); the same files give the same
# model.  share/omni/route/learn retrains one with the seller's corrections.
model: $(MODEL)

$(MODEL): bin/omni-route $(CORPUS) $(wildcard share/omni/route/*.lex)
	OMNI_SHARE_DIR=share/omni XDG_CONFIG_HOME=/nonexistent bin/omni-route --train $@ $(CORPUS)

tests/bin/%: tests/%.c lib/libomni.a
	@mkdir -p tests/bin
	$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS) $(DEPS_CFLAGS) $(LDFLAGS) -o $@ $< lib/libomni.a $(DEPS_LIBS) $(STEM_LIBS) -lm

deps:
	@sh tools/deps

check: deps all $(TEST_PROGS)
	bats tests

demo: deps all
	@sh tools/demo

# the HTML report of the sample week as headless Chromium shows it
screenshot: all
	@sh tools/screenshot report.png

bench: all
	@sh bench/run

lint:
	cppcheck --quiet --error-exitcode=1 --enable=warning,portability \
		--std=c11 --inline-suppr -Ilib --suppress=missingIncludeSystem \
		--include=$$($(PKG_CONFIG) --variable=includedir jansson)/jansson.h lib cmd
	mandoc -Tlint -Wwarning $(MAN)

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 \
		$(DESTDIR)$(MANDIR)/man7 $(DESTDIR)$(DATADIR)/omni \
		$(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR) $(DESTDIR)$(FISHCOMPDIR)
	install -m 755 $(PROGS) $(DESTDIR)$(BINDIR)/
	for m in $(MAN); do s=$${m##*.}; install -m 644 $$m $(DESTDIR)$(MANDIR)/man$$s/; done
	cp -R share/omni/. $(DESTDIR)$(DATADIR)/omni/
	install -m 644 completions/omni.bash $(DESTDIR)$(BASHCOMPDIR)/omni
	for p in $(notdir $(PROGS)); do ln -sf omni $(DESTDIR)$(BASHCOMPDIR)/$$p; done
	install -m 644 completions/_omni $(DESTDIR)$(ZSHCOMPDIR)/_omni
	for f in completions/*.fish; do install -m 644 $$f $(DESTDIR)$(FISHCOMPDIR)/; done

uninstall:
	for p in $(notdir $(PROGS)); do rm -f $(DESTDIR)$(BINDIR)/$$p $(DESTDIR)$(BASHCOMPDIR)/$$p \
		$(DESTDIR)$(FISHCOMPDIR)/$$p.fish; done
	for m in $(notdir $(MAN)); do s=$${m##*.}; rm -f $(DESTDIR)$(MANDIR)/man$$s/$$m; done
	rm -f $(DESTDIR)$(BASHCOMPDIR)/omni $(DESTDIR)$(ZSHCOMPDIR)/_omni
	rm -rf $(DESTDIR)$(DATADIR)/omni

# make deb: the Debian package (debian/) in dist/, as dpkg-buildpackage
# -us -uc -b builds it, the source tree cleaned after; DEB_BUILD_OPTIONS is
# passed on (nocheck, fullcheck: debian/rules).  tools/deb-check tries it.
DEB_DIR = dist
DEB_ARCH = $(shell dpkg --print-architecture 2>/dev/null)

deb:
	@sh tools/deps deb
	@mkdir -p $(DEB_DIR)
	OMNI_DEB_DIR=$(DEB_DIR) dpkg-buildpackage -us -uc -b -tc \
		--buildinfo-option=-u$(DEB_DIR) --changes-option=-u$(DEB_DIR) \
		--buildinfo-file=$(DEB_DIR)/omni_$(VERSION)_$(DEB_ARCH).buildinfo \
		--changes-file=$(DEB_DIR)/omni_$(VERSION)_$(DEB_ARCH).changes
	@ls $(DEB_DIR)/*_$(VERSION)_$(DEB_ARCH).deb

# make fuzz: the libFuzzer targets of fuzz/ against the library built by
# clang with ASan and UBSan, each run FUZZ_TIME seconds (fuzz/run).  Without
# clang it fails, or passes saying so when FUZZ_OPTIONAL=1.
FUZZ_CC    ?= clang
FUZZ_TIME  ?= 10
FUZZ_FLAGS  = -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined \
	-fno-sanitize-recover=undefined
FUZZ_BIN    = $(patsubst fuzz/%.c,bin/fuzz/%,$(sort $(wildcard fuzz/fuzz-*.c)))
FUZZ_OBJ    = $(patsubst lib/%.c,bin/fuzz/obj/%.o,$(sort $(LIB_SRC) lib/store/migrations.c))

fuzz:
	@if ! command -v $(FUZZ_CC) >/dev/null 2>&1; then \
		echo "fuzz: $(FUZZ_CC) not found: install clang (tools/deps)" >&2; \
		test "$(FUZZ_OPTIONAL)" = 1; exit $$?; fi; \
	$(MAKE) --no-print-directory $(FUZZ_BIN) && sh fuzz/run $(FUZZ_TIME)

bin/fuzz/obj/%.o: lib/%.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(WARN) -Wno-overlength-strings $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link \
		$(CPPFLAGS) $(DEPS_CFLAGS) -c -o $@ $<

bin/fuzz/%: fuzz/%.c $(FUZZ_OBJ)
	$(FUZZ_CC) $(WARN) $(FUZZ_FLAGS) -fsanitize=fuzzer $(CPPFLAGS) $(DEPS_CFLAGS) \
		-o $@ $< $(FUZZ_OBJ) $(DEPS_LIBS) $(CURL_LIBS) $(STEM_LIBS) -lm

clean:
	rm -rf bin tests/bin lib/libomni.a lib/store/migrations.c cmd/*.o cmd/*.d bench/bin $(MODEL)
	find lib -name '*.[od]' -delete

-include $(LIB_OBJ:.o=.d) $(PROGS:bin/%=cmd/%.d) $(TEST_PROGS:tests/bin/%=tests/bin/%.d)

.PHONY: all check deps demo screenshot bench lint install uninstall clean fuzz deb model
.SECONDARY:
