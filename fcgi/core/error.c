/* error.c: the description of every value of enum tc_err. */
#include "core/error.h"

const char *
tc_strerror(int err)
{
	switch ((enum tc_err)err) {
	case TC_OK: return "success";
	case TC_ENOMEM: return "out of memory";
	case TC_EINVAL: return "invalid input";
	case TC_EIO: return "input/output error";
	case TC_EDB: return "database unavailable";
	case TC_EDIR: return "directory unavailable";
	case TC_ENOTFOUND: return "not found";
	case TC_EDENIED: return "permission denied";
	case TC_ETOOBIG: return "too large";
	case TC_ECONFLICT: return "conflict";

	case TC_EBODY_TOO_LARGE: return "request body too large";
	case TC_EFILE_TOO_LARGE: return "uploaded file too large";
	case TC_ETOO_MANY_FIELDS: return "too many form fields";
	case TC_ENAME_TOO_LONG: return "form field name too long";
	case TC_EVALUE_TOO_LONG: return "form field value too long";
	case TC_EBAD_ESCAPE: return "bad percent escape";
	case TC_EBAD_UTF8: return "invalid UTF-8";
	case TC_EBAD_MEDIA_TYPE: return "unsupported media type";
	case TC_ENO_BOUNDARY: return "multipart body without a boundary";
	case TC_EMULTIPART: return "malformed multipart body";
	case TC_ENO_FINAL_BOUNDARY: return "multipart body not terminated";
	case TC_EHEADER_TOO_LONG: return "multipart part header too long";
	case TC_EBAD_DISPOSITION: return "multipart part without a field name";

	case TC_EREQUIRED: return "required";
	case TC_EFORMAT: return "not in the expected format";
	case TC_ETOO_SHORT: return "too short";
	case TC_ETOO_LONG: return "too long";
	case TC_ERANGE: return "out of range";
	case TC_ECONTROL: return "control character";

	case TC_ENOTNUM: return "not a number";
	case TC_EDECIMALS: return "too many decimals";
	case TC_ENOTPCT: return "not a percent";
	case TC_ENOTDATE: return "not a date (YYYY-MM-DD)";
	case TC_ENOTPERIOD: return "not a period label";

	case TC_ESPLIT_EMPTY: return "no rep";
	case TC_ESPLIT_TOO_MANY: return "too many reps";
	case TC_ESPLIT_NO_SHARE: return "a rep of a split without a share";
	case TC_ESPLIT_NO_NAME: return "empty rep name";
	case TC_ESPLIT_BAD_NAME: return "a rep name contains ':' or '|'";
	case TC_ESPLIT_SHARE: return "share not a number with at most 4 decimals";
	case TC_ESPLIT_NOT_POSITIVE: return "share not positive";
	case TC_ESPLIT_DUPLICATE: return "rep named twice";
	case TC_ESPLIT_SUM: return "shares do not sum to 100";
	}
	return "unknown error";
}
