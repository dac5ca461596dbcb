// Ends a tab's presence ($tab), or every tab's of the session ($tab null).
MATCH (p:Presence { idHash: $idHash })
WHERE $tab IS NULL OR p.tab = $tab
DELETE p
