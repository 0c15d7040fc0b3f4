/* error.c: descriptions of the project-wide error values. */
#include "core/error.h"

const char *
tc_strerror(int err)
{
	switch (err) {
	case TC_OK: return "success";
	case TC_ENOMEM: return "out of memory";
	case TC_EINVAL: return "invalid input";
	case TC_EIO: return "input/output error";
	case TC_EDB: return "database unavailable";
	case TC_EDIR: return "directory unavailable";
	case TC_ENOTFOUND: return "not found";
	case TC_EDENIED: return "permission denied";
	case TC_ETOOBIG: return "over the limit";
	case TC_ECONFLICT: return "conflict";
	}
	return "unknown error";
}
