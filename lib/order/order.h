/* order.h - order numbers: finding them in what customers write. */
#ifndef OMNI_ORDER_ORDER_H
#define OMNI_ORDER_ORDER_H

#include <jansson.h>

// orderid.c - order numbers in free text

/* Appends to ids (a JSON array) every order number found in text, once:
 * "#1043" (and "order 1043", "ordine n. 1043", "commande 1043",
 * "pedido 1043", "Bestellung 1043" written as "#1043"), Amazon 3-7-7
 * "113-4827365-1029384", eBay 2-5-5 "12-34567-89012". */
void omni_order_ids_find(const char *text, json_t *ids);

#endif
