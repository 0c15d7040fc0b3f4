-- Reference data of the demo company (a Chinese B2B seller of hardware,
-- software and services): product types, regions, channels and products.
-- Codes are stable (commission plans match on them); names per language.
-- Prices and costs are in yuan, exact to the fen.

INSERT INTO product_types (code, name_zh, name_en) VALUES
  ('hardware', '硬件', 'Hardware'),
  ('software', '软件', 'Software'),
  ('service', '服务', 'Services'),
  ('consumable', '耗材', 'Consumables'),
  ('subscription', '订阅', 'Subscriptions');

INSERT INTO regions (code, name_zh, name_en) VALUES
  ('east', '华东', 'East China'),
  ('north', '华北', 'North China'),
  ('south', '华南', 'South China'),
  ('central', '华中', 'Central China'),
  ('southwest', '西南', 'Southwest China'),
  ('northwest', '西北', 'Northwest China'),
  ('northeast', '东北', 'Northeast China');

INSERT INTO channels (code, name_zh, name_en) VALUES
  ('direct', '直销', 'Direct sales'),
  ('distributor', '经销商', 'Distributor'),
  ('online', '线上', 'Online'),
  ('partner', '合作伙伴', 'Partner');

INSERT INTO products (code, name_zh, name_en, product_type_id, list_price, standard_cost)
SELECT v.code, v.name_zh, v.name_en, t.id, v.list_price, v.standard_cost
FROM (
  SELECT 'hw-server-r2' AS code, '机架式服务器 R2' AS name_zh, 'Rack server R2' AS name_en, 'hardware' AS type_code, 48000.00 AS list_price, 31200.00 AS standard_cost
  UNION ALL SELECT 'hw-server-r4', '机架式服务器 R4', 'Rack server R4', 'hardware', 86000.00, 57800.00
  UNION ALL SELECT 'hw-storage-s8', '存储阵列 S8', 'Storage array S8', 'hardware', 125000.00, 83500.00
  UNION ALL SELECT 'hw-switch-24', '千兆交换机 24 口', 'Gigabit switch, 24 ports', 'hardware', 6800.00, 4150.00
  UNION ALL SELECT 'hw-terminal-t1', '智能终端 T1', 'Smart terminal T1', 'hardware', 3200.00, 1980.00
  UNION ALL SELECT 'sw-erp-std', 'ERP 标准版（永久授权）', 'ERP Standard (perpetual licence)', 'software', 98000.00, 12000.00
  UNION ALL SELECT 'sw-erp-ent', 'ERP 企业版（永久授权）', 'ERP Enterprise (perpetual licence)', 'software', 268000.00, 30000.00
  UNION ALL SELECT 'sw-crm-user', 'CRM 用户许可', 'CRM user licence', 'software', 2400.00, 260.00
  UNION ALL SELECT 'sw-bi-suite', '商业智能套件', 'Business intelligence suite', 'software', 56000.00, 8400.00
  UNION ALL SELECT 'svc-install', '安装调试服务', 'Installation and commissioning', 'service', 8000.00, 4800.00
  UNION ALL SELECT 'svc-consult-day', '实施顾问（人天）', 'Implementation consultant (per day)', 'service', 3500.00, 1600.00
  UNION ALL SELECT 'svc-training', '用户培训（每期）', 'User training (per session)', 'service', 6000.00, 2500.00
  UNION ALL SELECT 'svc-support-gold', '金牌维保服务（年）', 'Gold support (per year)', 'service', 18000.00, 7200.00
  UNION ALL SELECT 'cs-toner-k', '打印耗材套装 K', 'Printer supplies kit K', 'consumable', 680.00, 410.00
  UNION ALL SELECT 'cs-label-roll', '热敏标签纸（箱）', 'Thermal label rolls (case)', 'consumable', 420.00, 265.00
  UNION ALL SELECT 'cs-filter-pack', '设备滤芯组件', 'Equipment filter pack', 'consumable', 950.00, 560.00
  UNION ALL SELECT 'sub-cloud-basic', '云平台基础版（年订阅）', 'Cloud platform Basic (annual)', 'subscription', 12000.00, 3600.00
  UNION ALL SELECT 'sub-cloud-pro', '云平台专业版（年订阅）', 'Cloud platform Pro (annual)', 'subscription', 36000.00, 9800.00
  UNION ALL SELECT 'sub-security', '安全防护订阅（年）', 'Security protection (annual)', 'subscription', 15000.00, 4200.00
  UNION ALL SELECT 'sub-backup-tb', '云备份（每 TB 年）', 'Cloud backup (per TB-year)', 'subscription', 2200.00, 900.00
) AS v
JOIN product_types t ON t.code = v.type_code;
