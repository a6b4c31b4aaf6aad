SELECT doc_id, content_hash, text_hash, coder_version FROM documents;
