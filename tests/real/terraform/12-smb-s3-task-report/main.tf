locals {
  environment = trimprefix(terraform.workspace, "analytical-platform-ingestion-")
  tags = {
    business-unit = "Platforms"
  }
}

resource "aws_datasync_location_smb" "share" {
  count = local.environment == "production" ? 1 : 0

  agent_arns = [aws_datasync_agent.office[0].arn]
  password        = "example-password"
  server_hostname = "files.example.internal"
  subdirectory    = "/share"
  user            = "datasync"
}

resource "aws_datasync_location_s3" "landing" {
  count = local.environment == "production" ? 1 : 0

  s3_bucket_arn = module.landing_bucket.s3_bucket_arn
  s3_config {
    bucket_access_role_arn = "arn:aws:iam::111122223333:role/datasync-bucket-access"
  }
  subdirectory = "/"
}

resource "aws_datasync_task" "case_files" {
  count = local.environment == "production" ? 1 : 0

  name                     = "opg"
  source_location_arn      = aws_datasync_location_smb.share[0].arn
  destination_location_arn = aws_datasync_location_s3.landing[0].arn
  cloudwatch_log_group_arn = module.task_logs.cloudwatch_log_group_arn

  options {
    gid               = "NONE"
    uid               = "NONE"
    posix_permissions = "NONE"
    log_level         = "TRANSFER"
    transfer_mode     = "CHANGED"
    verify_mode       = "NONE"
  }

  includes {
    filter_type = "SIMPLE_PATTERN"
    value       = data.aws_secretsmanager_secret_version.include_paths.secret_string
  }

  excludes {
    filter_type = "SIMPLE_PATTERN"
    value       = data.aws_secretsmanager_secret_version.exclude_paths.secret_string
  }

  task_report_config {
    report_overrides {}
    report_level         = "ERRORS_ONLY"
    output_type          = "STANDARD"
    s3_object_versioning = "INCLUDE"

    s3_destination {
      bucket_access_role_arn = module.transfer_role.arn
      s3_bucket_arn          = module.landing_bucket.s3_bucket_arn
    }
  }

  schedule {
    schedule_expression = "cron(0 23 ? * * *)"
  }

  tags = local.tags
}
