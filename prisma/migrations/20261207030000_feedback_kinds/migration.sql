-- Label kinds for human feedback on model outputs (issue 13): rankings of several responses and
-- rubrics of several criteria. A project may name the data field holding a conversation
-- ([{role, content}, ...]) that every page shows as a chat transcript.
ALTER TYPE "LabelKind" ADD VALUE IF NOT EXISTS 'ranking';
ALTER TYPE "LabelKind" ADD VALUE IF NOT EXISTS 'rubric';

ALTER TABLE projects ADD COLUMN conversation_field text;
ALTER TABLE projects ADD CONSTRAINT projects_conversation_field_length
  CHECK (conversation_field IS NULL OR char_length(conversation_field) BETWEEN 1 AND 200);
