/* db.c: connecting to MariaDB, and reconnecting deliberately. */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/db.h"
#include "core/error.h"
#include "core/log.h"

struct db {
	const struct conf *conf;
	MYSQL *m;
};

static int
db_connect(struct db *d, char *err, size_t errlen)
{
	const struct conf *c = d->conf;
	unsigned int timeout = 5;
	my_bool off = 0;
	MYSQL *m;

	if ((m = mysql_init(NULL)) == NULL)
		return TC_ENOMEM;
	mysql_options(m, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
	mysql_options(m, MYSQL_OPT_READ_TIMEOUT, &timeout);
	mysql_options(m, MYSQL_OPT_WRITE_TIMEOUT, &timeout);
	mysql_options(m, MYSQL_OPT_RECONNECT, &off);
	mysql_options(m, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	if (mysql_real_connect(m, c->db_socket[0] ? NULL : c->db_host,
	    c->db_user, c->db_password, c->db_name, c->db_port,
	    c->db_socket[0] ? c->db_socket : NULL, 0) == NULL) {
		snprintf(err, errlen, "database: %s", mysql_error(m));
		mysql_close(m);
		return TC_EDB;
	}
	if (mysql_set_character_set(m, "utf8mb4") != 0 ||
	    mysql_query(m, "SET time_zone = '+00:00', "
	    "sql_mode = 'STRICT_ALL_TABLES,NO_ZERO_DATE,NO_ENGINE_SUBSTITUTION'")
	    != 0) {
		snprintf(err, errlen, "database: %s", mysql_error(m));
		mysql_close(m);
		return TC_EDB;
	}
	d->m = m;
	return 0;
}

int
db_open(const struct conf *c, struct db **out, char *err, size_t errlen)
{
	struct db *d;
	int rc;

	*out = NULL;
	if ((d = calloc(1, sizeof(*d))) == NULL)
		return TC_ENOMEM;
	d->conf = c;
	if ((rc = db_connect(d, err, errlen)) != 0) {
		free(d);
		return rc;
	}
	*out = d;
	return 0;
}

void
db_close(struct db *d)
{
	if (d == NULL)
		return;
	if (d->m != NULL)
		mysql_close(d->m);
	free(d);
}

int
db_ensure(struct db *d)
{
	char err[512];

	if (d->m != NULL && mysql_ping(d->m) == 0)
		return 0;
	if (d->m != NULL) {
		mysql_close(d->m);
		d->m = NULL;
	}
	if (db_connect(d, err, sizeof(err)) != 0) {
		log_msg("%s", err);
		return TC_EDB;
	}
	log_msg("database connection re-established");
	return 0;
}

MYSQL *
db_handle(struct db *d)
{
	return d->m;
}
