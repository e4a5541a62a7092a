/* route_business.c - the SLA policies and calendars a program reads: the
 * defaults in share/omni/sla, then the user's $XDG_CONFIG_HOME/omni/sla,
 * whose policies and calendars replace those of the same name. */
#include <stdlib.h>
#include <unistd.h>

#include "core/core.h"
#include "rules/rules.h"

int
omni_sla_load(omni_rules *rs, omni_error *err)
{
	char *paths[2] = { omni_share_path("sla"), omni_xdg_path(OMNI_XDG_CONFIG, "sla") };
	int rc = 0;

	for (int i = 0; i < 2 && rc == 0; i++) {
		if (!paths[i]) {
			omni_error_oom(err);
			rc = -1;
		} else if (access(paths[i], F_OK) == 0)
			rc = omni_rules_load(rs, paths[i], err);
	}
	free(paths[0]);
	free(paths[1]);
	return rc;
}
