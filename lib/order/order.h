/* order.h - order numbers: finding them in what customers write. */
#ifndef OMNI_ORDER_ORDER_H
#define OMNI_ORDER_ORDER_H

#include <jansson.h>

// orderid.c - order numbers in free text

/* Appends to ids (a JSON array) every order number found in text, once:
 * "#1043" (and "order 1043", "ordine n. 1043", "commande 1043",
 * "pedido 1043", "Bestellung 1043", "order ID 576653688135258178" written
 * as "#1043", up to 20 digits after a word), Amazon 3-7-7
 * "113-4827365-1029384", eBay 2-5-5 "12-34567-89012". */
void omni_order_ids_find(const char *text, json_t *ids);

// ordernum.c - the one form of an order number per platform

/* The longest form kept, with its NUL. */
#define OMNI_ORDER_NUMBER_MAX 64
/* The number of an order of channel (raw as the platform gives it) as the
 * store keeps it: "#1042" for the shops (shopify, bigcommerce,
 * woocommerce, and a channel not known) when it is all digits, the digits
 * alone for tiktok and walmart, the id as given for amazon and ebay; a
 * '#' and blanks in front are dropped.  0, or -1 (empty, or too long for
 * size). */
int omni_order_number(const char *channel, const char *raw, char *buf, size_t size);
/* The forms a number a customer quotes ("#1042", "1042",
 * "576653688135258178") may be kept under, one for each platform's rule,
 * each once, at most max: how many. */
size_t omni_order_number_forms(const char *quoted, char forms[][OMNI_ORDER_NUMBER_MAX],
                               size_t max);

#endif
