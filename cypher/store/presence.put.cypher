// Notes a browser tab's presence ($presence: { idHash, tab, username, role, country, view, editingKind, editingKey,
// expiresAt }), replacing the tab's last one.
MERGE (p:Presence { idHash: $presence.idHash, tab: $presence.tab })
SET p = $presence
