# Turned on, as the example tfvars says to do once an agent is activated near the NFS server.
enable_datasync    = true
datasync_agent_arn = "arn:aws:datasync:ap-south-1:210987654321:agent/agent-0a1b2c3d4e5f60718"
onprem_nfs_server  = "nfs.example.internal"
