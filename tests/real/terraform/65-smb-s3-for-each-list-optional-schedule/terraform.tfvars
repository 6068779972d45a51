# The share the example tfvars shows in its commented lines, turned on.
datasync_shares = [{
  name                = "matters"
  smb_server          = "files.corp.example"
  path                = "/matters"
  user                = "svc-copy"
  password_secret_arn = "arn:aws:secretsmanager:eu-west-2:111122223333:secret:share-copy-Ab12Cd"
  agent_arn           = "arn:aws:datasync:eu-west-2:111122223333:agent/agent-0123456789abcdef0"
}]
