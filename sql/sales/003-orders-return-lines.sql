-- A return line names the line of the original order it gives back, so
-- that no more can be returned than was sold minus what came back before.
-- NULL for ordinary lines (and for returns imported without it).
ALTER TABLE order_lines
  ADD COLUMN original_line_id INT UNSIGNED NULL AFTER status,
  ADD KEY order_lines_original (original_line_id),
  ADD CONSTRAINT order_lines_original_fk FOREIGN KEY (original_line_id)
    REFERENCES order_lines (id);
