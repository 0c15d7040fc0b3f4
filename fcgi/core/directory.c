/* directory.c: LDAP connections done the careful way (nslcd's habits). */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/time.h>

#include "core/directory.h"
#include "core/error.h"

int
dir_connect(const struct conf *c, LDAP **out, char *err, size_t errlen)
{
	struct timeval tv = { .tv_sec = c->ldap_timeout, .tv_usec = 0 };
	int version = LDAP_VERSION3, rc;
	LDAP *ld = NULL;

	*out = NULL;
	if ((rc = ldap_initialize(&ld, c->ldap_uri)) != LDAP_SUCCESS) {
		snprintf(err, errlen, "directory %s: %s", c->ldap_uri,
		    ldap_err2string(rc));
		return TC_EDIR;
	}
	if (ldap_set_option(ld, LDAP_OPT_PROTOCOL_VERSION, &version) != 0 ||
	    ldap_set_option(ld, LDAP_OPT_REFERRALS, LDAP_OPT_OFF) != 0 ||
	    ldap_set_option(ld, LDAP_OPT_NETWORK_TIMEOUT, &tv) != 0 ||
	    ldap_set_option(ld, LDAP_OPT_TIMEOUT, &tv) != 0 ||
	    ldap_set_option(ld, LDAP_OPT_TIMELIMIT, &c->ldap_timeout) != 0) {
		snprintf(err, errlen, "directory: cannot set options");
		ldap_unbind_ext_s(ld, NULL, NULL);
		return TC_EDIR;
	}
	if (c->ldap_starttls &&
	    (rc = ldap_start_tls_s(ld, NULL, NULL)) != LDAP_SUCCESS) {
		snprintf(err, errlen, "directory %s: StartTLS failed: %s",
		    c->ldap_uri, ldap_err2string(rc));
		ldap_unbind_ext_s(ld, NULL, NULL);
		return TC_EDIR;
	}
	*out = ld;
	return 0;
}

int
dir_open(const struct conf *c, LDAP **out, char *err, size_t errlen)
{
	struct berval cred;
	LDAP *ld;
	int rc;

	if ((rc = dir_connect(c, &ld, err, errlen)) != 0)
		return rc;
	cred.bv_val = c->ldap_bind_password;
	cred.bv_len = strlen(c->ldap_bind_password);
	rc = ldap_sasl_bind_s(ld, c->ldap_bind_dn[0] ? c->ldap_bind_dn : NULL,
	    LDAP_SASL_SIMPLE, c->ldap_bind_dn[0] ? &cred : NULL, NULL, NULL,
	    NULL);
	if (rc != LDAP_SUCCESS) {
		snprintf(err, errlen, "directory %s: service bind failed: %s",
		    c->ldap_uri, ldap_err2string(rc));
		ldap_unbind_ext_s(ld, NULL, NULL);
		return TC_EDIR;
	}
	*out = ld;
	return 0;
}
