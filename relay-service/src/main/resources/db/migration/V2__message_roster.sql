-- A message sent to a roster (a function such as the complaint desk) rather than to one officer:
-- the roster's id; recipient_nip is then the officer who was on call when it was submitted.
ALTER TABLE message ADD COLUMN recipient_roster VARCHAR(64) NULL;
