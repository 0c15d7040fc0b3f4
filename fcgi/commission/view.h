/* view.h: small helpers the commission pages of runs.c, ledger.c and
 * why.c share: the company's period kind, money and percentages put into
 * a template dictionary, and a refusal's message in the reader's
 * language. */
#ifndef TC_COMMISSION_VIEW_H
#define TC_COMMISSION_VIEW_H

#include <stddef.h>
#include <stdint.h>

#include "core/app.h"
#include "core/date.h"
#include "core/period.h"
#include "core/tmpl.h"

/* The company's period kind ([site] period). */
enum tc_period_kind cm_kind(const struct req *r);

/* Sets name to fen as grouped money ("1,234.50"), and shows the
 * section <name>_neg when it is negative (the template adds class neg). */
void cm_money(struct tdict *d, const char *name, int64_t fen);

/* The reader's message for a refusal: the translation of why->key, then
 * the period it names ("该期间已结账…（2026-10）"), then detail (the
 * engine's own words) when not NULL, into buf. */
const char *cm_why_text(const struct req *r, const struct period_why *why,
    const char *detail, char *buf, size_t len);

/* The commission lines a person reads (ledger.c): a rep their own, a
 * manager their team's as the run recorded it, HR, finance and
 * management all; the list's scope conditions on a line aliased l. */
struct scope_rule;
struct list_scope;
struct list_def;
extern const struct scope_rule cm_lines_read;
extern const struct list_scope cm_lines_scope;
extern const struct list_def cm_ledger_list;

/* The effective rate of a line: commission (fen) over its credited base
 * (10^-6 fen, or 10^-9 units for a quantity base kind), as a percent
 * ("5.25%") or money per unit, exact to 4 decimals or rounded with
 * "..."; "—" for a base of 0.  Returns buf. */
const char *cm_effective_rate(const struct req *r, int64_t commission,
    int64_t base, const char *kind, char *buf, size_t len);

#endif
