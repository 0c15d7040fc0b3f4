/* demo.c: the demo company's history, made from a fixed seed.
 *
 * A deterministic PRNG (splitmix64; nothing here is secret) drives every
 * choice, and every date is an offset from today, so "this month" always
 * has data and two runs on the same day make the same rows.  Volumes:
 * 64 customers with contacts, ~320 opportunities at every stage with
 * their stage history, ~1,100 activities, ~720 orders with ~1,700 lines
 * over every product type, region and channel, splits within a team,
 * cancellations, returns, and payments (full, partial, none, refunds, a
 * few over-payments).
 *
 * Every record is written by the module's own write function, as the
 * person it belongs to (demo-write.h): the rep books the orders of their
 * customers, finance records the payments, so the demo data obeys the
 * rules the forms obey and is audited.  All of it in the transaction
 * that ticheng-admin demo-data opens and commits with the module's
 * marker.  Only the reference data a database may lack is inserted here
 * directly (it is admin's, not a sales write). */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/error.h"
#include "core/money.h"
#include "sales/demo-write.h"
#include "sales/demo.h"
#include "sales/order-math.h"

/* --- randomness and dates --- */

static uint64_t rng_state;

static uint64_t
rnd64(void)
{
	uint64_t z = (rng_state += 0x9E3779B97F4A7C15ULL);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

/* A number in [lo, hi]. */
static int64_t
rnd(int64_t lo, int64_t hi)
{
	return lo + (int64_t)(rnd64() % (uint64_t)(hi - lo + 1));
}

/* True with probability pct percent. */
static bool
chance(int pct)
{
	return rnd(0, 99) < pct;
}

static int64_t today;           /* days since the epoch: s->today */
static int64_t story_end;       /* no moment is later (seconds) */

/* "YYYY-MM-DD" of day z into buf (11 bytes). */
static const char *
day_text(char *buf, int64_t z)
{
	return tc_date_str(buf, tc_date_from_days(z));
}

/* A moment of a working hour on day z, in seconds since the epoch (in
 * the business time zone, core/clock). */
static int64_t
moment(int64_t z)
{
	int64_t hour = rnd(9, 17), minute = rnd(0, 59);
	int64_t t = tc_instant(tc_date_from_days(z), (int)hour, (int)minute,
	    0);

	return t < story_end ? t : story_end;
}

/* --- statements: the reference data a database may lack --- */

enum stmt {
	S_COUNT_TYPES, S_COUNT_REGIONS, S_COUNT_CHANNELS, S_COUNT_PRODUCTS,
	S_ADD_TYPE, S_ADD_REGION, S_ADD_CHANNEL, S_ADD_PRODUCT,
	S_REGIONS, S_CHANNELS, S_PRODUCTS,
	S__MAX
};

static const char *const stmts[S__MAX] = {
	[S_COUNT_TYPES] = "SELECT COUNT(*) FROM product_types",
	[S_COUNT_REGIONS] = "SELECT COUNT(*) FROM regions",
	[S_COUNT_CHANNELS] = "SELECT COUNT(*) FROM channels",
	[S_COUNT_PRODUCTS] = "SELECT COUNT(*) FROM products",
	[S_ADD_TYPE] = "INSERT IGNORE INTO product_types (code, name_zh, name_en)"
	    " VALUES (?, ?, ?)",
	[S_ADD_REGION] = "INSERT IGNORE INTO regions (code, name_zh, name_en)"
	    " VALUES (?, ?, ?)",
	[S_ADD_CHANNEL] = "INSERT IGNORE INTO channels (code, name_zh, name_en)"
	    " VALUES (?, ?, ?)",
	[S_ADD_PRODUCT] = "INSERT IGNORE INTO products (code, name_zh, name_en,"
	    " product_type_id, list_price, standard_cost) SELECT ?, ?, ?, t.id,"
	    " ?, ? FROM product_types t WHERE t.code = ?",
	[S_REGIONS] = "SELECT id, code FROM regions WHERE active ORDER BY id",
	[S_CHANNELS] = "SELECT id, code FROM channels WHERE active ORDER BY id",
	[S_PRODUCTS] = "SELECT p.id, t.code, p.list_price, p.standard_cost"
	    " FROM products p JOIN product_types t ON t.id = p.product_type_id"
	    " WHERE p.active ORDER BY p.id",
};

static struct db_table demo_db = DB_TABLE("demo", stmts);

/* --- the company --- */

/* The people the demo acts as: index 0..3 East reps, 4 East manager,
 * 5..8 North reps, 9 North manager, 10 and 11 finance. */
static const char *const demo_logins[12] = {
	"zhangwei", "lina", "liuyang", "huangli", "chenjing",
	"wangqiang", "zhoumin", "xuhui", "sunhao", "yangfan",
	"sunli", "zhouhang",
};
#define FINANCE 10
/* Regions each team covers (codes; those absent are skipped). */
static const char *const east_regions[] = { "east", "south", "central",
	"southwest", NULL };
static const char *const north_regions[] = { "north", "northeast",
	"northwest", "central", NULL };

static const char *const cities[] = { "上海", "杭州", "苏州", "南京",
	"宁波", "合肥", "广州", "深圳", "武汉", "长沙", "成都", "重庆",
	"北京", "天津", "石家庄", "济南", "青岛", "沈阳", "大连", "西安",
	"太原", "郑州", "无锡", "厦门" };
static const char *const cores[] = { "华信", "恒达", "新源", "天润",
	"瑞丰", "金石", "博远", "中联", "长青", "海纳", "鼎盛", "汇通",
	"启明", "宏图", "安泰", "正和", "嘉禾", "同创", "兴业", "明德",
	"永盛", "康宁", "润泽", "凯越", "卓越", "华腾", "远航", "盛世" };
static const struct { const char *industry, *suffix; } industries[] = {
	{ "制造业", "精密制造有限公司" }, { "零售", "商贸有限公司" },
	{ "医疗", "医疗器械有限公司" }, { "教育", "教育科技有限公司" },
	{ "金融", "金融服务有限公司" }, { "物流", "物流有限公司" },
	{ "能源", "能源科技股份有限公司" }, { "政府与公共事业", "信息中心" },
	{ "互联网", "网络科技有限公司" }, { "汽车", "汽车零部件有限公司" },
};
static const char *const surnames[] = { "王", "李", "张", "刘", "陈",
	"杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林",
	"何", "郭", "马", "罗" };
static const char *const given[] = { "伟", "芳", "娜", "秀英", "敏",
	"静", "磊", "强", "军", "洋", "勇", "艳", "杰", "涛", "明", "超",
	"婷", "鹏", "华", "建国" };
static const char *const titles[] = { "采购经理", "IT 总监", "信息部主任",
	"总经理", "财务总监", "运营经理", "技术负责人" };
static const char *const opp_subjects[] = { "服务器扩容项目",
	"ERP 升级改造", "门店终端更换", "数据中心存储采购", "CRM 上线项目",
	"年度维保续约", "云平台迁移", "安全防护升级", "耗材年度框架协议",
	"商业智能平台建设", "分支机构网络改造", "用户培训与实施" };
static const char *const needs_texts[] = {
	"客户希望在下季度前完成系统替换，关注稳定性与售后响应。",
	"预算已批，需提供两套方案对比及分期付款选项。",
	"现有设备老化，计划分批更换，首批约三成。",
	"关注数据安全与合规，需要本地化部署。",
	"希望打包采购软件与实施服务，统一验收。",
};
static const char *const lost_reasons[] = { "价格高于竞争对手",
	"客户预算取消", "选择了竞争对手", "项目延期至明年", "需求不匹配" };
static const struct { const char *kind; int weight; const char *note; }
    kinds[] = {
	{ "call", 34, "电话沟通需求与预算，客户反馈积极。" },
	{ "visit", 26, "上门拜访，与采购及技术负责人面谈。" },
	{ "demo", 12, "产品演示，客户对报表功能很感兴趣。" },
	{ "quote", 14, "发送正式报价单，等待客户内部审批。" },
	{ "contract", 6, "合同条款确认，准备签署。" },
	{ "other", 8, "整理客户资料并更新联系人信息。" },
};
static const char *const next_steps[] = { "下周电话跟进", "安排技术交流会",
	"提交修订报价", "邀请参观样板客户", "确认合同条款", "" };

struct ref {
	int64_t id;
	char code[33];
};

struct product {
	int64_t id, price, cost;
	char type[33];
};

struct customer {
	int64_t id, region, channel;
	int owner;              /* index into demo_logins */
};

struct order {
	int64_t id, amount, date;
	struct customer *cust;
	int64_t qty, line_amount;       /* its first line */
	char no[48];
	int owner;
	bool cancelled, is_return;
};

struct gen {
	struct db *d;
	struct demo_writer w;
	struct ref regions[32], channels[32];
	size_t nregions, nchannels;
	struct product products[128];
	size_t nproducts;
	struct customer customers[64];
	size_t ncustomers;
	struct order *orders;
	size_t norders, cap;
	size_t n_contacts, n_opps, n_stage, n_acts, n_lines, n_pay, n_returns,
	    n_cancelled, n_splits, n_refunds;
};

/* Runs a statement, counting nothing.  Returns 0 or a tc_err. */
#define EXEC(g, idx, id, ...) db_exec((g)->d, &demo_db, (idx), \
	DB_ARGS(__VA_ARGS__), NULL, (id))

static int
count_of(struct gen *g, int idx, int64_t *n)
{
	struct dbres *res = NULL;
	int rc = db_query(g->d, &demo_db, idx, DB_NOARGS, &res);

	if (rc == 0)
		*n = dbres_int(res, 0, 0);
	dbres_free(res);
	return rc;
}

/* A minimal reference set, by code, when a table is empty (normally
 * sql/sales/002-reference-seed.sql provides it). */
static int
ensure_reference(struct gen *g)
{
	int64_t n;
	int rc;

	if ((rc = count_of(g, S_COUNT_TYPES, &n)) != 0)
		return rc;
	if (n == 0 && ((rc = EXEC(g, S_ADD_TYPE, NULL, P_TEXT("hardware"),
	    P_TEXT("硬件"), P_TEXT("Hardware"))) != 0 ||
	    (rc = EXEC(g, S_ADD_TYPE, NULL, P_TEXT("software"), P_TEXT("软件"),
	    P_TEXT("Software"))) != 0 ||
	    (rc = EXEC(g, S_ADD_TYPE, NULL, P_TEXT("service"), P_TEXT("服务"),
	    P_TEXT("Services"))) != 0))
		return rc;
	if ((rc = count_of(g, S_COUNT_REGIONS, &n)) != 0)
		return rc;
	if (n == 0 && ((rc = EXEC(g, S_ADD_REGION, NULL, P_TEXT("east"),
	    P_TEXT("华东"), P_TEXT("East China"))) != 0 ||
	    (rc = EXEC(g, S_ADD_REGION, NULL, P_TEXT("north"), P_TEXT("华北"),
	    P_TEXT("North China"))) != 0 ||
	    (rc = EXEC(g, S_ADD_REGION, NULL, P_TEXT("south"), P_TEXT("华南"),
	    P_TEXT("South China"))) != 0))
		return rc;
	if ((rc = count_of(g, S_COUNT_CHANNELS, &n)) != 0)
		return rc;
	if (n == 0 && ((rc = EXEC(g, S_ADD_CHANNEL, NULL, P_TEXT("direct"),
	    P_TEXT("直销"), P_TEXT("Direct sales"))) != 0 ||
	    (rc = EXEC(g, S_ADD_CHANNEL, NULL, P_TEXT("distributor"),
	    P_TEXT("经销商"), P_TEXT("Distributor"))) != 0))
		return rc;
	if ((rc = count_of(g, S_COUNT_PRODUCTS, &n)) != 0)
		return rc;
	if (n == 0 && ((rc = EXEC(g, S_ADD_PRODUCT, NULL, P_TEXT("hw-server-r2"),
	    P_TEXT("机架式服务器 R2"), P_TEXT("Rack server R2"),
	    P_MONEY(4800000), P_MONEY(3120000), P_TEXT("hardware"))) != 0 ||
	    (rc = EXEC(g, S_ADD_PRODUCT, NULL, P_TEXT("sw-erp-std"),
	    P_TEXT("ERP 标准版"), P_TEXT("ERP Standard"), P_MONEY(9800000),
	    P_MONEY(1200000), P_TEXT("software"))) != 0 ||
	    (rc = EXEC(g, S_ADD_PRODUCT, NULL, P_TEXT("svc-install"),
	    P_TEXT("安装调试服务"), P_TEXT("Installation"), P_MONEY(800000),
	    P_MONEY(480000), P_TEXT("service"))) != 0))
		return rc;
	return 0;
}

static int
load_refs(struct gen *g, int idx, struct ref *out, size_t max, size_t *n)
{
	struct dbres *res = NULL;
	int rc = db_query(g->d, &demo_db, idx, DB_NOARGS, &res);

	*n = 0;
	for (size_t i = 0; rc == 0 && i < dbres_rows(res) && *n < max; i++) {
		out[*n].id = dbres_int(res, i, 0);
		snprintf(out[*n].code, sizeof(out[*n].code), "%s",
		    dbres_text(res, i, 1));
		(*n)++;
	}
	dbres_free(res);
	return rc;
}


static int
load_world(struct gen *g, const struct module_seed *s)
{
	struct dbres *res = NULL;
	int rc;

	if ((rc = load_refs(g, S_REGIONS, g->regions, 32, &g->nregions)) != 0 ||
	    (rc = load_refs(g, S_CHANNELS, g->channels, 32, &g->nchannels)) != 0)
		return rc;
	if ((rc = db_query(g->d, &demo_db, S_PRODUCTS, DB_NOARGS, &res)) != 0)
		return rc;
	for (size_t i = 0; i < dbres_rows(res) && g->nproducts < 128; i++) {
		struct product *p = &g->products[g->nproducts++];

		p->id = dbres_int(res, i, 0);
		snprintf(p->type, sizeof(p->type), "%s", dbres_text(res, i, 1));
		p->price = dbres_money(res, i, 2);
		p->cost = dbres_money(res, i, 3);
	}
	dbres_free(res);
	if (g->nregions == 0 || g->nchannels == 0 || g->nproducts == 0) {
		snprintf(s->err, s->errlen,
		    "no active regions, channels or products");
		return TC_ENOTFOUND;
	}
	return demo_writer_init(&g->w, s, demo_logins,
	    sizeof(demo_logins) / sizeof(*demo_logins));
}

/* The id of region code, else of any region. */
static int64_t
region_of(struct gen *g, const char *code)
{
	for (size_t i = 0; i < g->nregions; i++)
		if (strcmp(g->regions[i].code, code) == 0)
			return g->regions[i].id;
	return 0;
}

/* A region of the team of person index owner. */
static int64_t
team_region(struct gen *g, int owner)
{
	const char *const *list = owner < 5 ? east_regions : north_regions;
	int64_t ids[8];
	size_t n = 0;

	for (size_t i = 0; list[i] != NULL; i++)
		if ((ids[n] = region_of(g, list[i])) != 0)
			n++;
	if (n == 0)
		return g->regions[rnd(0, (int64_t)g->nregions - 1)].id;
	/* the home region most often */
	return chance(55) ? ids[0] : ids[rnd(0, (int64_t)n - 1)];
}


static int
make_customers(struct gen *g)
{
	/* reps own 7, managers 4: 8 x 7 + 2 x 4 = 64 */
	static const int owners_n[10] = { 7, 7, 7, 7, 4, 7, 7, 7, 7, 4 };
	char code[16], name[200], email[80], phone[24], cname[32];
	size_t k = 0;
	int rc;

	for (int o = 0; o < 10; o++)
		for (int j = 0; j < owners_n[o]; j++, k++) {
			struct customer *c = &g->customers[g->ncustomers];
			size_t ind = (size_t)rnd(0, 9);
			const char *status = k % 13 == 5 ? "prospect" :
			    k % 29 == 7 ? "inactive" : "active";
			int64_t when;

			snprintf(code, sizeof(code), "DC%04zu", k + 1);
			snprintf(name, sizeof(name), "%s%s%s",
			    cities[(k * 7) % (sizeof(cities) / sizeof(*cities))],
			    cores[(k * 11 + k / 28) % (sizeof(cores) /
			    sizeof(*cores))], industries[ind].suffix);
			c->owner = o;
			c->region = team_region(g, o);
			c->channel = g->channels[chance(55) ? 0 :
			    rnd(0, (int64_t)g->nchannels - 1)].id;
			when = moment(today - 400 + rnd(0, 30));
			if ((rc = demo_customer(&g->w, o, code, name, c->region,
			    industries[ind].industry, c->channel, status, when,
			    &c->id)) != 0)
				return rc;
			g->ncustomers++;
			for (int n = (int)rnd(1, 2); n > 0; n--) {
				snprintf(cname, sizeof(cname), "%s%s",
				    surnames[rnd(0, 19)], given[rnd(0, 19)]);
				snprintf(phone, sizeof(phone), "13%d%08d",
				    (int)rnd(0, 9), (int)rnd(0, 99999999));
				snprintf(email, sizeof(email),
				    "contact%zu.%d@%s.example.cn", k + 1, n,
				    code);
				if ((rc = demo_contact(&g->w, o, c->id, cname,
				    titles[rnd(0, 6)], phone, email,
				    when)) != 0)
					return rc;
				g->n_contacts++;
			}
		}
	return 0;
}

/* A customer of person index owner (or any when none). */
static struct customer *
customer_of(struct gen *g, int owner)
{
	size_t start = (size_t)rnd(0, (int64_t)g->ncustomers - 1);

	for (size_t i = 0; i < g->ncustomers; i++) {
		struct customer *c = &g->customers[(start + i) % g->ncustomers];

		if (c->owner == owner)
			return c;
	}
	return &g->customers[start];
}

/* A product, so that every type is used: pick a type first. */
static struct product *
pick_product(struct gen *g)
{
	struct product *p = &g->products[rnd(0, (int64_t)g->nproducts - 1)];

	if (chance(35)) {
		/* bias towards hardware and software, the big tickets */
		for (int t = 0; t < 8; t++) {
			struct product *q =
			    &g->products[rnd(0, (int64_t)g->nproducts - 1)];

			if (strcmp(q->type, "hardware") == 0 ||
			    strcmp(q->type, "software") == 0)
				return q;
		}
	}
	return p;
}

/* A quantity (thousandths) believable for the product's type and price. */
static int64_t
pick_qty(const struct product *p)
{
	if (strcmp(p->type, "consumable") == 0)
		return rnd(2, 40) * 5000;
	if (strcmp(p->type, "service") == 0)
		return rnd(1, 20) * 1000;
	if (p->price < 500000)              /* per-user licences, terminals */
		return rnd(5, 60) * 1000;
	if (p->price > 10000000)
		return rnd(1, 2) * 1000;
	return rnd(1, 8) * 1000;
}

static const int64_t discounts[] = { 0, 0, 0, 0, 50000, 50000, 100000,
	100000, 150000, 200000, 80000, 125000 };

static int
add_order_rec(struct gen *g, struct order **out)
{
	if (g->norders == g->cap) {
		size_t nc = g->cap ? g->cap * 2 : 512;
		struct order *nv = realloc(g->orders, nc * sizeof(*nv));

		if (nv == NULL)
			return TC_ENOMEM;
		g->orders = nv;
		g->cap = nc;
	}
	*out = &g->orders[g->norders++];
	memset(*out, 0, sizeof(**out));
	return 0;
}

/* Books an order of customer c on day, by its owner (sometimes split
 * with a teammate), linked to opportunity opp (0: none), cancelled
 * afterwards when cancel. */
static int
make_order(struct gen *g, struct customer *c, int64_t day, int64_t opp,
    bool cancel, struct order **made)
{
	struct demo_order in;
	struct order *o;
	char date[11];
	int rc;

	memset(&in, 0, sizeof(in));
	in.customer = c->id;
	in.region = c->region;
	in.channel = chance(88) ? c->channel :
	    g->channels[rnd(0, (int64_t)g->nchannels - 1)].id;
	in.opportunity = opp;
	in.date = day_text(date, day);
	/* credited reps: the owner, or a split with a teammate */
	in.rep[0] = g->w.who[c->owner].id;
	in.share[0] = 1000000;
	in.nreps = 1;
	if (chance(14)) {
		static const int64_t shares[][2] = { { 600000, 400000 },
		    { 500000, 500000 }, { 700000, 300000 } };
		int team0 = c->owner < 5 ? 0 : 5;
		int mate = team0 + (int)rnd(0, 3);
		const int64_t *s = shares[rnd(0, 2)];

		if (mate == c->owner)
			mate = team0 + (mate - team0 + 1) % 4;
		in.rep[1] = g->w.who[mate].id;
		in.share[0] = s[0];
		in.share[1] = s[1];
		in.nreps = 2;
		g->n_splits++;
		if (cancel) {
			/* cancelling a split needs a second person (a credit
			 * request): the owner cancels an order of their own
			 * (the draws above keep the rest of the demo as it
			 * was) */
			in.share[0] = 1000000;
			in.nreps = 1;
			g->n_splits--;
		}
	}
	if ((rc = add_order_rec(g, &o)) != 0)
		return rc;
	o->date = day;
	o->owner = c->owner;
	o->cancelled = cancel;
	o->cust = c;
	in.nlines = (size_t)rnd(1, 4);
	for (size_t l = 0; l < in.nlines; l++) {
		struct product *p = pick_product(g);
		int64_t q = pick_qty(p), dsc = discounts[rnd(0, 11)];
		int64_t amount = 0;

		/* what the order form will make of it (the list price) */
		if (order_line_amount(q, p->price, dsc, &amount) != 0)
			return TC_EINVAL;
		in.line[l].product = p->id;
		in.line[l].qty = q;
		in.line[l].discount = dsc;
		if (l == 0) {
			o->qty = q;
			o->line_amount = amount;
		}
		if (!cancel)
			o->amount += amount;
		g->n_lines++;
	}
	if ((rc = demo_order(&g->w, c->owner, &in, moment(day),
	    &o->id, o->no, sizeof(o->no))) != 0)
		return rc;
	if (cancel) {
		if ((rc = demo_cancel(&g->w, c->owner, o->id)) != 0)
			return rc;
		g->n_cancelled++;
	}
	*made = o;
	return 0;
}

static const char *const stage_path[] = { "lead", "qualified", "proposal",
	"negotiation" };

/* The opportunities, each of its customer's owner: created as a lead,
 * moved along the path as far as it got, then to won or lost when
 * it is closed, each move on its own day; its activities; winning books
 * the order. */
static int
make_opportunities(struct gen *g)
{
	char date[11], follow[11], title[200];
	int rc;

	for (int i = 0; i < 320; i++) {
		int owner = (int)rnd(0, 9);
		struct customer *c;
		int64_t created, amount, close, steps, span, id = 0;
		int reach, r = (int)rnd(0, 99);
		const char *final, *prev;
		bool won, lost;

		if (owner == 4 || owner == 9)       /* managers: fewer */
			owner = (int)rnd(0, 9);
		c = customer_of(g, owner);
		owner = c->owner;
		created = today - rnd(0, 360);
		/* how far it got: open ones spread over the stages; older
		 * ones more often closed */
		if (today - created > 200) {
			won = r < 35;
			lost = !won && r < 65;
		} else if (today - created > 90) {
			won = r < 22;
			lost = !won && r < 40;
		} else {
			won = r < 8;
			lost = !won && r < 14;
		}
		reach = (int)rnd(1, 4);
		final = won ? "won" : lost ? "lost" : stage_path[reach - 1];
		amount = rnd(20, 900) * 100000;
		close = won || lost ? created + rnd(20, 150) : today + rnd(-20,
		    150);
		if (close > today && (won || lost))
			close = today - rnd(0, 60);
		if (close < created)
			close = created;
		snprintf(title, sizeof(title), "%s",
		    opp_subjects[rnd(0, 11)]);
		if ((rc = demo_opportunity(&g->w, owner, c->id, title,
		    needs_texts[rnd(0, 4)], amount, day_text(date, close),
		    won || lost ? NULL : day_text(follow, today + rnd(-12, 21)),
		    moment(created), &id)) != 0)
			return rc;
		g->n_opps++;
		g->n_stage++;
		/* the stage history: each step after the lead, spread evenly
		 * up to the close (closed) or today (open) */
		steps = reach + (won || lost ? 1 : 0);
		span = (won || lost ? close : today) - created;
		prev = stage_path[0];
		for (int s = 1; s < steps; s++) {
			const char *to = s < reach ? stage_path[s] : final;
			int64_t t = created + span * s / (steps - 1);

			if (t > today)
				t = today;
			if ((rc = demo_move(&g->w, owner, id, prev, to,
			    lost && s == steps - 1 ? lost_reasons[rnd(0, 4)] :
			    NULL, moment(t))) != 0)
				return rc;
			g->n_stage++;
			prev = to;
		}
		/* a few activities on it */
		for (int a = (int)rnd(1, 3); a > 0; a--) {
			int64_t day = created + rnd(0, (won || lost ? close :
			    today) - created);
			int k = (int)rnd(0, 5);

			if ((rc = demo_activity(&g->w, owner, c->id, id,
			    kinds[k].kind, day_text(date, day), kinds[k].note,
			    next_steps[rnd(0, 5)], moment(day))) != 0)
				return rc;
			g->n_acts++;
		}
		/* winning made an order */
		if (won) {
			struct order *o = NULL;

			if ((rc = make_order(g, c, close, id, false, &o)) != 0)
				return rc;
		}
	}
	return 0;
}

static int
make_activities(struct gen *g)
{
	char date[11];
	int total = 0, rc;

	for (size_t i = 0; i < sizeof(kinds) / sizeof(*kinds); i++)
		total += kinds[i].weight;
	while (g->n_acts < 1150) {
		int owner = (int)rnd(0, 9);
		struct customer *c = customer_of(g, owner);
		/* recent weeks are busier */
		int64_t day = chance(30) ? today - rnd(0, 28) :
		    today - rnd(0, 365);
		int w = (int)rnd(0, total - 1), k = 0;

		while (w >= kinds[k].weight)
			w -= kinds[k++].weight;
		if ((rc = demo_activity(&g->w, c->owner, c->id, 0,
		    kinds[k].kind, day_text(date, day), kinds[k].note,
		    next_steps[rnd(0, 5)], moment(day))) != 0)
			return rc;
		g->n_acts++;
	}
	return 0;
}

static int
make_orders(struct gen *g)
{
	int64_t first_of_month;
	int y, m, d, rc;

	tc_civil_from_days(today, &y, &m, &d);
	first_of_month = tc_days_from_civil(y, m, 1);
	while (g->n_lines < 1560) {
		struct customer *c = &g->customers[rnd(0,
		    (int64_t)g->ncustomers - 1)];
		struct order *o;
		/* a steady year, with this month always present */
		int64_t day = chance(3) ? first_of_month +
		    rnd(0, today - first_of_month) : today - rnd(0, 364);

		if ((rc = make_order(g, c, day, 0, chance(4), &o)) != 0)
			return rc;
	}
	return 0;
}


/* Returns: some booked orders older than two weeks give part of their
 * first line back, as their own order dated when the goods came back. */
static int
make_returns(struct gen *g)
{
	size_t n = g->norders;
	char date[11];
	int rc;

	for (size_t i = 0; i < n; i++) {
		struct order *o = &g->orders[i], *r;
		int64_t day, q;

		if (o->cancelled || o->date > today - 14 || !chance(4))
			continue;
		day = o->date + rnd(7, 60);
		if (day > today)
			day = today;
		/* give back part of the first line (at least one unit) */
		q = o->qty >= 2000 ? rnd(1, o->qty / 1000 / 2 + 1) * 1000 :
		    o->qty;
		if (q > o->qty)
			q = o->qty;
		if ((rc = add_order_rec(g, &r)) != 0)
			return rc;
		o = &g->orders[i];  /* add_order_rec may move the array */
		*r = *o;
		r->date = day;
		/* the return's amount, prorated from the line as the module
		 * does */
		r->amount = -order_prorate(o->line_amount, q, o->qty);
		r->is_return = true;
		if ((rc = demo_return(&g->w, o->owner, o->id, 1, q,
		    day_text(date, day), moment(day), &r->id, r->no,
		    sizeof(r->no))) != 0)
			return rc;
		g->n_lines++;
		g->n_returns++;
	}
	return 0;
}

/* Rounds fen down to whole hundreds of yuan (at least 100 yuan). */
static int64_t
round_hundreds(int64_t fen)
{
	int64_t v = fen / 10000 * 10000;

	return v < 10000 ? 10000 : v;
}

static int
pay(struct gen *g, const struct order *o, int64_t day, int64_t amount)
{
	char date[11], ref[64];

	if (amount == 0 || day > today)
		return 0;       /* not yet arrived */
	if (day < o->date)
		day = o->date;
	snprintf(ref, sizeof(ref), "%s %u%06u", amount < 0 ? "退款凭证" :
	    "银行回单", (unsigned)rnd(1000, 9999), (unsigned)rnd(0, 999999));
	g->n_pay++;
	if (amount < 0)
		g->n_refunds++;
	return demo_payment(&g->w, FINANCE + (int)rnd(0, 1), o->no,
	    day_text(date, day), amount, ref, moment(day));
}

/* Collections: older orders mostly paid, recent ones mostly open; some
 * partial payments, refunds after returns, a few refunds of a
 * settlement discount and a few over-payments. */
static int
make_payments(struct gen *g)
{
	int rc;

	for (size_t i = 0; i < g->norders; i++) {
		const struct order *o = &g->orders[i];
		int64_t age = today - o->date, first;
		int full, part;

		if (o->cancelled || o->amount == 0)
			continue;
		if (o->is_return) {
			/* the money goes back for most returns */
			if (chance(75) && (rc = pay(g, o, o->date + rnd(3, 20),
			    o->amount)) != 0)
				return rc;
			continue;
		}
		full = age > 180 ? 92 : age > 90 ? 80 : age > 30 ? 50 : 15;
		part = age > 180 ? 6 : age > 90 ? 14 : age > 30 ? 30 : 20;
		first = o->date + rnd(5, age > 60 ? 60 : age > 5 ? age : 5);
		if (chance(full)) {
			if (chance(35)) {
				/* in two instalments */
				int64_t a = round_hundreds(o->amount *
				    rnd(30, 60) / 100);

				if (a >= o->amount)
					a = o->amount / 2;
				if ((rc = pay(g, o, first, a)) != 0 ||
				    (rc = pay(g, o, first + rnd(10, 40),
				    o->amount - a)) != 0)
					return rc;
			} else if ((rc = pay(g, o, first, o->amount)) != 0)
				return rc;
			if (chance(2) && (rc = pay(g, o, first + rnd(5, 30),
			    -round_hundreds(o->amount / 20))) != 0)
				return rc;
			if (chance(1) && (rc = pay(g, o, first + rnd(1, 10),
			    round_hundreds(o->amount / 50))) != 0)
				return rc;      /* paid twice by mistake */
		} else if (chance(part * 100 / (100 - full))) {
			int64_t a = round_hundreds(o->amount * rnd(20, 70) /
			    100);

			if (a >= o->amount)
				a = o->amount / 2;
			if ((rc = pay(g, o, first, a)) != 0)
				return rc;
		}
	}
	return 0;
}


int
sales_demo_seed(struct module_seed *s)
{
	struct gen *g = calloc(1, sizeof(*g));
	struct timespec t0, t1;
	int rc;

	if (g == NULL)
		return TC_ENOMEM;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	today = tc_days_from_civil(s->today / 10000, s->today / 100 % 100,
	    s->today % 100);
	/* today's story ends now, or at six when today is not the real day */
	story_end = tc_now();
	if (tc_date_of(story_end) != s->today)
		story_end = tc_instant(s->today, 18, 0, 0);
	rng_state = 0x7469636865466e67ULL;      /* fixed: same data each run */
	g->d = s->db;
	snprintf(s->err, s->errlen, "database error");
	if ((rc = ensure_reference(g)) != 0 ||
	    (rc = load_world(g, s)) != 0 ||
	    (rc = make_customers(g)) != 0 ||
	    (rc = make_opportunities(g)) != 0 ||
	    (rc = make_activities(g)) != 0 ||
	    (rc = make_orders(g)) != 0 ||
	    (rc = make_returns(g)) != 0 ||
	    (rc = make_payments(g)) != 0 ||
	    (rc = demo_writer_done(&g->w)) != 0)
		goto out;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	fprintf(s->out, "%zu customers (%zu contacts), %zu opportunities "
	    "(%zu stage changes), %zu activities, %zu orders (%zu cancelled, "
	    "%zu returns, %zu split) with %zu lines, %zu payments (%zu "
	    "refunds), each by its module function, in %.2f s\n",
	    g->ncustomers, g->n_contacts, g->n_opps, g->n_stage, g->n_acts,
	    g->norders, g->n_cancelled, g->n_returns, g->n_splits, g->n_lines,
	    g->n_pay, g->n_refunds,
	    (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
out:
	free(g->orders);
	free(g);
	return rc;
}
