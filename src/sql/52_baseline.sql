-- The baseline view: the reported figures of the period before the roadmap
-- (the 2020-2022 review for the HDH roadmap), from baseline_fact.
-- See doc/tables.md.

CREATE VIEW baseline AS
SELECT f.id AS fact_id,
       CASE WHEN f.first_year = f.last_year THEN f.first_year::text
            ELSE f.first_year::text || '–' || f.last_year::text END AS period,
       f.first_year,
       f.last_year,
       f.axis::integer AS axis,
       f.label,
       f.qualifier::text AS qualifier,
       f.value,
       f.unit,
       CASE f.qualifier WHEN 'exactly' THEN '' WHEN 'more_than' THEN 'more than '
                        WHEN 'about' THEN 'about ' ELSE 'almost ' END
         || f.value::text || ' ' || f.unit AS figure,
       f.reported_on,
       f.source_quote,
       f.display_order
  FROM baseline_fact f
 ORDER BY f.display_order NULLS LAST, f.id;

COMMENT ON VIEW baseline IS
  'Reported figures of the baseline period (the 2020-2022 review for the HDH roadmap), in the order of the source document';
COMMENT ON COLUMN baseline.fact_id IS 'Identifier of the fact (baseline_fact.id)';
COMMENT ON COLUMN baseline.period IS 'Period the figure covers, e.g. 2020–2022';
COMMENT ON COLUMN baseline.first_year IS 'First calendar year of the period';
COMMENT ON COLUMN baseline.last_year IS 'Last calendar year of the period';
COMMENT ON COLUMN baseline.axis IS 'Strategic axis the figure relates to, if any';
COMMENT ON COLUMN baseline.label IS 'What the figure counts';
COMMENT ON COLUMN baseline.qualifier IS 'How the source qualifies the figure (a fact_qualifier label): exactly, more_than, about, almost';
COMMENT ON COLUMN baseline.value IS 'The figure';
COMMENT ON COLUMN baseline.unit IS 'Unit of the figure';
COMMENT ON COLUMN baseline.figure IS 'The figure as words, e.g. ''more than 350 respondents''';
COMMENT ON COLUMN baseline.reported_on IS 'Date the figure was reported';
COMMENT ON COLUMN baseline.source_quote IS 'The words of the source document (French for the HDH review)';
COMMENT ON COLUMN baseline.display_order IS 'Position in the source document (the view''s order); NULL last';
