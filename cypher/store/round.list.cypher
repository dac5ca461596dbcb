// Every round without its document.
MATCH (r:Round)
RETURN r { .id, .seq, .name, .country, .note, .createdAt, .createdBy, .storeVersion, .counts } AS row
