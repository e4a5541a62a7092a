/*
 * ordernum.c - an order number in the one form the store keeps it in.
 *
 * Each platform has its rule, and every connector stores the number its
 * platform's rule gives, so that a number a customer quotes finds the
 * order whatever the platform (omni-link tries the form of each rule):
 *   shopify, bigcommerce, woocommerce, and a channel not known
 *                     "#1042": the shop's number after a '#', as the
 *                     shop's own mail quotes it (Shopify's name, its
 *                     order_number, BigCommerce's id, WooCommerce's
 *                     number)
 *   tiktok, walmart   "576653688135258178", "5281956426648": the digits
 *                     alone, as the marketplace shows them (no '#')
 *   amazon, ebay      "113-4827365-1029384", "14-11203-58847": as given
 * Blanks around the number are dropped, and a '#' or blanks in front.
 */
#include <ctype.h>
#include <string.h>

#include "order/order.h"

/* The rules, by what the store keeps. */
enum rule { HASH, DIGITS, AS_IS };

static const struct {
	const char *channel;
	enum rule rule;
} platforms[] = {
	{ "shopify", HASH }, { "bigcommerce", HASH }, { "woocommerce", HASH },
	{ "tiktok", DIGITS }, { "walmart", DIGITS },
	{ "amazon", AS_IS }, { "ebay", AS_IS },
};

static enum rule
rule_of(const char *channel)
{
	for (size_t i = 0; channel && i < sizeof platforms / sizeof platforms[0]; i++)
		if (strcmp(platforms[i].channel, channel) == 0)
			return platforms[i].rule;
	return HASH;
}

static int
apply(enum rule rule, const char *raw, char *buf, size_t size)
{
	const char *s = raw, *e;
	int all_digits;
	size_t n;

	if (!raw || size == 0)
		return -1;
	while (*s == '#' || isspace((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		e--;
	if ((n = (size_t)(e - s)) == 0)
		return -1;
	all_digits = strspn(s, "0123456789") >= n;
	/* the shops' numbers are written after a '#' when they are numbers;
	 * a number of letters too ("WC-1043") is the shop's own form */
	if (rule == HASH && all_digits) {
		if (n + 2 > size)
			return -1;
		buf[0] = '#';
		memcpy(buf + 1, s, n);
		buf[n + 1] = '\0';
		return 0;
	}
	if (n + 1 > size)
		return -1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	return 0;
}

int
omni_order_number(const char *channel, const char *raw, char *buf, size_t size)
{
	return apply(rule_of(channel), raw, buf, size);
}

size_t
omni_order_number_forms(const char *quoted, char forms[][OMNI_ORDER_NUMBER_MAX],
                        size_t max)
{
	static const enum rule rules[] = { HASH, DIGITS, AS_IS };
	size_t n = 0;

	for (size_t r = 0; r < sizeof rules / sizeof rules[0] && n < max; r++) {
		size_t k;
		if (apply(rules[r], quoted, forms[n], OMNI_ORDER_NUMBER_MAX) < 0)
			continue;
		for (k = 0; k < n && strcmp(forms[k], forms[n]) != 0; k++)
			;
		if (k == n)
			n++;
	}
	return n;
}
