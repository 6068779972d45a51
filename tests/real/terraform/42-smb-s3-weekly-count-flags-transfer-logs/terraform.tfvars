# The "full DataSync mode" the README describes (make plan-ingestion sets both flags).
enable_ingestion = true
enable_datasync  = true
agent_arn        = "arn:aws:datasync:us-east-2:210987654321:agent/agent-REPLACE_ME"
