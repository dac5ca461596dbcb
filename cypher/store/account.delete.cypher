// Deletes an account ($username); its sessions are deleted separately.
MATCH (a:Account { username: $username })
DETACH DELETE a
