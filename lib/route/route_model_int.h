/* route_model_int.h - the model's features, shared by route_model.c (which
 * classifies) and route_train.c (which trains); nothing else includes it. */
#ifndef OMNI_ROUTE_MODEL_INT_H
#define OMNI_ROUTE_MODEL_INT_H

#include <stdint.h>

#include "core/core.h"
#include "route/route_int.h"

#define OMNI_MODEL_CLASSES 64
#define OMNI_FEAT_BITS 18
#define OMNI_FEAT_MASK ((1u << OMNI_FEAT_BITS) - 1)
#define OMNI_FEAT_TOKENS 400       /* the first of a text's tokens */
#define OMNI_FEAT_MAX 4096
#define OMNI_FEAT_NAME 48          /* a feature's text, with explain */
#define OMNI_FEAT_LANGS 5          /* en it fr es de: the stemmers */

struct sb_stemmer;

/* One text's features: hashes, and their text when names is set
 * (OMNI_FEAT_NAME bytes each). */
typedef struct omni_feats {
	uint32_t h[OMNI_FEAT_MAX];
	int n;
	char *names;
} omni_feats;

/* The tokens of text as the lexicons read them (route_int.h). */
int omni_feat_tokens(const char *text, size_t len, omni_tokens *t);

/* The stemmer index of a language name, or -1. */
int omni_feat_lang(const char *lang);
/* The five stemmers and a cache of their stems (new).  0, or -1 with err. */
int omni_feat_stemmers(struct sb_stemmer **stemmers, void **cache, omni_error *err);
void omni_feat_stemmers_free(struct sb_stemmer **stemmers, void *cache);
/* The features of text in language lang (omni_feat_lang) into f. */
void omni_feat_text(struct sb_stemmer *const *stemmers, void *cache, int lang,
                    const char *text, size_t len, omni_feats *f);

#endif
