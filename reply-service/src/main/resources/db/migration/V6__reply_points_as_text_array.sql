-- A version's points answered are a list of texts like a contact's participants and an opinion's suggestions:
-- one column type for every list of texts, so that the mapping of such a list is never in doubt.
ALTER TABLE reply_version ADD COLUMN answers_list text[];
UPDATE reply_version SET answers_list = ARRAY(SELECT jsonb_array_elements_text(answers));
ALTER TABLE reply_version DROP COLUMN answers;
ALTER TABLE reply_version RENAME COLUMN answers_list TO answers;
ALTER TABLE reply_version ALTER COLUMN answers SET NOT NULL;
