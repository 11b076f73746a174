-- Reference data: one district office for each district the programme
-- works in.  Administrators add and rename offices in the application.
INSERT INTO office (id, code, name, district, region, created_at, updated_at) VALUES
  ('00000000-0000-4000-8000-000000000001', 'DST', 'Dusti district office', 'Dusti', 'khatlon', '2026-01-01T00:00:00.000000Z', '2026-01-01T00:00:00.000000Z'),
  ('00000000-0000-4000-8000-000000000002', 'QBD', 'Qubodiyon district office', 'Qubodiyon', 'khatlon', '2026-01-01T00:00:00.000000Z', '2026-01-01T00:00:00.000000Z'),
  ('00000000-0000-4000-8000-000000000003', 'SHT', 'Shahrituz district office', 'Shahrituz', 'khatlon', '2026-01-01T00:00:00.000000Z', '2026-01-01T00:00:00.000000Z'),
  ('00000000-0000-4000-8000-000000000004', 'NKH', 'Nosiri Khusrav district office', 'Nosiri Khusrav', 'khatlon', '2026-01-01T00:00:00.000000Z', '2026-01-01T00:00:00.000000Z'),
  ('00000000-0000-4000-8000-000000000005', 'PNJ', 'Panj district office', 'Panj', 'khatlon', '2026-01-01T00:00:00.000000Z', '2026-01-01T00:00:00.000000Z'),
  ('00000000-0000-4000-8000-000000000006', 'JYH', 'Jayhun district office', 'Jayhun', 'khatlon', '2026-01-01T00:00:00.000000Z', '2026-01-01T00:00:00.000000Z'),
  ('00000000-0000-4000-8000-000000000007', 'FRK', 'Farkhor district office', 'Farkhor', 'khatlon', '2026-01-01T00:00:00.000000Z', '2026-01-01T00:00:00.000000Z'),
  ('00000000-0000-4000-8000-000000000008', 'HMD', 'Hamadoni district office', 'Hamadoni', 'khatlon', '2026-01-01T00:00:00.000000Z', '2026-01-01T00:00:00.000000Z'),
  ('00000000-0000-4000-8000-000000000009', 'SSH', 'Shamsiddin Shohin district office', 'Shamsiddin Shohin', 'khatlon', '2026-01-01T00:00:00.000000Z', '2026-01-01T00:00:00.000000Z'),
  ('00000000-0000-4000-8000-000000000010', 'DRV', 'Darvoz district office', 'Darvoz', 'gbao', '2026-01-01T00:00:00.000000Z', '2026-01-01T00:00:00.000000Z'),
  ('00000000-0000-4000-8000-000000000011', 'VNJ', 'Vanj district office', 'Vanj', 'gbao', '2026-01-01T00:00:00.000000Z', '2026-01-01T00:00:00.000000Z'),
  ('00000000-0000-4000-8000-000000000012', 'RSH', 'Rushon district office', 'Rushon', 'gbao', '2026-01-01T00:00:00.000000Z', '2026-01-01T00:00:00.000000Z'),
  ('00000000-0000-4000-8000-000000000013', 'SHG', 'Shughnon district office', 'Shughnon', 'gbao', '2026-01-01T00:00:00.000000Z', '2026-01-01T00:00:00.000000Z'),
  ('00000000-0000-4000-8000-000000000014', 'KHR', 'Khorugh city office', 'Khorugh', 'gbao', '2026-01-01T00:00:00.000000Z', '2026-01-01T00:00:00.000000Z'),
  ('00000000-0000-4000-8000-000000000015', 'RQL', 'Roshtqala district office', 'Roshtqala', 'gbao', '2026-01-01T00:00:00.000000Z', '2026-01-01T00:00:00.000000Z'),
  ('00000000-0000-4000-8000-000000000016', 'ISH', 'Ishkoshim district office', 'Ishkoshim', 'gbao', '2026-01-01T00:00:00.000000Z', '2026-01-01T00:00:00.000000Z'),
  ('00000000-0000-4000-8000-000000000017', 'PJK', 'Penjikent district office', 'Penjikent', 'sughd', '2026-01-01T00:00:00.000000Z', '2026-01-01T00:00:00.000000Z'),
  ('00000000-0000-4000-8000-000000000018', 'DSB', 'Dushanbe city office', 'Dushanbe', 'dushanbe', '2026-01-01T00:00:00.000000Z', '2026-01-01T00:00:00.000000Z');
