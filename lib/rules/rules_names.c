/* rules_names.c - the names the rules language knows: priorities, the
 * fields omni-route decides or computes, and the record members it reads
 * in its one pass, so that a condition's path is resolved once, when the
 * file is read. */
#include <string.h>

#include "rules/rules.h"

int
omni_priority_score(const char *priority)
{
	if (!priority)
		return -1;
	if (strcmp(priority, "urgent") == 0)
		return 90;
	if (strcmp(priority, "high") == 0)
		return 70;
	if (strcmp(priority, "normal") == 0)
		return 50;
	if (strcmp(priority, "low") == 0)
		return 25;
	return -1;
}

int
omni_rules_field(const char *name)
{
	static const char *const names[] = {
		[OMNI_RF_IDLE] = "idle", [OMNI_RF_AGE] = "age", [OMNI_RF_SCORE] = "priority_score",
		[OMNI_RF_TAGS] = "tags", [OMNI_RF_TEXT] = "text", [OMNI_RF_LANG] = "lang",
		[OMNI_RF_INTENT] = "intent", [OMNI_RF_SENTIMENT] = "sentiment",
		[OMNI_RF_PRIORITY] = "priority", [OMNI_RF_QUEUE] = "queue",
		[OMNI_RF_ASSIGNEE] = "assignee", [OMNI_RF_STATUS] = "status",
	};
	for (int i = 1; i < (int)(sizeof names / sizeof *names); i++)
		if (strcmp(name, names[i]) == 0)
			return i;
	return OMNI_RF_RECORD;
}

const char *const omni_rules_keys[] = {
	"subject", "messages", "created_at", "updated_at", "status", "kind",
	"tags", "store", "id", "solved_at", "channel", "assignee", "source", "customer",
	NULL,
};

int
omni_rules_key(const char *name)
{
	for (int i = 0; omni_rules_keys[i]; i++)
		if (strcmp(omni_rules_keys[i], name) == 0)
			return i;
	return -1;
}
