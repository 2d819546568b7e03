-- The scorecard as a picture (doc/report.md): scorecard_svg, access_delay_svg
-- and report_html are well-formed XML, draw one panel per active target with
-- its title and status word, escape what comes from the data, reference
-- nothing outside themselves, and draw the edge cases inside their panel.
-- Checked with PostgreSQL's own XML parser (xmlparse, xmltable), against the
-- target table and scorecard_at, not against the drawing code. Runs in a
-- transaction that is rolled back.
--
-- The history, as of 2025-06-30 (measures reported by hand):
--   m_single  one value, 2024: 5           t_single  at_least 10, no baseline year
--   m_met     2022: 50, 2023: 80, 2024: 120 t_met     at_least 100 (already met: achieved)
--   m_far     2022: 10, 2023: 1e6, 2024: 1e9 t_far    at_most 7 (values far beyond: moving_away)
--   m_empty   nothing reported              t_empty   at_least 5, no baseline year
--   t_escape  on m_met, a title and a unit full of markup
-- and the four seeded targets, whose built-in measures have no record: empty.
BEGIN;
SET search_path = hdh_roadmap, public;
\pset null '(null)'

SELECT register_measure('m_single', 'yearly', 'things');
SELECT register_measure('m_met', 'yearly', 'things');
SELECT register_measure('m_far', 'yearly', 'months');
SELECT register_measure('m_empty', 'yearly', 'things');
INSERT INTO reported_value (measure, year, value, reported_on) VALUES
  ('m_single', 2024, 5, '2025-01-15'),
  ('m_met', 2022, 50, '2023-01-15'), ('m_met', 2023, 80, '2024-01-15'), ('m_met', 2024, 120, '2025-01-15'),
  ('m_far', 2022, 10, '2023-01-15'), ('m_far', 2023, 1e6, '2024-01-15'), ('m_far', 2024, 1e9, '2025-01-15');
INSERT INTO target (id, roadmap, axis, title, indicator, measure, kind, value, baseline_year, start_year, deadline, unit) VALUES
  ('t_single', 'Test', 1, 'A single year', 'm_single', 'm_single', 'at_least', 10, NULL, 2024, '2026-12-31', 'things'),
  ('t_met', 'Test', 1, 'Already met', 'm_met', 'm_met', 'at_least', 100, 2022, 2023, '2026-12-31', 'things'),
  ('t_far', 'Test', 2, 'Far beyond', 'm_far', 'm_far', 'at_most', 7, 2022, 2023, '2026-12-31', 'months'),
  ('t_empty', 'Test', 2, 'Nothing reported yet', 'm_empty', 'm_empty', 'at_least', 5, NULL, 2024, '2026-12-31', 'things'),
  ('t_escape', 'Test <&>', 3, '<script>alert("x")</script> R&D ''quoted'' & co' || chr(7), 'm_met', 'm_met',
   'at_least', 100, 2022, 2023, '2026-12-31', '<b>units</b> & more');
-- Three linked projects and one unlinked, made available in 2023 and 2024.
INSERT INTO project (reference, title, submitted_on, data_available_on, linkage) VALUES
  ('R1', 'r1', '2023-01-10', '2023-09-10', 'direct'),
  ('R2', 'r2', '2023-03-01', '2024-02-01', 'indirect'),
  ('R3', 'r3', '2024-01-05', '2024-07-05', 'direct'),
  ('R4', 'r4', '2024-02-01', '2024-05-01', 'none');

CREATE TEMP TABLE pic AS
SELECT scorecard_svg('2025-06-30') AS scorecard, access_delay_svg('2025-06-30') AS delay,
       report_html('2025-06-30') AS page;

-- Well-formed standalone XML, in the SVG namespace, with a title and a description.
SELECT xml_is_well_formed_document(scorecard) AS scorecard_xml,
       xml_is_well_formed_document(delay) AS delay_xml,
       xml_is_well_formed_document(page) AS page_xml,
       scorecard LIKE '<svg xmlns="http://www.w3.org/2000/svg" %' AS scorecard_svg_ns,
       delay LIKE '<svg xmlns="http://www.w3.org/2000/svg" %' AS delay_svg_ns,
       page LIKE '<!DOCTYPE html>%<html xmlns="http://www.w3.org/1999/xhtml"%' AS page_xhtml_ns
  FROM pic;
SELECT (xpath('/s:svg/s:title/text()', xmlparse(document scorecard), '{{s,http://www.w3.org/2000/svg}}'))[1]::text AS title,
       (xpath('count(/s:svg/s:desc)', xmlparse(document scorecard), '{{s,http://www.w3.org/2000/svg}}'))[1]::text AS descs,
       (xpath('/s:svg/s:title/text()', xmlparse(document delay), '{{s,http://www.w3.org/2000/svg}}'))[1]::text AS delay_title
  FROM pic;

-- Nothing runs, nothing is fetched: no script element, no event handler, no
-- link or image, no URL but the namespaces.
SELECT x.name,
       x.doc ~* '<script' AS has_script,
       x.doc ~* '\son[a-z]+=' AS has_handler,
       x.doc ~* '(href|src)=' AS has_link,
       x.doc ~* 'url\(|@import' AS has_css_url,
       (SELECT count(*) FROM regexp_matches(x.doc, 'https?://[^"]*', 'g') AS u(m)
         WHERE u.m[1] NOT IN ('http://www.w3.org/2000/svg', 'http://www.w3.org/1999/xhtml')) AS other_urls
  FROM pic CROSS JOIN LATERAL (VALUES ('scorecard', scorecard), ('delay', delay), ('page', page)) AS x(name, doc)
 ORDER BY 1;

-- One panel per active target, whose title, read back by the XML parser, is
-- the target's title (markup and all: it was escaped; the bell, which XML
-- cannot hold, dropped) and whose status word and badge colour are its
-- scorecard status. Expected: the target table and scorecard_at.
CREATE TEMP TABLE panel AS
SELECT p.*
  FROM pic, xmltable(XMLNAMESPACES('http://www.w3.org/2000/svg' AS s), '/s:svg/s:g/s:svg'
                     PASSING xmlparse(document pic.scorecard)
                     COLUMNS k FOR ORDINALITY, title text PATH 's:title', status text PATH 's:text[@class="status"]',
                             fill text PATH 's:rect[@rx]/@fill', empty text PATH 's:text[@class="empty"]',
                             points integer PATH 'count(s:circle[s:title])', series integer PATH 'count(s:polyline[@class="series"])',
                             baseline integer PATH 'count(s:rect[@class="baseline"][s:title])',
                             targets integer PATH 'count(s:line[@class="target"][s:title])',
                             no_baseline integer PATH 'count(s:text[@class="legend" and .="no baseline"])',
                             body xml PATH '.') AS p;
SELECT count(*) AS panels, (SELECT count(*) FROM target WHERE active) AS active_targets FROM panel;
SELECT t.id, p.title IS NOT NULL AS drawn,
       p.title = replace(t.title, chr(7), '') AS title_round_trip,
       p.status = CASE WHEN s.deadline_passed THEN 'verdict: ' ELSE '' END || replace(s.status, '_', ' ') AS status_word,
       s.status, p.fill
  FROM target t
  JOIN scorecard_at('2025-06-30') s ON s.target_id = t.id
  LEFT JOIN panel p ON p.title = replace(t.title, chr(7), '')
 WHERE t.active
 ORDER BY t.id;
-- Each status its own colour (Okabe-Ito), never shared with another status.
SELECT count(DISTINCT status) = count(DISTINCT fill) AS one_colour_per_status FROM panel;

-- The escaped texts as they stand in the SVG.
SELECT position('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; R&amp;D &#39;quoted&#39; &amp; co' IN scorecard) > 0 AS title_escaped,
       position('&lt;b&gt;units&lt;/b&gt; &amp; more' IN scorecard) > 0 AS unit_escaped,
       position(chr(7) IN scorecard) = 0 AS bell_dropped,
       position('&lt;script&gt;alert' IN page) > 0 AS page_title_escaped,
       position('Test &lt;&amp;&gt;' IN page) > 0 AS page_roadmap_escaped
  FROM pic;

-- The edge cases draw: an empty series says so; a single year is one point
-- and no line; a NULL baseline draws no baseline and says so; values far
-- beyond the target stretch the axis, and the target line is still drawn.
SELECT t.id, p.points, p.series, p.baseline, p.targets, p.empty, p.no_baseline AS says_no_baseline
  FROM panel p JOIN target t ON replace(t.title, chr(7), '') = p.title
 WHERE t.id IN ('t_single', 't_met', 't_far', 't_empty', 'platform_projects')
 ORDER BY t.id;
SELECT max(v.tick) AS top_tick
  FROM panel p JOIN target t ON t.title = p.title,
       xmltable(XMLNAMESPACES('http://www.w3.org/2000/svg' AS s), '//s:text[@class="tick"]' PASSING p.body
                COLUMNS tick text PATH '.') AS v
 WHERE t.id = 't_far' AND v.tick LIKE '% bn';

-- Legibly: everything of every panel lies inside its 480 x 312 box (the
-- coordinates read from the attributes and polyline points).
SELECT count(*) AS coordinates,
       count(*) FILTER (WHERE c.axis = 'x' AND (c.v < 0 OR c.v > 480)) AS x_outside,
       count(*) FILTER (WHERE c.axis = 'y' AND (c.v < 0 OR c.v > 312)) AS y_outside
  FROM panel p
 CROSS JOIN LATERAL (
   SELECT CASE WHEN m[1] IN ('x', 'cx', 'x1', 'x2') THEN 'x' ELSE 'y' END AS axis, m[2]::float8 AS v
     FROM regexp_matches(p.body::text, '\s(x|y|cx|cy|x1|x2|y1|y2)="(-?[0-9.]+)"', 'g') AS m
   UNION ALL
   SELECT a.axis, a.v
     FROM regexp_matches(p.body::text, 'points="([^"]*)"', 'g') AS pts,
          regexp_matches(pts[1], '(-?[0-9.]+),(-?[0-9.]+)', 'g') AS xy,
          LATERAL (VALUES ('x', xy[1]::float8), ('y', xy[2]::float8)) AS a(axis, v)) AS c
;

-- The delay chart: two panels (mean, Kaplan-Meier median), each naming in its
-- legend every linkage type of access_delay_at, and the 7-month target line.
CREATE TEMP TABLE delay_panel AS
SELECT d.*
  FROM pic, xmltable(XMLNAMESPACES('http://www.w3.org/2000/svg' AS s), '/s:svg/s:g/s:svg'
                     PASSING xmlparse(document pic.delay)
                     COLUMNS k FOR ORDINALITY, title text PATH 's:title', target text PATH 's:text[@class="target-label"]',
                             body xml PATH '.') AS d;
SELECT d.k, d.title, d.target,
       (SELECT string_agg(l.legend, '|' ORDER BY l.legend)
          FROM xmltable(XMLNAMESPACES('http://www.w3.org/2000/svg' AS s), '//s:text[@class="legend"]' PASSING d.body
                        COLUMNS legend text PATH '.') AS l)
       = (SELECT string_agg(DISTINCT replace(a.linkage, '_', ' '), '|' ORDER BY replace(a.linkage, '_', ' '))
            FROM access_delay_at('2025-06-30') a) AS legend_names_every_linkage
  FROM delay_panel d ORDER BY d.k;

-- The page: one figure per active target and two delay charts; the
-- scorecard table has a row per active target with its status word; the
-- delay table a row per row of access_delay_at; the baseline table a row per
-- baseline fact; the as-of date is said.
CREATE TEMP TABLE page_doc AS SELECT xmlparse(document page) AS doc FROM pic;
SELECT (xpath('count(//h:figure)', doc, '{{h,http://www.w3.org/1999/xhtml}}'))[1]::text::integer AS figures,
       (SELECT count(*) + 2 FROM target WHERE active) AS expected_figures,
       (xpath('count(//h:table[@class="scorecard"]/h:tbody/h:tr)', doc, '{{h,http://www.w3.org/1999/xhtml}}'))[1]::text::integer AS scorecard_rows,
       (xpath('count(//h:section[h:h2="Data access delay"]//h:tbody/h:tr)', doc, '{{h,http://www.w3.org/1999/xhtml}}'))[1]::text::integer AS delay_rows,
       (SELECT count(*) FROM access_delay_at('2025-06-30')) AS expected_delay_rows,
       (xpath('count(//h:section[h:h2="Baseline"]//h:tbody/h:tr)', doc, '{{h,http://www.w3.org/1999/xhtml}}'))[1]::text::integer AS baseline_rows,
       (SELECT count(*) FROM baseline) AS expected_baseline_rows,
       (xpath('string(//h:header//h:strong)', doc, '{{h,http://www.w3.org/1999/xhtml}}'))[1]::text AS as_of_shown
  FROM page_doc;
SELECT s.target_id,
       w.status = CASE WHEN s.deadline_passed THEN 'verdict: ' ELSE '' END || replace(s.status, '_', ' ') AS status_word
  FROM scorecard_at('2025-06-30') s
  LEFT JOIN (SELECT r.*
               FROM page_doc, xmltable(XMLNAMESPACES('http://www.w3.org/1999/xhtml' AS h),
                                       '//h:table[@class="scorecard"]/h:tbody/h:tr' PASSING page_doc.doc
                                       COLUMNS what text PATH 'string(h:td[1])', status text PATH 'string(h:td[2]//h:span[@class="status"])') AS r) AS w
    ON w.what LIKE '%' || replace(s.title, chr(7), '')
 ORDER BY s.target_id;
-- Never refreshed: the page says so.
SELECT position('have not been refreshed' IN page) > 0 AS says_never_refreshed FROM pic;
-- Refreshed together: one phrase names the views refresh() refreshed (every
-- one of last_refresh), the time and the date.
SELECT count(*) AS views_refreshed FROM refresh();
SELECT position('Materialized views last refreshed on ' IN p) > 0 AS says_when,
       position(format('(as of %s): %s.', to_char(current_date, 'YYYY-MM-DD'),
                       (SELECT string_agg(view_name, ', ' ORDER BY view_name) FROM last_refresh)) IN p) > 0 AS names_the_views
  FROM (SELECT report_html('2025-06-30') AS p) AS x;

-- Nothing to draw: no active target, no project.
UPDATE target SET active = false;
DELETE FROM project;
SELECT xml_is_well_formed_document(scorecard_svg('2025-06-30')) AS empty_scorecard_xml,
       position('nothing to draw' IN scorecard_svg('2025-06-30')) > 0 AS says_nothing,
       position('no delays yet' IN access_delay_svg('2025-06-30')) > 0 AS says_no_delays,
       xml_is_well_formed_document(report_html('2025-06-30')) AS empty_page_xml,
       position('No active target.' IN report_html('2025-06-30')) > 0 AS page_says_no_target;

-- A NULL date is an error naming the function (22004); so is a statistic
-- the delay chart does not know (22023).
DO $$
DECLARE
  call text;
BEGIN
  FOREACH call IN ARRAY ARRAY['scorecard_svg(NULL)', 'access_delay_svg(NULL)', 'report_html(NULL)',
                              'report_delay_svg(''[]'', ''p50'', 7)'] LOOP
    BEGIN
      EXECUTE 'SELECT hdh_roadmap.' || call;
      RAISE NOTICE '%: no error', call;
    EXCEPTION WHEN OTHERS THEN
      RAISE NOTICE '%: % %', call, SQLSTATE, SQLERRM;
    END;
  END LOOP;
END
$$;

-- The helpers, on hand-worked values.
SELECT report_date('2025-06-30') AS d, report_date('0900-01-02') AS d2, current_setting('DateStyle') AS datestyle;
SELECT report_escape('a<b>&"c''') AS escaped,
       report_number(1234.5) AS n1, report_number(12.345) AS n2, report_number(1.005) AS n3, report_number(0.5) AS n4,
       report_number(2e15) AS n5, report_number(12345) AS n6, report_number(2.5e6) AS n7, report_number(-1.25e9) AS n8,
       report_nice_step(237, 5) AS step_237, report_nice_step(1e9, 5) AS step_1e9, report_nice_step(0.7, 5) AS step_07,
       report_wrap('More than 40 new partnerships with local infrastructures', 20, 2) AS wrapped;

-- Declared as what they are: STABLE, parallel safe or restricted, the
-- search_path pinned, not SECURITY DEFINER, commented.
SELECT p.proname, p.provolatile, p.proparallel, p.prosecdef,
       'search_path=pg_catalog, hdh_roadmap, pg_temp' = ANY (p.proconfig) AS pinned,
       obj_description(p.oid, 'pg_proc') IS NOT NULL AS commented
  FROM pg_proc p
 WHERE p.pronamespace = 'hdh_roadmap'::regnamespace
   AND p.proname IN ('scorecard_svg', 'access_delay_svg', 'report_html')
 ORDER BY 1;
ROLLBACK;
