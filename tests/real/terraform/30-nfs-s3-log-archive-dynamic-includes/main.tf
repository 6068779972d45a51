locals {
  source_location_arn = var.source_kind == "NFS" ? aws_datasync_location_nfs.log_host[0].arn : aws_datasync_location_smb.log_host[0].arn
}

resource "aws_datasync_agent" "on_prem" {
  activation_key = var.agent_activation_key
}

resource "aws_datasync_location_nfs" "log_host" {
  count           = var.source_kind == "NFS" ? 1 : 0
  server_hostname = var.log_host
  subdirectory    = var.log_root

  on_prem_config {
    agent_arns = [aws_datasync_agent.on_prem.arn]
  }

  mount_options {
    version = var.nfs_version
  }
}

resource "aws_datasync_location_smb" "log_host" {
  count           = var.source_kind == "SMB" ? 1 : 0
  server_hostname = var.log_host
  subdirectory    = var.log_root
  user            = var.smb_user
  password        = var.smb_password
  agent_arns      = [aws_datasync_agent.on_prem.arn]
}

resource "aws_datasync_location_s3" "archive" {
  s3_bucket_arn = "arn:aws:s3:::app-log-archive-example"
  subdirectory  = "/"

  s3_config {
    bucket_access_role_arn = "arn:aws:iam::111122223333:role/log-archive-datasync"
  }
}

resource "aws_cloudwatch_log_group" "transfers" {
  name              = "/aws/datasync/app-log-archive"
  retention_in_days = 30
}

resource "aws_datasync_task" "nightly_logs" {
  name                     = var.task_name
  source_location_arn      = local.source_location_arn
  destination_location_arn = aws_datasync_location_s3.archive.arn
  cloudwatch_log_group_arn = aws_cloudwatch_log_group.transfers.arn

  schedule {
    schedule_expression = var.schedule
  }

  dynamic "includes" {
    for_each = var.include_patterns
    content {
      filter_type = "SIMPLE_PATTERN"
      value       = includes.value
    }
  }

  options {
    atime                  = "BEST_EFFORT"
    bytes_per_second       = var.bytes_per_second
    gid                    = "NONE"
    log_level              = "TRANSFER"
    mtime                  = "PRESERVE"
    object_tags            = "PRESERVE"
    overwrite_mode         = "NEVER"
    posix_permissions      = "NONE"
    preserve_deleted_files = "REMOVE"
    preserve_devices       = "NONE"
    task_queueing          = "ENABLED"
    transfer_mode          = "CHANGED"
    uid                    = "NONE"
    verify_mode            = "ONLY_FILES_TRANSFERRED"
  }
}
