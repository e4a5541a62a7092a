/* ident.h - identity keys in their normal form: e-mail addresses and phone
 * numbers as the store keeps and compares them. */
#ifndef OMNI_IDENT_IDENT_H
#define OMNI_IDENT_IDENT_H

/* Normalised e-mail address (lowercase; Gmail dots and +tags dropped,
 * the only rewrite that is certain): new, or NULL when not an address. */
char *omni_ident_email(const char *s);
/* A phone number in E.164, national numbers read in region (ISO 3166
 * alpha-2, e.g. "US", "IT"; NULL: US): new, or NULL when not a number. */
char *omni_ident_phone(const char *s, const char *region);

#endif
