// Rows the sales tests write straight into the stack's database (their
// own customers, opportunities with a stage history, orders), and the
// small readers they share.  Each test names its rows with its run id.
import { sql, businessDate } from './lib.mjs';

export const one = (q) => sql(q)[0]?.[0];
export const personId = (login) => one(`SELECT id FROM people WHERE login = '${login}'`);
// The business date n days from today.
export const inDays = (n) => businessDate(new Date(Date.now() + n * 86400000));
// "12,345.60" -> 1234560 (fen).
export const fen = (s) => Math.round(Number(s.replace(/,/g, '')) * 100);

// Reference rows every test may use: a region, a channel, a product.
export const refs = {
  region: one("SELECT id FROM regions ORDER BY code = 'east' DESC, id LIMIT 1"),
  channel: one("SELECT id FROM channels ORDER BY code = 'direct' DESC, id LIMIT 1"),
  product: one('SELECT id FROM products WHERE active ORDER BY id LIMIT 1'),
};

// A customer coded code, owned by person id owner; returns its id.
export function customer(code, owner) {
  sql(`INSERT INTO customers (code, name, region_id, channel_id, owner_id) VALUES ('${code}', '测试客户 ${code}', ${refs.region}, ${refs.channel}, ${owner})`);
  return one(`SELECT id FROM customers WHERE code = '${code}'`);
}

// An opportunity whose history is moves [[stage, 'YYYY-MM-DD hh:mm:ss'], ...]
// (the first its creation); its stage is the last move's.  Returns its id.
export function opportunity(owner, cust, title, moves, extra = {}) {
  const stage = moves[moves.length - 1][0];
  sql(`INSERT INTO opportunities (owner_id, customer_id, title, needs, amount, stage, expected_close)
    VALUES (${owner}, ${cust}, '${title}', '', ${extra.amount ?? '1000.00'}, '${stage}', '${extra.close ?? inDays(60)}')`);
  const id = one(`SELECT id FROM opportunities WHERE title = '${title}'`);
  let from = 'NULL';
  for (const [to, at] of moves) {
    sql(`INSERT INTO opportunity_stage_changes (opportunity_id, from_stage, to_stage, changed_at, changed_by)
      VALUES (${id}, ${from}, '${to}', '${at}', ${owner})`);
    from = `'${to}'`;
  }
  return id;
}

// An order numbered no, dated date, crediting reps [[id, share]...], one
// line of amount (negative for a return: extra.original, extra.qty -1);
// extra.status 'cancelled' cancels order and line.  Returns its id.
export function order(no, cust, date, reps, amount, extra = {}) {
  const status = extra.status ?? 'booked';
  sql(`INSERT INTO orders (order_no, customer_id, order_date, region_id, channel_id, status, created_by, original_order_id)
    VALUES ('${no}', ${cust}, '${date}', ${refs.region}, ${refs.channel}, '${status}', ${reps[0][0]}, ${extra.original ?? 'NULL'})`);
  const id = one(`SELECT id FROM orders WHERE order_no = '${no}'`);
  for (const [p, share] of reps) sql(`INSERT INTO order_reps (order_id, person_id, share) VALUES (${id}, ${p}, ${share})`);
  sql(`INSERT INTO order_lines (order_id, line_no, product_id, quantity, unit_price, amount, cost, status)
    VALUES (${id}, 1, ${refs.product}, ${extra.qty ?? 1}, ${Math.abs(Number(amount))}, ${amount}, 0, '${status}')`);
  return id;
}
