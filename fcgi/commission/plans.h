/* plans.h: the commission plan's versions in MariaDB.
 *
 * A version is stored as rows (plan_versions, plan_rules, plan_bands,
 * plan_steps) and travels as the spec's plan JSON: it is read with the
 * engine's own parser (tce_plan_json_parse) and written with the engine's
 * writer (tce_plan_json_write), so that export then import gives the same
 * version and the exported file runs in ticheng-calc as it is.
 *
 * States: draft (HR edits) -> proposed -> active; ended is an active
 * version that was given an end.  Active and ended versions are in force
 * over their ranges, which never overlap; every version has the
 * company's period kind and currency.  A version covering a closed period
 * is immutable, except that it may be ended on a later period boundary.
 */
#ifndef TC_COMMISSION_PLANS_H
#define TC_COMMISSION_PLANS_H

#include <stddef.h>
#include <stdint.h>

#include "core/audit.h"
#include "core/db.h"
#include "core/period.h"
#include "engine/engine.h"

/* What the company sets for every version. */
struct plan_company {
	enum tc_period_kind kind;
	const char *currency;
};

/* Why an action on a version was refused: a catalogue key for the page
 * and the same in English (for logs and the command line), with the path
 * of the plan key it concerns when there is one ("effective_from"). */
struct plan_why {
	const char *key;
	char path[64];
	char text[384];
};

/* A stored version's JSON, as the engine reads it. */
struct plan_text {
	int64_t id;
	int32_t from, to;           /* yyyymmdd; to TCE_DATE_OPEN if open */
	char state[16];
	char *json;                 /* owned; NUL-terminated */
	size_t len;
};

/* Frees n texts and the array.  Accepts NULL. */
void plan_texts_free(struct plan_text *t, size_t n);

/* Parses a plan file (len bytes of JSON) with the engine's parser, then
 * checks what the company sets (period kind, currency) and what the
 * database can store (lengths, magnitudes).  Returns 0 and a new version
 * in *out (free with tce_version_free); TC_EINVAL or TC_ETOOBIG with err
 * as the engine fills it (a line for a JSON syntax error, else the path
 * of the offending value and why); TC_ENOMEM. */
int plan_parse(const char *text, size_t len, const struct plan_company *co,
    struct tce_version **out, struct tce_diag *err);

/* Stores v as a new version in state "draft" or "proposed", with the
 * audit record, in the caller's transaction if one is open (else in its
 * own).  Refuses (TC_EDENIED, why) a version that begins in a closed
 * period.  Returns 0 and the new id in *id, or a tc_err. */
int plan_save(struct db *d, const struct tce_version *v, const char *state,
    const struct actor *who, int64_t *id, struct plan_why *why);

/* Records the active person whose login is login as the one who
 * proposed version id (state proposed), now: the approval's four eyes
 * then hold for it (nobody approves their own proposal).  For an import
 * from the command line.  Returns 0, TC_ENOTFOUND (no such active
 * person, or the version is not proposed) or TC_EDB. */
int plan_set_proposer(struct db *d, int64_t id, const char *login);

/* Replaces draft version id by v (its name, dates, cap, rules and
 * steps; its currency and period kind stay), with the audit record, in
 * the caller's transaction if one is open.  Refuses (TC_EDENIED, why) a
 * version that is not a draft (locked, so a move waits) or that would
 * begin in a closed period.  Returns 0, TC_ENOTFOUND or a tc_err. */
int plan_replace(struct db *d, int64_t id, const struct tce_version *v,
    const struct actor *who, struct plan_why *why);

/* Activates version id (draft or proposed): refused (TC_EDENIED, why)
 * when it begins in a closed period or overlaps a version in force,
 * except that an open-ended version is replaced by an open-ended one:
 * an open-ended version in force that began earlier is ended the day
 * before (state ended).  Begins the company's periods at
 * its effective_from if they began later (or not at all).  how says who
 * decided (for the audit: "approved by wujun", "operator").  In the
 * caller's transaction if one is open.  Returns 0, TC_ENOTFOUND,
 * TC_EDENIED or another tc_err. */
int plan_activate(struct db *d, int64_t id, const struct plan_company *co,
    int32_t today, const struct actor *who, const char *how,
    struct plan_why *why);

/* As plan_activate, for a version that a workflow move (the approval,
 * commission/versions-flow.c) has just set to active in the caller's
 * transaction, which must be open: the same checks and effects, but the
 * state is already active and the version is not its own overlap. */
int plan_activate_moved(struct db *d, int64_t id, const struct plan_company *co,
    int32_t today, const struct actor *who, const char *how,
    struct plan_why *why);

/* Ends version id (in force) on last_day, the last day of a period not
 * before the end of the latest closed period (and not before the
 * version's start): its state becomes ended.  Returns 0, TC_ENOTFOUND,
 * TC_EDENIED (why) or another tc_err. */
int plan_end(struct db *d, int64_t id, int32_t last_day,
    const struct plan_company *co, const struct actor *who,
    struct plan_why *why);

/* Whether version id may still be changed (other than ended): not in
 * force over a closed period.  Returns 0 when it may, TC_EDENIED (why)
 * when it may not, TC_ENOTFOUND or TC_EDB. */
int plan_editable(struct db *d, int64_t id, struct plan_why *why);

/* Loads version id as the engine's version (rules and steps in the
 * order of its file).  Returns 0 and *out (free with tce_version_free),
 * TC_ENOTFOUND, TC_EDB or TC_ENOMEM. */
int plan_load(struct db *d, int64_t id, struct tce_version **out);

/* The version's plan JSON (the bytes export-plan writes).  Returns 0
 * with a new text in *json (free with free()) and its length, or as
 * plan_load. */
int plan_export(struct db *d, int64_t id, char **json, size_t *len);

/* The versions in force (active or ended) whose range meets [from, to]
 * (yyyymmdd), by effective_from, each with its JSON.  Returns 0 with a
 * new array in *out of *n entries (free with plan_texts_free), or a
 * tc_err. */
int plan_in_force(struct db *d, int32_t from, int32_t to,
    struct plan_text **out, size_t *n);

#endif
