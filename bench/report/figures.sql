-- The figures of omni-report per channel and store, in SQL over the
-- tickets imported as JSON text into t(j): tickets, first response (count,
-- mean, p50, p90 by nearest rank), unanswered, resolution, SLA compliance,
-- WISMO share, refund rate, CSAT, one-touch share.  :now is --now.
CREATE TEMP TABLE m AS
  SELECT t.rowid AS id, json_extract(e.value, '$.direction') AS d,
         json_extract(e.value, '$.author') AS a,
         julianday(json_extract(e.value, '$.at')) AS at
  FROM t, json_each(t.j, '$.messages') AS e;
CREATE TEMP TABLE x AS
  WITH fi AS (SELECT id, min(at) AS fin FROM m
              WHERE d = 'in' AND (a IS NULL OR a = 'customer') GROUP BY id),
       fr AS (SELECT m.id, min(m.at) AS frep FROM m JOIN fi USING (id)
              WHERE d = 'out' AND a IN ('agent', 'bot') AND m.at >= fi.fin GROUP BY m.id),
       rp AS (SELECT id, count(*) AS n FROM m WHERE d = 'out' AND a IN ('agent', 'bot') GROUP BY id)
  SELECT t.rowid AS id, json_extract(j, '$.channel') AS ch, json_extract(j, '$.store') AS st,
         julianday(json_extract(j, '$.created_at')) AS c,
         julianday(json_extract(j, '$.solved_at')) AS s,
         julianday(json_extract(j, '$.sla.first_response_due')) AS due,
         json_extract(j, '$.intent') AS intent,
         coalesce(json_array_length(j, '$.orders'), 0) AS nord,
         EXISTS (SELECT 1 FROM json_each(j, '$.orders') AS o
                 WHERE json_array_length(o.value, '$.refunds') > 0) AS refunded,
         json_extract(j, '$.csat.score') AS score,
         coalesce(json_extract(j, '$.csat.scale'), 5) AS scale,
         fi.fin, fr.frep, coalesce(rp.n, 0) AS replies,
         round((fr.frep - fi.fin) * 86400000) AS frt,
         round((julianday(json_extract(j, '$.solved_at')) -
                julianday(json_extract(j, '$.created_at'))) * 86400000) AS res
  FROM t LEFT JOIN fi ON fi.id = t.rowid LEFT JOIN fr ON fr.id = t.rowid
         LEFT JOIN rp ON rp.id = t.rowid;
WITH pf AS (SELECT ch, st, frt, row_number() OVER w AS k, count(*) OVER (PARTITION BY ch, st) AS n
            FROM x WHERE frt IS NOT NULL WINDOW w AS (PARTITION BY ch, st ORDER BY frt)),
     pr AS (SELECT ch, st, res, row_number() OVER w AS k, count(*) OVER (PARTITION BY ch, st) AS n
            FROM x WHERE s IS NOT NULL AND c IS NOT NULL WINDOW w AS (PARTITION BY ch, st ORDER BY res)),
     qf AS (SELECT ch, st, max(CASE WHEN k = (n + 1) / 2 THEN frt END) AS p50,
                   max(CASE WHEN k = (9 * n + 9) / 10 THEN frt END) AS p90 FROM pf GROUP BY ch, st),
     qr AS (SELECT ch, st, max(CASE WHEN k = (n + 1) / 2 THEN res END) AS p50,
                   max(CASE WHEN k = (9 * n + 9) / 10 THEN res END) AS p90 FROM pr GROUP BY ch, st),
     g AS (SELECT ch, st, count(*) AS tickets, count(frt) AS frt_n, avg(frt) AS frt_mean,
                  sum(fin IS NOT NULL AND frep IS NULL) AS unanswered,
                  count(CASE WHEN s IS NOT NULL THEN res END) AS res_n,
                  avg(CASE WHEN s IS NOT NULL THEN res END) AS res_mean,
                  sum(fin IS NOT NULL AND due IS NOT NULL AND
                      (frep IS NOT NULL OR julianday(:now) > due)) AS judged,
                  sum(fin IS NOT NULL AND due IS NOT NULL AND frep IS NOT NULL AND frep <= due) AS met,
                  sum(intent = 'wismo') AS wismo, sum(nord > 0) AS ordered,
                  sum(nord > 0 AND refunded) AS refunded,
                  sum(typeof(score) IN ('integer', 'real')) AS rated,
                  sum(typeof(score) IN ('integer', 'real') AND score >= 0.8 * scale - 1e-9) AS happy,
                  sum(s IS NOT NULL) AS solved, sum(s IS NOT NULL AND replies = 1) AS one
           FROM x GROUP BY ch, st)
SELECT g.ch, g.st, tickets, frt_n, round(frt_mean / 60000, 2), round(qf.p50 / 60000.0, 2),
       round(qf.p90 / 60000.0, 2), unanswered, res_n, round(res_mean / 60000, 2),
       round(qr.p50 / 60000.0, 2), round(qr.p90 / 60000.0, 2),
       round(1.0 * met / nullif(judged, 0), 4), round(1.0 * wismo / tickets, 4),
       round(1.0 * refunded / nullif(ordered, 0), 4), round(1.0 * happy / nullif(rated, 0), 4),
       round(1.0 * one / nullif(solved, 0), 4)
FROM g LEFT JOIN qf USING (ch, st) LEFT JOIN qr USING (ch, st) ORDER BY g.ch, g.st;
