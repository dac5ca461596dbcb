// Takes the accounts lock (a write on one meta node) so that changes checking other accounts, such as
// "at least one administrator remains", run one after the other.
MERGE (m:FlowAtlasMeta { key: 'accounts_lock' })
ON CREATE SET m.value = 0
SET m.value = m.value + 1
RETURN m.value AS value
