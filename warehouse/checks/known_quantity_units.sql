-- A quantity has both a value and a unit, and the unit is in quantity_units.
SELECT event_id, quantity_value, quantity_unit, quantity_text
FROM events
WHERE (quantity_value IS NULL) <> (quantity_unit IS NULL)
   OR (quantity_unit IS NOT NULL AND quantity_unit NOT IN (SELECT unit FROM quantity_units))
